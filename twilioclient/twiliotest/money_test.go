package twiliotest

import (
	"strings"
	"testing"
)

func TestParseMicros(t *testing.T) {
	tests := []struct {
		in      string
		want    micros
		wantStr string
		wantErr bool
	}{
		{"20.00", 20_000_000, "20.00", false},
		{"0.0079", 7_900, "0.0079", false},
		{"-0.0037", -3_700, "-0.0037", false},
		{"10", 10_000_000, "10.00", false},
		{".5", 500_000, "0.50", false},
		{"0.1234567", 0, "", true},
		{"abc", 0, "", true},
		{"1.2x", 0, "", true},
	}
	for _, tt := range tests {
		got, err := parseMicros(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseMicros(%q): got error %v, want error %v",
				tt.in, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		if got != tt.want || got.String() != tt.wantStr {
			t.Errorf("parseMicros(%q): got %d (%s), want %d (%s)",
				tt.in, got, got, tt.want, tt.wantStr)
		}
	}
}

// FuzzParseMicros checks that parsing never panics and that what it
// reads prints back to the same amount.
func FuzzParseMicros(f *testing.F) {
	for _, s := range []string{"20.00", "-0.0079", "", "-", ".", "1e3",
		"99999999999999.999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parseMicros(s)
		if err != nil {
			return
		}
		again, err := parseMicros(m.String())
		if err != nil || again != m {
			t.Errorf("%q read as %d printed as %q read back as %d (%v)",
				s, m, m.String(), again, err)
		}
	})
}

func TestSegments(t *testing.T) {
	tests := []struct {
		name string
		body string
		want int
	}{
		{"empty", "", 1},
		{"gsm 160", strings.Repeat("a", 160), 1},
		{"gsm 161", strings.Repeat("a", 161), 2},
		{"gsm 306", strings.Repeat("a", 306), 2},
		{"gsm 307", strings.Repeat("a", 307), 3},
		{"escape counts twice", strings.Repeat("€", 80), 1},
		{"escape over", strings.Repeat("€", 81), 2},
		{"ucs2 70", strings.Repeat("ś", 70), 1},
		{"ucs2 71", strings.Repeat("ś", 71), 2},
		{"emoji is two units", strings.Repeat("😀", 35), 1},
		{"emoji over", strings.Repeat("😀", 36), 2},
	}
	for _, tt := range tests {
		if got := segments(tt.body); got != tt.want {
			t.Errorf("%s: got %d Segments, want %d", tt.name, got, tt.want)
		}
	}
}
