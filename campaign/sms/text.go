package sms

import (
	"html"
	"strings"
)

// Span is a piece of a body, found at body[Start:End].
type Span struct {
	Start, End int
}

// HTMLTags finds what look like HTML tags in body, such as <b> or
// </p>. SMS is plain text: a phone shows tags as they are written.
func HTMLTags(body string) []Span {
	var out []Span
	for i := 0; i < len(body); i++ {
		if body[i] != '<' {
			continue
		}
		if end := tagEnd(body, i); end > 0 {
			out = append(out, Span{i, end})
			i = end - 1
		}
	}
	return out
}

// tagEnd returns the end of the tag that starts at body[i], or -1.
func tagEnd(body string, i int) int {
	j := i + 1
	if j < len(body) && body[j] == '/' {
		j++
	}
	if j >= len(body) || !isASCIILetter(body[j]) {
		return -1
	}
	for j < len(body) && (isASCIILetter(body[j]) ||
		'0' <= body[j] && body[j] <= '9') {
		j++
	}
	if j >= len(body) {
		return -1
	}
	switch body[j] {
	case '>':
		return j + 1
	case ' ', '/', '\n':
		if k := strings.IndexAny(body[j:], "<>"); k >= 0 &&
			body[j+k] == '>' {
			return j + k + 1
		}
	}
	return -1
}

// isASCIILetter reports whether b is a-z or A-Z.
func isASCIILetter(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// StripHTML returns body without its HTML tags. Line and paragraph breaks
// become new lines, and entities such as &amp; become the characters
// they stand for. A link's address is kept after its text, as a plain
// URL, so that stripping a link does not lose where it leads.
func StripHTML(body string) string {
	var b strings.Builder
	last := 0
	href, linkAt := "", 0
	for _, t := range HTMLTags(body) {
		b.WriteString(body[last:t.Start])
		tag := body[t.Start:t.End]
		closing := tag[1] == '/'
		name := strings.ToLower(strings.Trim(
			strings.Fields(tag[1:len(tag)-1] + " ")[0], "/"))
		switch {
		case name == "a" && !closing:
			href, linkAt = attr(tag, "href"), b.Len()
		case name == "a" && href != "":
			// Add the address unless the text already shows it.
			if text := b.String()[linkAt:]; !strings.Contains(text, href) {
				if strings.TrimSpace(text) != "" {
					b.WriteByte(' ')
				}
				b.WriteString(href)
			}
			href = ""
		case name == "br" || name == "p" && closing:
			b.WriteByte('\n')
		}
		last = t.End
	}
	b.WriteString(body[last:])

	// A closing paragraph at the end would leave a new line that costs
	// a character and shows nothing.
	out := b.String()
	if !strings.HasSuffix(body, "\n") {
		out = strings.TrimRight(out, "\n")
	}
	return html.UnescapeString(out)
}

// attr returns the value of the named attribute in an HTML tag, such as
// the href of <a href="https://example.com">, or "".
func attr(tag, name string) string {
	for i := 1; i+len(name) <= len(tag); i++ {
		if !strings.EqualFold(tag[i:i+len(name)], name) {
			continue
		}
		from := i + len(name)

		// The name must stand alone and be followed by =.
		if c := tag[i-1]; c != ' ' && c != '\n' && c != '\t' {
			continue
		}
		rest := strings.TrimLeft(tag[from:], " \t\n")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\n")
		if rest == "" {
			return ""
		}
		if q := rest[0]; q == '"' || q == '\'' {
			if end := strings.IndexByte(rest[1:], q); end >= 0 {
				return rest[1 : 1+end]
			}
			return ""
		}
		end := strings.IndexAny(rest, " \t\n>")
		if end < 0 {
			end = len(rest)
		}
		return rest[:end]
	}
	return ""
}

// Links finds the web addresses in body. Twilio sends them as written
// and bills every character: nothing shortens them.
func Links(body string) []Span {
	var out []Span
	for i := 0; i < len(body); {
		k := indexLink(body[i:])
		if k < 0 {
			return out
		}
		start := i + k
		end := start
		for end < len(body) && !isSpace(body[end]) {
			end++
		}
		// A sentence's full stop or comma is not part of the link.
		for end > start && strings.IndexByte(".,;:!?)'\"", body[end-1]) >= 0 {
			end--
		}
		out = append(out, Span{start, end})
		i = max(end, start+1)
	}
	return out
}

// indexLink returns where the first link in s starts, or -1.
func indexLink(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != 'h' && s[i]|0x20 != 'w' {
			continue
		}
		for _, p := range []string{"https://", "http://", "www."} {
			if len(s)-i >= len(p) && strings.EqualFold(s[i:i+len(p)], p) {
				return i
			}
		}
	}
	return -1
}

// isSpace reports whether b ends a link.
func isSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '<'
}
