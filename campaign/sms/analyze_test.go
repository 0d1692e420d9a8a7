package sms

import (
	"slices"
	"strings"
	"testing"
)

// segUnits returns the units of each segment.
func segUnits(a Analysis) []int {
	var out []int
	for _, s := range a.Segments {
		out = append(out, s.Units)
	}
	return out
}

func TestAnalyze_segments(t *testing.T) {
	ya := strings.Repeat("я", 1)
	tests := []struct {
		name  string
		body  string
		enc   Encoding
		units []int
		cap   int
	}{
		{"empty", "", GSM7, nil, 0},
		{"short", "hello", GSM7, []int{5}, 160},
		{"160 fits one", strings.Repeat("a", 160), GSM7, []int{160}, 160},
		{"161 takes two", strings.Repeat("a", 161), GSM7,
			[]int{153, 8}, 153},
		{"extension costs two", "a{b}€", GSM7, []int{8}, 160},
		{"80 euros fit one", strings.Repeat("€", 80), GSM7,
			[]int{160}, 160},
		{"extension never straddles",
			strings.Repeat("a", 152) + "{" + strings.Repeat("a", 10),
			GSM7, []int{152, 12}, 153},
		{"form feed is extension", "a\fb", GSM7, []int{4}, 160},
		{"CR LF costs two", "a\r\nb", GSM7, []int{4}, 160},
		{"GSM-7 accents", "Ça fait très été, Ñandù? ¿Δ§£¥", GSM7,
			[]int{30}, 160},
		{"lowercase c cedilla", "ç", UCS2, []int{1}, 70},
		{"backtick", "`", UCS2, []int{1}, 70},
		{"degree", "20°", UCS2, []int{3}, 70},
		{"tab", "a\tb", UCS2, []int{3}, 70},
		{"decomposed e acute", "e\u0301", UCS2, []int{2}, 70},
		{"70 UCS-2 fit one", strings.Repeat(ya, 70), UCS2,
			[]int{70}, 70},
		{"71 UCS-2 take two", strings.Repeat(ya, 71), UCS2,
			[]int{67, 4}, 67},
		{"emoji is a surrogate pair", "😀", UCS2, []int{2}, 70},
		{"surrogate pair never split",
			strings.Repeat(ya, 66) + "😀" + strings.Repeat(ya, 10),
			UCS2, []int{66, 12}, 67},
		{"skin tone stays with its emoji",
			strings.Repeat(ya, 65) + "👍🏽" + strings.Repeat(ya, 10),
			UCS2, []int{65, 14}, 67},
		{"flag stays whole",
			strings.Repeat(ya, 65) + "🇫🇷" + strings.Repeat(ya, 10),
			UCS2, []int{65, 14}, 67},
		{"ZWJ family stays whole",
			strings.Repeat(ya, 60) + "👨‍👩‍👧" + strings.Repeat(ya, 10),
			UCS2, []int{60, 18}, 67},
		{"keycap stays whole",
			strings.Repeat(ya, 66) + "1\ufe0f\u20e3" +
				strings.Repeat(ya, 5),
			UCS2, []int{66, 8}, 67},
		{"a cluster longer than a segment is cut inside",
			strings.Repeat(ya, 10) + "a" + strings.Repeat("\u0301", 80),
			UCS2, []int{10, 67, 14}, 67},
		{"accent stays with its letter",
			strings.Repeat(ya, 66) + "e\u0301" + strings.Repeat(ya, 5),
			UCS2, []int{66, 7}, 67},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Analyze(tt.body, Options{})
			if a.Encoding != tt.enc {
				t.Errorf("encoding: got %v, want %v", a.Encoding, tt.enc)
			}
			if got := segUnits(a); !slices.Equal(got, tt.units) {
				t.Errorf("segment units: got %v, want %v", got, tt.units)
			}
			for _, s := range a.Segments {
				if s.Capacity != tt.cap {
					t.Errorf("capacity: got %d, want %d", s.Capacity, tt.cap)
				}
			}
			sum := 0
			for _, u := range tt.units {
				sum += u
			}
			if a.Units != sum {
				t.Errorf("units: got %d, want %d", a.Units, sum)
			}
		})
	}
}

