package contactcsv

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// utf16Bytes encodes s as UTF-16 with a byte order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	if bigEndian {
		b.Write([]byte{0xFE, 0xFF})
	} else {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	return b.Bytes()
}

func latin1(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNewReader_detects(t *testing.T) {
	const text = "Name,Phone\r\nZoë Müller,+1 415 555 0100\r\n"
	tests := []struct {
		name    string
		in      []byte
		enc     Encoding
		sep     rune
		wantRow string
	}{
		{"utf8", []byte(text), UTF8, ',', "Zoë Müller"},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, text...), UTF8BOM,
			',', "Zoë Müller"},
		{"utf16 le", utf16Bytes(text, false), UTF16LE, ',', "Zoë Müller"},
		{"utf16 be", utf16Bytes(text, true), UTF16BE, ',', "Zoë Müller"},
		{"windows-1252", latin1(t, "Name;Phone\nZoë Müller;0415\n"),
			Windows1252, ';', "Zoë Müller"},
		{"tab", []byte("Name\tPhone\nZoë Müller\t1\n"), UTF8, '\t',
			"Zoë Müller"},
		{"quoted commas", []byte("Name;Phone\n\"Smith, Jo\";1\n"), UTF8,
			';', "Smith, Jo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd, err := NewReader(bytes.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if rd.Encoding != tt.enc || rd.Separator != tt.sep {
				t.Errorf("got %s %q, want %s %q", rd.Encoding, rd.Separator,
					tt.enc, tt.sep)
			}
			if got, want := strings.Join(rd.Header, "|"), "Name|Phone"; got != want {
				t.Errorf("header = %q, want %q", got, want)
			}
			rec, err := rd.Read()
			if err != nil {
				t.Fatal(err)
			}
			if rec.Fields[0] != tt.wantRow || rec.Line != 2 {
				t.Errorf("row = %q line %d, want %q line 2", rec.Fields[0],
					rec.Line, tt.wantRow)
			}
		})
	}
}

func TestNewReader_badFiles(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank lines", "\n\r\n  \n", ErrEmpty},
		{"header only", "phone,name\n", ErrHeaderOnly},
		{"header and blank rows", "phone,name\n,\n\n", ErrHeaderOnly},
		{"binary", "PK\x03\x04\x00\x00\x08\x00\x00\x00!\x00", ErrBinary},
	}
	for _, tt := range tests {
		_, err := NewReader(strings.NewReader(tt.in))
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, err, tt.want)
		}
	}
}

// readAll reads every row, collecting row problems by line.
func readAll(t *testing.T, in string) ([]Record, map[int]string, error) {
	t.Helper()
	rd, err := NewReader(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	bad := map[int]string{}
	for {
		rec, err := rd.Read()
		var re *RowError
		switch {
		case errors.Is(err, io.EOF):
			return recs, bad, nil
		case errors.As(err, &re):
			bad[re.Line] = re.Reason
		case err != nil:
			return recs, bad, err
		default:
			recs = append(recs, rec)
		}
	}
}

func TestReader_rowProblems(t *testing.T) {
	in := "phone,name,city\n" +
		"1,a,x\n" +
		"2,b\n" + // too few values
		"3,c,y,z\n" + // too many
		"4,d,w,,\n" + // trailing empty values are fine
		"5,e\"f,v\n" + // bare quote
		"6,\"g,u\n" + // quote never closed: swallows the rest
		"7,h,t\n"
	recs, bad, err := readAll(t, in)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, r := range recs {
		lines = append(lines, r.Line)
	}
	if got, want := len(recs), 2; got != want {
		t.Fatalf("read %d good rows (lines %v), want %d", got, lines, want)
	}
	wants := map[int]string{3: "has 2 values", 4: "has 4 values",
		6: "quote", 7: "never closed"}
	for line, want := range wants {
		if !strings.Contains(bad[line], want) {
			t.Errorf("line %d: reason %q, want one with %q", line, bad[line],
				want)
		}
	}
}

// A Windows-1252 file whose first accented letter comes after the
// sample the encoding is guessed from is read as meant, row by row.
func TestReader_lateWindows1252(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("phone,name\n")
	for b.Len() <= sniffSize {
		b.WriteString("+14155550100,Ann\n")
	}
	b.Write(latin1(t, "+14155550101,Renée Müller\n"))
	b.WriteString("+14155550102,Bad\x00Byte\n")

	rd, err := NewReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rd.Encoding, UTF8; got != want {
		t.Fatalf("encoding %s, want %s from the sample", got, want)
	}
	var last Record
	var rowErr *RowError
	for {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.As(err, &rowErr) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		last = rec
	}
	if got, want := strings.Join(last.Fields, ","), "+14155550101,Renée Müller"; got != want {
		t.Errorf("last good row = %q, want %q", got, want)
	}
	if rowErr == nil || !strings.Contains(rowErr.Reason, "not text") {
		t.Errorf("the row with a NUL byte: %v, want it refused", rowErr)
	}
}

// Old Macintosh spreadsheets end lines with a carriage return alone.
func TestReader_carriageReturnLines(t *testing.T) {
	in := "phone;name\r+14155550111;\"Mac; One\"\r+14155550112;Two\r"
	recs, bad, err := readAll(t, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Errorf("row problems: %v", bad)
	}
	var got []string
	for _, r := range recs {
		got = append(got, strings.Join(r.Fields, "|"))
	}
	want := "+14155550111|Mac; One,+14155550112|Two"
	if strings.Join(got, ",") != want {
		t.Errorf("rows = %q, want %q", got, want)
	}
	if len(recs) == 2 && recs[1].Line != 3 {
		t.Errorf("second row on line %d, want 3", recs[1].Line)
	}
}

// Some spreadsheets name the separator in a line before the header.
func TestReader_sepLine(t *testing.T) {
	in := "sep=;\r\nphone;name,city\r\n+14155550121;\"Ann\r\n" +
		"+14155550122;Bo\r\n"
	rd, err := NewReader(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rd.Header, "|"), "phone|name,city"; got != want {
		t.Errorf("header = %q, want %q", got, want)
	}
	_, err = rd.Read()
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 {
		t.Errorf("unclosed quote: %v, want a row error on line 3", err)
	}
}

func TestReader_endlessQuote(t *testing.T) {
	in := "phone,note\n1,ok\n2,\"" + strings.Repeat("x,y\n", 600000)
	_, _, err := readAll(t, in)
	if err == nil || !strings.Contains(err.Error(), "never closed") {
		t.Fatalf("got %v, want an error about a quote never closed", err)
	}
}

// endless yields a header and then rows for ever.
type endless struct{ off int }

const endlessText = "phone,name\n+44 7700 900123,Ada\n"

func (e *endless) Read(p []byte) (int, error) {
	const header = len("phone,name\n")
	for i := range p {
		p[i] = endlessText[e.off]
		e.off++
		if e.off == len(endlessText) {
			e.off = header
		}
	}
	return len(p), nil
}

// TestReader_streams reads from a file with no end: the reader must
// hand out rows without waiting for the whole file.
func TestReader_streams(t *testing.T) {
	rd, err := NewReader(&endless{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100000; i++ {
		if _, err := rd.Read(); err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
	}
}
