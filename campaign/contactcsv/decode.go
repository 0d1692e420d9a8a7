package contactcsv

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names a text encoding Nurture can read.
type Encoding string

// The encodings the reader detects.
const (
	UTF8        Encoding = "UTF-8"
	UTF8BOM     Encoding = "UTF-8 with BOM"
	UTF16LE     Encoding = "UTF-16 LE"
	UTF16BE     Encoding = "UTF-16 BE"
	Windows1252 Encoding = "Windows-1252 (Latin-1)"
)

// sniffSize is how much of the file is read to detect the encoding and
// separator.
const sniffSize = 64 << 10

// detectEncoding looks at the start of a file and returns its encoding
// and how many bytes of byte order mark to skip.
func detectEncoding(head []byte) (Encoding, int) {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8BOM, 3
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return UTF16LE, 2
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return UTF16BE, 2
	}

	// UTF-16 without a mark shows as a NUL beside most ASCII letters.
	if enc, ok := guessUTF16(head); ok {
		return enc, 0
	}
	if validUTF8Prefix(head) {
		return UTF8, 0
	}
	return Windows1252, 0
}

// guessUTF16 spots UTF-16 text without a byte order mark: mostly ASCII,
// so every other byte is zero.
func guessUTF16(head []byte) (Encoding, bool) {
	n := len(head) &^ 1
	if n < 8 {
		return "", false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 > pairs*9 && even == 0:
		return UTF16LE, true
	case even*10 > pairs*9 && odd == 0:
		return UTF16BE, true
	}
	return "", false
}

// validUTF8Prefix reports whether b is UTF-8, allowing the sample to
// end in the middle of a character.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		r, _ := utf8.DecodeLastRune(b)
		if r != utf8.RuneError {
			return false
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// decoder returns the x/text encoding for e, or nil for UTF-8.
func (e Encoding) decoder() encoding.Encoding {
	switch e {
	case UTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case UTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case Windows1252:
		return charmap.Windows1252
	}
	return nil
}

// decodeReader returns r read as UTF-8 text: the byte order mark is
// skipped and other encodings are converted as the bytes stream by.
func decodeReader(r *bufio.Reader, e Encoding, bom int) io.Reader {
	if bom > 0 {
		_, _ = r.Discard(bom)
	}
	d := e.decoder()
	if d == nil {
		return r
	}
	return transform.NewReader(r, d.NewDecoder())
}

// looksBinary reports whether decoded text holds control characters
// that no spreadsheet writes: NUL, or many other C0 controls.
func looksBinary(text []byte) bool {
	if len(text) == 0 {
		return false
	}
	var odd int
	for _, c := range text {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f':
			odd++
		}
	}
	if !utf8.Valid(trimPartialRune(text)) {
		return true
	}
	return odd*100 > len(text)
}

// trimPartialRune drops a character cut off at the end of a sample.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return b
}
