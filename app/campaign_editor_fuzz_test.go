package app

import (
	"strings"
	"testing"

	"github.com/nurturesms/nurture/app/flow"
)

func TestParseClock(t *testing.T) {
	tests := []struct {
		in     string
		want   int
		wantOK bool
	}{
		{"09:30", 570, true},
		{"9:30", 570, true},
		{" 17:05 ", 1025, true},
		{"0:00", 0, true},
		{"23:59", 1439, true},
		{"24:00", 0, false},
		{"12:60", 0, false},
		{"-1:30", 0, false},
		{"930", 0, false},
		{"", 0, false},
		{"ab:cd", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseClock(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("parseClock(%q) = %d, %v; want %d, %v",
				tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

// FuzzParseClock checks that every time read is within a day and reads
// back the same once written out.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"09:30", "0:0", "23:59", "24:00", ":", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		mins, ok := parseClock(s)
		if !ok {
			return
		}
		if mins < 0 || mins >= 24*60 {
			t.Fatalf("parseClock(%q) = %d, outside a day", s, mins)
		}
		back, ok := parseClock(flow.ClockTime(mins))
		if !ok || back != mins {
			t.Fatalf("parseClock(ClockTime(%d)) = %d, %v", mins, back, ok)
		}
	})
}

func TestSplitTags(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"customer, vip", []string{"customer", "vip"}},
		{" a ,, b,", []string{"a", "b"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := splitTags(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("splitTags(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("splitTags(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
}

func TestCostLine(t *testing.T) {
	tests := []struct {
		segments int
		price    float64
		want     string
	}{
		{1, 0, "1 Segment"},
		{3, 0, "3 Segments"},
		{2, 0.0079, "2 Segments, up to $0.0158"},
	}
	for _, tt := range tests {
		if got := costLine(tt.segments, tt.price); got != tt.want {
			t.Errorf("costLine(%d, %v) = %q, want %q",
				tt.segments, tt.price, got, tt.want)
		}
	}
}

func TestWorstSegments(t *testing.T) {
	tests := []struct {
		name string
		body string
		want int
	}{
		{"plain", "Hello there", 1},
		// 140 plain characters plus a field taken at 30 is over 160.
		{"merge field pushes it over", strings.Repeat("a", 140) +
			"{{first_name}}", 2},
		// 125 plus a 40-character fallback is over 160; plus 30 is not.
		{"long fallback counts", strings.Repeat("a", 125) +
			"{{first_name|" + strings.Repeat("b", 40) + "}}", 2},
	}
	for _, tt := range tests {
		if got := worstSegments(tt.body); got != tt.want {
			t.Errorf("%s: worstSegments = %d, want %d", tt.name, got, tt.want)
		}
	}
}
