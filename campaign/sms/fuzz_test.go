package sms

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// FuzzAnalyze checks the invariants every analysis must keep, whatever
// the body.
func FuzzAnalyze(f *testing.F) {
	f.Add("Hi {{first_name|there}}, 20% off today!", false)
	f.Add(strings.Repeat("a", 152)+"{"+strings.Repeat("a", 10), false)
	f.Add(strings.Repeat("я", 66)+"👨‍👩‍👧"+strings.Repeat("я", 6), true)
	f.Add("“Hi” — it’s…", true)
	f.Fuzz(func(t *testing.T, body string, smart bool) {
		a := Analyze(body, Options{SmartEncoding: smart})
		checkAnalysis(t, body, a)
	})
}

// checkAnalysis fails t when a breaks an invariant.
func checkAnalysis(t *testing.T, body string, a Analysis) {
	t.Helper()

	// The segments join back into the text as sent.
	var joined strings.Builder
	sum := 0
	for _, s := range a.Segments {
		joined.WriteString(s.Text)
		sum += s.Units
	}
	if joined.String() != a.Text {
		t.Fatalf("joined segments: got %q, want %q", joined.String(), a.Text)
	}
	if !isSentText(a.Encoding, body, a.Text) {
		t.Fatalf("text %q is neither the body nor its smart encoding",
			a.Text)
	}
	if sum != a.Units {
		t.Fatalf("units: got %d, want the sum %d", a.Units, sum)
	}

	// Every segment is within capacity and counted right.
	single, multi := GSM7Single, GSM7Multi
	if a.Encoding == UCS2 {
		single, multi = UCS2Single, UCS2Multi
	}
	for i, s := range a.Segments {
		want := multi
		if len(a.Segments) == 1 {
			want = single
		}
		if s.Capacity != want {
			t.Fatalf("segment %d capacity: got %d, want %d",
				i, s.Capacity, want)
		}
		if s.Units > s.Capacity || s.Units <= 0 {
			t.Fatalf("segment %d: %d units of %d", i, s.Units, s.Capacity)
		}
		if got := unitsOf(a.Encoding, s.Text); got != s.Units {
			t.Fatalf("segment %d units: got %d, want %d", i, s.Units, got)
		}
	}

	checkCuts(t, a)
}

// isSentText reports whether text is body, or body after Smart Encoding
// in a GSM-7 analysis.
func isSentText(e Encoding, body, text string) bool {
	if text == body {
		return true
	}
	s, _, ok := smartEncode(body)
	return e == GSM7 && ok && s == text
}

// unitsOf counts s afresh in the encoding.
func unitsOf(e Encoding, s string) int {
	if e == UCS2 {
		return utf16Units(s)
	}
	n, _ := gsmSeptets(s)
	return n
}

// checkCuts fails t when a cut between segments splits a character: a
// code point (and so an extension character or a surrogate pair) always,
// a grapheme cluster in UCS-2 unless the cluster is longer than a
// segment.
func checkCuts(t *testing.T, a Analysis) {
	t.Helper()

	runeStarts := map[int]bool{}
	for i := range a.Text {
		runeStarts[i] = true
	}
	clusterOf := map[int][2]int{} // byte -> cluster range
	g := uniseg.NewGraphemes(a.Text)
	for g.Next() {
		from, to := g.Positions()
		for i := from; i < to; i++ {
			clusterOf[i] = [2]int{from, to}
		}
	}

	at := 0
	for _, s := range a.Segments[:max(len(a.Segments)-1, 0)] {
		at += len(s.Text)
		if !runeStarts[at] {
			t.Fatalf("cut at byte %d splits a code point", at)
		}
		c := clusterOf[at]
		long := utf16Units(a.Text[c[0]:c[1]]) > UCS2Multi
		if a.Encoding == UCS2 && c[0] != at && !long {
			t.Fatalf("cut at byte %d splits cluster %q", at,
				a.Text[c[0]:c[1]])
		}
	}
}

// FuzzClusters checks the ASCII fast path against uniseg alone.
func FuzzClusters(f *testing.F) {
	f.Add("a\u0301b\r\nc🇫🇷d👍🏽e")
	f.Fuzz(func(t *testing.T, s string) {
		c := clusters{s: s, state: -1}
		g := uniseg.NewGraphemes(s)
		for g.Next() {
			from, to := g.Positions()
			start, end, _, ok := c.next()
			if !ok || start != from || end != to {
				t.Fatalf("%q: got cluster %d-%d (%v), want %d-%d",
					s, start, end, ok, from, to)
			}
		}
		if _, _, _, ok := c.next(); ok {
			t.Fatalf("%q: clusters left over", s)
		}
		if utf8.ValidString(s) && utf16Units(s) < utf8.RuneCountInString(s) {
			t.Fatalf("%q: fewer units than runes", s)
		}
	})
}

// TestAnalyze_invariantsOnTrickyText runs the fuzz invariants over many
// bodies built from the pieces most likely to be cut wrongly.
func TestAnalyze_invariantsOnTrickyText(t *testing.T) {
	pieces := []string{"a", "b", " ", "я", "春", "é", "e\u0301",
		"\u0301", "\u0301\u0302\u0303", "😀", "👍🏽", "🇫🇷", "🇩",
		"👨\u200d👩\u200d👧", "\u200d", "1\ufe0f\u20e3", "\r\n", "\r",
		"\n", "{", "€", "“", "\u1100\u1161\u11a8", "\u0600", "ก\u0e33",
		"\x00", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := 40 + rng.IntN(200); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		body := b.String()
		for _, smart := range []bool{false, true} {
			a := Analyze(body, Options{SmartEncoding: smart})
			checkAnalysis(t, body, a)
		}
	}
}
