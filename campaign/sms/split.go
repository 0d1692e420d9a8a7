package sms

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// splitGSM7 cuts text into GSM-7 segments and counts its runes, or
// returns false when text has a character GSM-7 cannot carry. An extension character is one rune
// costing two septets, so cutting only between runes keeps its escape
// and character together.
func splitGSM7(text string) ([]Segment, int, bool) {
	var segs []Segment
	start, used, total, runes := 0, 0, 0, 0
	for i := 0; i < len(text); runes++ {
		c, size := 0, 1
		if b := text[i]; b < utf8.RuneSelf {
			c = int(asciiSeptets[b])
		} else {
			var r rune
			r, size = decodeRune(text[i:])
			c = septets(r)
		}
		if c == 0 {
			return nil, 0, false
		}
		total += c
		if used+c > GSM7Multi {
			if segs == nil {
				segs = make([]Segment, 0, len(text)/GSM7Multi+2)
			}
			segs = append(segs, Segment{text[start:i], used, GSM7Multi})
			start, used = i, 0
		}
		used += c
		i += size
	}
	if total <= GSM7Single {
		segs = []Segment{{Text: text, Units: total, Capacity: GSM7Single}}
		return segs, runes, true
	}
	return append(segs, Segment{text[start:], used, GSM7Multi}), runes, true
}

// splitUCS2 cuts text into UCS-2 segments. It never splits a surrogate
// pair, and never splits a grapheme cluster (an emoji with its skin tone,
// a flag, a letter with its accents) unless the cluster alone is longer
// than a segment.
//
// It counts code units rune by rune and only works out cluster
// boundaries where a cut falls, which keeps it fast. It also returns the
// number of runes.
func splitUCS2(text string) ([]Segment, int) {
	var segs []Segment
	start, used, total, runes := 0, 0, 0, 0
	for i := 0; i < len(text); runes++ {
		// Only the length of each rune matters here, and whether it
		// takes two units. The common one- to three-byte forms are told
		// apart inline; the rest (four bytes, invalid) are decoded.
		size, u := 1, 1
		switch b := text[i]; {
		case b < utf8.RuneSelf:
		case b >= 0xc2 && b < 0xe0 && i+1 < len(text) &&
			text[i+1]&0xc0 == 0x80:
			size = 2
		case b >= 0xe1 && b < 0xf0 && b != 0xed && i+2 < len(text) &&
			text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80:
			size = 3
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			size, u = n, runeUnits(r)
		}
		total += u
		if used+u > UCS2Multi {
			if segs == nil {
				segs = make([]Segment, 0, len(text)/UCS2Multi+2)
			}

			// Cut at the last cluster boundary, then inside the cluster
			// if it alone is too long for a segment.
			cut := boundaryBefore(text, start, i)
			rest := utf16Units(text[cut:i])
			segs = append(segs, Segment{text[start:cut], used - rest,
				UCS2Multi})
			start, used = cut, rest
			if used+u > UCS2Multi {
				segs = append(segs, Segment{text[start:i], used, UCS2Multi})
				start, used = i, 0
			}
		}
		used += u
		i += size
	}
	if total <= UCS2Single {
		segs = []Segment{{Text: text, Units: total, Capacity: UCS2Single}}
		return segs, runes
	}
	return append(segs, Segment{text[start:], used, UCS2Multi}), runes
}

// boundaryBefore returns the last grapheme cluster boundary b with
// start < b <= p, or p when the cluster that starts at start runs past
// p. start must be a boundary.
func boundaryBefore(text string, start, p int) int {
	prev, _ := utf8.DecodeLastRuneInString(text[start:p])
	next, _ := decodeRune(text[p:])
	if plainPair(prev, next) {
		return p
	}

	// Walk back to a boundary uniseg can start from without context.
	q := p
	for after := next; q > start; {
		r, size := utf8.DecodeLastRuneInString(text[start:q])
		if q < p && plainPair(r, after) {
			break
		}
		after = r
		q -= size
	}

	b := q
	c := clusters{s: text, pos: q, state: -1}
	for {
		_, end, _, ok := c.next()
		if !ok || end > p {
			break
		}
		b = end
	}
	if b == start {
		return p
	}
	return b
}

