package sms

import (
	"strings"
	"unicode/utf8"
)

// smartGroups lists, for each GSM-7 replacement, the Unicode characters
// that a Messaging Service's Smart Encoding turns into it. The package
// documentation explains the choices.
var smartGroups = []struct {
	to   string
	from string
}{
	{`"`, "\u00ab\u00bb\u201c\u201d\u201e\u201f\u02ba\u02ee" +
		"\u275d\u275e\u301d\u301e\uff02"},
	{"'", "\u2018\u2019\u201a\u201b\u02b9\u02bb\u02bc\u02bd\u02c8" +
		"\u02ca\u02cb\u00b4`\u275b\u275c\u0313\u0314\ufe10\ufe11\uff07"},
	{"-", "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2022" +
		"\u23bc\u23bd\ufe63\uff0d"},
	{"...", "\u2026"},
	{" ", "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007" +
		"\u2008\u2009\u200a\u202f\u205f\u3000\u2028\u2029\t" +
		"\u0080\u008d\u0090\u009b\u009f"},
	{"", "\u200b\u2060\ufeff\x00\x03\x04\x10\x11\x12\x13\x14\x17\x19"},
	{"/", "\u00f7\u29f8\u0337\u0338\u2044\u2215\uff0f"},
	{"1/4", "\u00bc"},
	{"1/2", "\u00bd"},
	{"3/4", "\u00be"},
	{`\`, "\u29f9\u29f5\u20e5\ufe68\uff3c"},
	{"_", "\u0332\uff3f\u2017"},
	{"|", "\u20d2\u20d3\u2223\uff5c\u23b8\u23b9\u23d0\u239c\u239f"},
	{"@", "\ufe6b\uff20"},
	{"$", "\ufe69\uff04"},
	{"!", "\u01c3\ufe15\ufe57\uff01"},
	{"!!", "\u203c"},
	{"#", "\ufe5f\uff03"},
	{"%", "\ufe6a\uff05"},
	{"&", "\ufe60\uff06"},
	{",", "\u0326\ufe50\ufe51\uff0c\uff64\u3001"},
	{"(", "\u2768\u276a\ufe59\uff08\u27ee\u2985"},
	{")", "\u2769\u276b\ufe5a\uff09\u27ef\u2986"},
	{"*", "\u204e\u2217\u229b\u2722\u2723\u2724\u2725\u2731\u2732" +
		"\u2733\u273a\u273b\u273c\u273d\u2743\u2749\u274a\u274b" +
		"\u29c6\ufe61\uff0a"},
	{"+", "\u02d6\ufe62\uff0b"},
	{".", "\u3002\ufe52\uff0e\uff61"},
	{":", "\u02d0\u02f8\u2982\ua789\ufe13\uff1a"},
	{";", "\u204f\ufe14\ufe54\uff1b"},
	{"<", "\ufe64\uff1c\u2039"},
	{">", "\ufe65\uff1e\u203a"},
	{"=", "\u0347\ua78a\ufe66\uff1d"},
	{"?", "\ufe16\ufe56\uff1f"},
	{"^", "\u02c6\u0302\uff3e\u1dcd"},
	{"{", "\u2774\ufe5b\uff5b"},
	{"}", "\u2775\ufe5c\uff5d"},
	{"[", "\uff3b"},
	{"]", "\uff3d"},
	{"~", "\u02dc\u02f7\u0303\u0330\u0334\u223c\uff5e"},
}

// smallCapitals maps the Latin small capital letters to A-Z; a space
// marks a letter that has none.
const smallCapitals = "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c" +
	"\u026a\u1d0a\u1d0b\u029f\u1d0d\u0274\u1d0f\u1d18 \u0280\ua731" +
	"\u1d1b\u1d1c\u1d20\u1d21 \u028f\u1d22"

// smartTable maps each replaceable character to its GSM-7 equivalent.
// Every one is in the Basic Multilingual Plane, so it is kept as pages
// of 256 characters, which is faster to look up than a map on every
// keystroke.
var smartTable = func() *smartPages {
	t := &smartPages{}
	for _, g := range smartGroups {
		for _, r := range g.from {
			t.add(r, g.to)
		}
	}

	// Fullwidth digits and Latin letters.
	for i := rune(0); i < 10; i++ {
		t.add(0xff10+i, string('0'+i))
	}
	for i := rune(0); i < 26; i++ {
		t.add(0xff21+i, string('A'+i))
		t.add(0xff41+i, string('a'+i))
	}

	i := rune(0)
	for _, r := range smallCapitals {
		if r != ' ' {
			t.add(r, string('A'+i))
		}
		i++
	}
	return t
}()

// smartPages is the Smart Encoding table: for each page of 256 code
// points that has replacements, the index of each one's replacement in
// to, plus one.
type smartPages struct {
	pages [256]*[256]uint16
	to    []string
}

// add records that r becomes s.
func (t *smartPages) add(r rune, s string) {
	p := t.pages[r>>8]
	if p == nil {
		p = new([256]uint16)
		t.pages[r>>8] = p
	}
	t.to = append(t.to, s)
	p[r&0xff] = uint16(len(t.to))
}

// get returns what r becomes, and whether it is replaced.
func (t *smartPages) get(r rune) (string, bool) {
	if r < 0 || r > 0xffff {
		return "", false
	}
	p := t.pages[r>>8]
	if p == nil || p[r&0xff] == 0 {
		return "", false
	}
	return t.to[p[r&0xff]-1], true
}

// SmartReplacement returns the GSM-7 text that Smart Encoding puts in
// place of r, and whether it replaces r at all.
func SmartReplacement(r rune) (string, bool) {
	if septets(r) > 0 {
		return "", false
	}
	return smartTable.get(r)
}

// smartEncode returns body with every replaceable character replaced,
// and the number of runes in body; or false when a character is left
// that has no GSM-7 form: Twilio then sends the original body in UCS-2.
func smartEncode(body string) (string, int, bool) {
	var b strings.Builder
	b.Grow(len(body))
	last, runes := 0, 0
	for i := 0; i < len(body); runes++ {
		if c := body[i]; c < utf8.RuneSelf && asciiSeptets[c] > 0 {
			i++
			continue
		}
		r, size := decodeRune(body[i:])
		if septets(r) > 0 {
			i += size
			continue
		}
		s, ok := smartTable.get(r)
		if !ok {
			return "", 0, false
		}
		b.WriteString(body[last:i])
		b.WriteString(s)
		i += size
		last = i
	}
	b.WriteString(body[last:])
	return b.String(), runes, true
}