func TestAnalyze_smartEncoding(t *testing.T) {
	body := "“Hi” — it’s\u00a0here…"
	tests := []struct {
		name     string
		body     string
		smart    bool
		enc      Encoding
		text     string
		replaced int
		unicode  int
	}{
		{"off", body, false, UCS2, body, 0, 6},
		{"on", body, true, GSM7, `"Hi" - it's here...`, 6, 0},
		{"on, but an emoji stays", body + "😀", true, UCS2,
			body + "😀", 0, 7},
		{"zero-width space removed", "a\u200bb", true, GSM7, "ab", 1, 0},
		{"tab becomes a space", "a\tb", true, GSM7, "a b", 1, 0},
		{"fullwidth letters", "ＳＡＬＥ", true, GSM7, "SALE", 4, 0},
		{"GSM-7 untouched", "plain", true, GSM7, "plain", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Analyze(tt.body, Options{SmartEncoding: tt.smart})
			if a.Encoding != tt.enc {
				t.Errorf("encoding: got %v, want %v", a.Encoding, tt.enc)
			}
			if a.Text != tt.text {
				t.Errorf("text: got %q, want %q", a.Text, tt.text)
			}
			if len(a.ReplacedChars()) != tt.replaced {
				t.Errorf("replaced: got %d, want %d",
					len(a.ReplacedChars()), tt.replaced)
			}
			if len(a.UnicodeChars()) != tt.unicode {
				t.Errorf("unicode chars: got %d, want %d",
					len(a.UnicodeChars()), tt.unicode)
			}
		})
	}
}

func TestAnalyze_unicodeChars(t *testing.T) {
	body := "Olá ç 👍🏽 e\u0301 ’"
	a := Analyze(body, Options{})
	want := []Char{
		{Text: "á", Fix: "a", HasFix: true},
		{Text: "ç", Fix: "c", HasFix: true},
		{Text: "👍🏽"},
		{Text: "e\u0301", Fix: "é", HasFix: true},
		{Text: "’", Fix: "'", HasFix: true},
	}
	if len(a.UnicodeChars()) != len(want) {
		t.Fatalf("unicode chars: got %+v, want %d", a.UnicodeChars(), len(want))
	}
	for i, c := range a.UnicodeChars() {
		w := want[i]
		if c.Text != w.Text || c.Fix != w.Fix || c.HasFix != w.HasFix {
			t.Errorf("char %d: got %+v, want %+v", i, c, w)
		}
		if body[c.Start:c.End] != c.Text {
			t.Errorf("char %d: body[%d:%d] is %q, want %q",
				i, c.Start, c.End, body[c.Start:c.End], c.Text)
		}
	}
}

func TestAnalyze_problems(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []Problem
	}{
		{"empty", "", []Problem{ProblemEmpty}},
		{"only spaces", "  \n", []Problem{ProblemEmpty}},
		{"fine", "Hi", nil},
		{"1600 is allowed", strings.Repeat("a", 1600), nil},
		{"1601 is too long", strings.Repeat("a", 1601),
			[]Problem{ProblemTooLong}},
		{"characters, not bytes", strings.Repeat("é", 1600), nil},
		{"emoji are one character each", strings.Repeat("😀", 1600), nil},
		{"1601 emoji are too long", strings.Repeat("😀", 1601),
			[]Problem{ProblemTooLong}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Analyze(tt.body, Options{}).Problems
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEquivalent(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"’", "'", true},
		{"ç", "c", true},
		{"e\u0301", "é", true},
		{"á", "a", true},
		{"°", "", false},
		{"😀", "", false},
		{"\u200b", "", true},
		{"…", "...", true},
	}
	for _, tt := range tests {
		got, ok := Equivalent(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Equivalent(%q): got %q, %v, want %q, %v",
				tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEncoding_String(t *testing.T) {
	if got, want := GSM7.String(), "GSM-7"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := UCS2.String(), "UCS-2"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
