package contactcsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"github.com/nurturesms/nurture/campaign"
)

// maxRecord is the longest row the reader accepts, in bytes. A longer
// one almost always means a quote that is never closed, and reading on
// would hold the rest of the file in memory.
const maxRecord = 1 << 20

// Problems with a whole file, each with a message for the user.
var (
	ErrEmpty = campaign.Errorf(campaign.EINVALID, "The file is empty. "+
		"Choose the file that holds your contacts.")
	ErrHeaderOnly = campaign.Errorf(campaign.EINVALID, "The file has a "+
		"header row but no contacts under it. Add rows of contacts, or "+
		"choose another file.")
	ErrBinary = campaign.Errorf(campaign.EINVALID, "The file is not a "+
		"CSV text file; it may be a spreadsheet or an image. In your "+
		"spreadsheet app, save it as CSV and import that file.")
	errRecordLimit = errors.New("row too long")
)

// RowError is a problem with one row; the reader can go on after it.
type RowError struct {
	Line   int
	Fields []string
	Reason string
}

// Error returns the reason with its line number.
func (e *RowError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// Record is one row of the file.
type Record struct {
	// Line is where the row starts in the file, counting from 1.
	Line   int
	Fields []string
}

// Reader reads a contacts file row by row, never more than one row and
// a small buffer at a time.
type Reader struct {
	// Encoding is the detected text encoding.
	Encoding Encoding
	// Separator is the detected separator: ',', ';' or '\t'.
	Separator rune
	// Header holds the column names from the first row.
	Header []string

	csv      *csv.Reader
	limit    *limitReader
	lastLine int // where the last row read starts
	skipped  int // lines before the CSV proper, such as "sep=;"
	peeked   *peeked
}

// NewReader detects the encoding and separator of r and reads the
// header row. It fails with a plain message for empty files, files
// with only a header, and files that are not text.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) &&
		!errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("read file: %w", err)
	}
	if len(strings.TrimSpace(string(head))) == 0 {
		return nil, ErrEmpty
	}

	enc, bom := detectEncoding(head)
	sample := decodeSample(head[bom:], enc)
	if looksBinary(sample) {
		return nil, ErrBinary
	}

	text := decodeReader(br, enc, bom)
	if crLines(sample) {
		text = crReader{text}
		sample = bytes.ReplaceAll(sample, []byte{'\r'}, []byte{'\n'})
	}
	sep, skip := sepLine(sample)
	if skip {
		if text, err = skipLine(text); err != nil {
			return nil, err
		}
	} else {
		sep = detectSeparator(sample)
	}
	lr := &limitReader{r: text, left: maxRecord}
	cr := csv.NewReader(lr)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	rd := &Reader{Encoding: enc, Separator: cr.Comma, csv: cr, limit: lr}
	if skip {
		rd.skipped = 1
	}

	if err := rd.readHeader(); err != nil {
		return nil, err
	}
	return rd, nil
}

// decodeSample converts the sniffed bytes to UTF-8, ignoring a
// character cut off at the end.
func decodeSample(b []byte, e Encoding) []byte {
	d := e.decoder()
	if d == nil {
		return b
	}
	if e == UTF16LE || e == UTF16BE {
		b = b[:len(b)&^1]
	}
	out, _, err := transform.Bytes(d.NewDecoder(), b)
	if err != nil {
		return b
	}
	return out
}

// readHeader reads the first row and makes sure a data row follows.
func (r *Reader) readHeader() error {
	rec, err := r.next()
	if errors.Is(err, io.EOF) {
		return ErrEmpty
	}
	if err != nil {
		return err
	}

	header := make([]string, len(rec.Fields))
	blank := true
	for i, f := range rec.Fields {
		header[i] = strings.TrimSpace(f)
		if header[i] != "" {
			blank = false
		}
	}
	if blank {
		return ErrEmpty
	}
	r.Header = header

	// Look one row ahead, so that a file with only a header says so.
	next, err := r.next()
	var re *RowError
	switch {
	case errors.Is(err, io.EOF):
		return ErrHeaderOnly
	case err != nil && !errors.As(err, &re):
		return err
	}
	r.peeked = &peeked{rec: next, err: err}
	return nil
}

// peeked is a row read ahead of the caller.
type peeked struct {
	rec Record
	err error
}

// Read returns the next row. It returns io.EOF at the end, a *RowError
// for a row that cannot be read (the caller may go on to the next), and
// any other error for a file that cannot be read further.
func (r *Reader) Read() (Record, error) {
	if p := r.peeked; p != nil {
		r.peeked = nil
		return p.rec, p.err
	}
	return r.next()
}

