package contactcsv

import (
	"errors"
	"io"
)

// Preview is what the import dialog shows before anything is written.
type Preview struct {
	Encoding  Encoding
	Separator rune
	Header    []string
	// Rows are the first rows, as read; a row that cannot be read is
	// left out.
	Rows    [][]string
	Mapping Mapping
}

// SeparatorName names a separator for people: "comma", "semicolon" or
// "tab".
func SeparatorName(r rune) string {
	switch r {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// ReadPreview reads the header and up to n rows of a file and guesses
// the column mapping.
func ReadPreview(r io.Reader, n int) (Preview, error) {
	rd, err := NewReader(r)
	if err != nil {
		return Preview{}, err
	}

	p := Preview{Encoding: rd.Encoding, Separator: rd.Separator,
		Header: rd.Header, Mapping: GuessMapping(rd.Header)}
	for len(p.Rows) < n {
		rec, err := rd.Read()
		var re *RowError
		switch {
		case errors.Is(err, io.EOF):
			return p, nil
		case errors.As(err, &re):
			continue
		case err != nil:
			return p, err
		}
		p.Rows = append(p.Rows, rec.Fields)
	}
	return p, nil
}
