package sms

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// UnicodeChars lists, in order, the characters (grapheme clusters) of
// the body that force UCS-2, each with the GSM-7 text that could replace
// it. It is empty unless the encoding is UCS-2.
func (a Analysis) UnicodeChars() []Char {
	if a.Encoding != UCS2 {
		return nil
	}
	var out []Char
	fixes := map[string]Char{}
	c := clusters{s: a.Body, state: -1}
	for {
		start, end, _, ok := c.next()
		if !ok {
			return out
		}
		text := a.Body[start:end]
		if _, gsm := gsmSeptets(text); gsm {
			continue
		}
		ch, seen := fixes[text]
		if !seen {
			ch.Text = text
			ch.Fix, ch.HasFix = Equivalent(text)
			fixes[text] = ch
		}
		ch.Start, ch.End = start, end
		out = append(out, ch)
	}
}

// ReplacedChars lists, in order, the characters of the body that Smart
// Encoding replaced, each with its replacement.
func (a Analysis) ReplacedChars() []Char {
	if !a.Smart {
		return nil
	}
	var out []Char
	for i, r := range a.Body {
		if septets(r) > 0 {
			continue
		}
		n := utf8.RuneLen(r)
		fix, _ := smartTable.get(r)
		out = append(out, Char{Text: a.Body[i : i+n], Start: i,
			End: i + n, Fix: fix, HasFix: true})
	}
	return out
}

// Equivalent returns GSM-7 text that can stand in for s, and false when
// there is none (an emoji, a Chinese character). It tries, in order: the
// Smart Encoding table; the composed form, which turns a decomposed "é"
// into the GSM-7 "é"; and the letters without their accents, which turns
// "ç" into "c".
func Equivalent(s string) (string, bool) {
	if out, ok := replaceEach(s); ok {
		return out, true
	}
	if out, ok := replaceEach(norm.NFC.String(s)); ok {
		return out, true
	}

	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "", false
	}
	return replaceEach(b.String())
}

// replaceEach keeps the GSM-7 characters of s and replaces the others
// from the Smart Encoding table, or returns false when one is in neither.
func replaceEach(s string) (string, bool) {
	if _, gsm := gsmSeptets(s); gsm {
		return s, true
	}
	out, _, ok := smartEncode(s)
	return out, ok
}