// checkWidth reports a row whose number of values differs from the
// header's. Empty values past the last column are dropped first.
func (r *Reader) checkWidth(rec Record) (Record, error) {
	want := len(r.Header)
	for len(rec.Fields) > want && rec.Fields[len(rec.Fields)-1] == "" {
		rec.Fields = rec.Fields[:len(rec.Fields)-1]
	}
	if len(rec.Fields) == want {
		return rec, nil
	}
	return rec, &RowError{Line: rec.Line, Fields: rec.Fields,
		Reason: fmt.Sprintf("the row has %s but the header has %s; "+
			"check for a missing or extra separator",
			Count(len(rec.Fields), "value"), Count(want, "column"))}
}

// next reads one row and turns the csv package's errors into plain
// reasons. Blank rows are skipped.
func (r *Reader) next() (Record, error) {
	for {
		fields, err := r.csv.Read()
		line := r.lastLine + 1
		if len(fields) > 0 {
			line, _ = r.csv.FieldPos(0)
			line += r.skipped
		}
		r.limit.left = maxRecord + sniffSize
		r.lastLine = line

		switch {
		case errors.Is(err, io.EOF):
			return Record{}, io.EOF
		case errors.Is(err, errRecordLimit):
			return Record{}, campaign.Errorf(campaign.EINVALID,
				"After line %d one row runs on for more than 1 MB, which "+
					"usually means a quote (\") that is never closed. Fix "+
					"the quotes after line %d and import again.",
				line-1, line-1)
		case err != nil:
			return r.parseError(err)
		}

		if blankRow(fields) {
			continue
		}
		if r.Encoding == UTF8 && !textOnly(fields) {
			fields = windows1252Fields(fields)
		}
		rec := Record{Line: line, Fields: fields}
		if !textOnly(fields) {
			return rec, &RowError{Line: line, Fields: fields,
				Reason: "the row holds characters that are not text"}
		}
		if len(r.Header) > 0 {
			return r.checkWidth(rec)
		}
		return rec, nil
	}
}

// parseError explains a row the csv package could not read.
func (r *Reader) parseError(err error) (Record, error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Record{}, fmt.Errorf("read file: %w", err)
	}
	pe.Line += r.skipped
	pe.StartLine += r.skipped
	r.lastLine = pe.Line
	reason := "a quote (\") is misplaced; put quotes around the whole " +
		"value, and double any quote inside it"
	if errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine {
		reason = "a quote (\") opened here is never closed"
	}
	return Record{Line: pe.StartLine}, &RowError{Line: pe.StartLine,
		Reason: reason}
}

// blankRow reports whether every value in a row is blank.
func blankRow(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// textOnly reports whether a row is free of NUL bytes and broken
// characters.
func textOnly(fields []string) bool {
	for _, f := range fields {
		if strings.IndexByte(f, 0) >= 0 || !utf8.ValidString(f) {
			return false
		}
	}
	return true
}

// windows1252Fields reads the values that are not UTF-8 as
// Windows-1252. A file whose start is plain ASCII is taken for UTF-8;
// an accented name further down in a Windows-1252 file shows up as
// bytes that are not UTF-8, and this reads them as meant. Values with
// NUL bytes are left for the caller to refuse.
func windows1252Fields(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f
		if utf8.ValidString(f) || strings.IndexByte(f, 0) >= 0 {
			continue
		}
		if s, err := charmap.Windows1252.NewDecoder().String(f); err == nil {
			out[i] = s
		}
	}
	return out
}

// sepLine reads the "sep=;" line some spreadsheets put before the
// header to name the separator. It reports the separator and whether
// the sample starts with such a line.
func sepLine(sample []byte) (rune, bool) {
	line, _, _ := bytes.Cut(sample, []byte{'\n'})
	line = bytes.TrimRight(line, "\r")
	if len(line) != 5 || !bytes.EqualFold(line[:4], []byte("sep=")) {
		return 0, false
	}
	switch sep := rune(line[4]); sep {
	case ',', ';', '\t':
		return sep, true
	}
	return 0, false
}

// skipLine returns r after its first line.
func skipLine(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	if _, err := br.ReadString('\n'); err != nil && !errors.Is(err,
		io.EOF) {
		return nil, fmt.Errorf("read file: %w", err)
	}
	return br, nil
}

// crLines reports whether a sample ends its lines with a carriage
// return alone, as old Macintosh spreadsheets write CSV.
func crLines(sample []byte) bool {
	return bytes.IndexByte(sample, '\n') < 0 &&
		bytes.IndexByte(sample, '\r') >= 0
}

// crReader turns every carriage return into a line feed, for files
// whose lines end in a carriage return alone.
type crReader struct{ r io.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// limitReader fails once more than left bytes are read without the
// reader resetting left, so that one endless row cannot fill memory.
type limitReader struct {
	r    io.Reader
	left int
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errRecordLimit
	}
	if len(p) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= n
	return n, err
}
