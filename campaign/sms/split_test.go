package sms

import (
	"testing"

	"github.com/rivo/uniseg"
)

// TestIsPlain checks every plain character against uniseg: it must
// neither join onto a letter, nor take one onto itself, nor pair with
// itself.
func TestIsPlain(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		if !isPlain(r) {
			continue
		}
		s := string(r)
		for _, pair := range []string{"a" + s, s + "a", s + s} {
			if got := uniseg.GraphemeClusterCount(pair); got != 2 {
				t.Fatalf("U+%04X in %q: got %d clusters, want 2", r, pair, got)
			}
		}
	}
}

func TestClusters(t *testing.T) {
	tests := []struct {
		s    string
		want []string
	}{
		{"ab", []string{"a", "b"}},
		{"a\r\nb", []string{"a", "\r\n", "b"}},
		{"e\u0301x", []string{"e\u0301", "x"}},
		{"я\u0301я", []string{"я\u0301", "я"}},
		{"👍🏽!", []string{"👍🏽", "!"}},
		{"🇫🇷🇩🇪", []string{"🇫🇷", "🇩🇪"}},
		{"1\ufe0f\u20e3", []string{"1\ufe0f\u20e3"}},
		{"春\n节", []string{"春", "\n", "节"}},
	}
	for _, tt := range tests {
		var got []string
		c := clusters{s: tt.s, state: -1}
		for {
			start, end, _, ok := c.next()
			if !ok {
				break
			}
			got = append(got, tt.s[start:end])
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %q, want %q", tt.s, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: got %q, want %q", tt.s, got, tt.want)
				break
			}
		}
	}
}