// plainPair reports whether there is always a cluster boundary between
// a and b: two plain characters, or a control character on either side
// other than CR LF.
func plainPair(a, b rune) bool {
	switch {
	case a == '\r' && b == '\n':
		return false
	case isPlain(a) && isPlain(b):
		return true
	}
	return isControl(a) || isControl(b)
}

// isControl reports whether r is an ASCII control character.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f
}

// runeUnits returns the UTF-16 code units r takes: 2 for a character
// outside the Basic Multilingual Plane (a surrogate pair), 1 otherwise.
func runeUnits(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// utf16Units returns the UTF-16 code units s takes. An invalid byte counts
// as one unit: the replacement character that stands in for it.
func utf16Units(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += runeUnits(r)
		i += size
	}
	return n
}

// clusters walks the grapheme clusters of s. Plain characters, which
// never join with a plain neighbour, take a fast path; elsewhere uniseg
// applies the Unicode rules.
type clusters struct {
	s     string
	pos   int
	state int
	// The rune at pos, when known: next looks one rune ahead.
	r    rune
	size int
}

// next returns the byte range of the next cluster and the UTF-16 code
// units it takes, or false at the end.
func (c *clusters) next() (start, end, units int, ok bool) {
	s, i := c.s, c.pos
	if i >= len(s) {
		return 0, 0, 0, false
	}

	// A plain character followed by another, or by the end, is a whole
	// cluster; so is CR LF, and a control character stands alone.
	r, size := c.r, c.size
	if size == 0 {
		r, size = decodeRune(s[i:])
	}
	end = i + size
	c.size = 0
	plain := isPlain(r)
	if plain || isControl(r) {
		if r == '\r' && end < len(s) && s[end] == '\n' {
			end++
		} else if plain && end < len(s) {
			// Nothing joins onto a control character.
			c.r, c.size = decodeRune(s[end:])
			if !isPlain(c.r) && !isControl(c.r) {
				c.size, end = 0, -1
			}
		}
		if end > 0 {
			c.pos, c.state = end, -1
			return i, end, runeUnits(r), true
		}
	}

	cluster, _, _, state := uniseg.FirstGraphemeClusterInString(
		s[i:], c.state)
	c.pos, c.state = i+len(cluster), state
	return i, c.pos, utf16Units(cluster), true
}

// decodeRune decodes the first rune of s, quickly when it takes one to
// three bytes, as nearly every character of a message does.
func decodeRune(s string) (rune, int) {
	b := s[0]
	switch {
	case b < utf8.RuneSelf:
		return rune(b), 1
	case b >= 0xc2 && b < 0xe0 && len(s) > 1 && s[1]&0xc0 == 0x80:
		return rune(b&0x1f)<<6 | rune(s[1]&0x3f), 2
	case b >= 0xe0 && b < 0xf0 && len(s) > 2 && s[1]&0xc0 == 0x80 &&
		s[2]&0xc0 == 0x80:
		r := rune(b&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f)
		if r >= 0x800 && (r < 0xd800 || r > 0xdfff) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// isPlain reports whether r has the grapheme break property Other in
// a block without combining marks: letters, digits and punctuation of
// common scripts. Two plain characters in a row always have a cluster
// boundary between them. TestIsPlain checks every one against uniseg.
func isPlain(r rune) bool {
	switch {
	case r < 0x7f:
		return r >= 0x20
	case r < 0x300:
		return r >= 0xa0 && r != 0xad
	case r < 0x2000:
		return 0x370 <= r && r <= 0x3ff || 0x400 <= r && r <= 0x482 ||
			0x48a <= r && r <= 0x52f || 0x5d0 <= r && r <= 0x5ea ||
			0x620 <= r && r <= 0x64a
	case r < 0x3000:
		return 0x2010 <= r && r <= 0x2027 || 0x2030 <= r && r <= 0x205e ||
			0x20a0 <= r && r <= 0x20c0
	case r < 0xac00:
		return r <= 0x3029 || 0x3041 <= r && r <= 0x3096 ||
			0x30a1 <= r && r <= 0x30fa || 0x4e00 <= r && r <= 0x9fff
	}
	return r <= 0xd7a3 || 0xff01 <= r && r <= 0xff5e
}
