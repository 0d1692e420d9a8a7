package sms

import (
	"slices"
	"strings"
	"testing"
)

func TestHTMLTags(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"plain text", nil},
		{"<b>Sale</b> today", []string{"<b>", "</b>"}},
		{`<a href="x">link</a>`, []string{`<a href="x">`, "</a>"}},
		{"line<br/>two", []string{"<br/>"}},
		{"3 < 5 and 6 > 2", nil},
		{"<3 you", nil},
	}
	for _, tt := range tests {
		if got := spanTexts(tt.body, HTMLTags(tt.body)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestStripHTML(t *testing.T) {
	tests := []struct{ body, want string }{
		{"<b>Sale</b> today", "Sale today"},
		{"<p>One</p><p>Two</p>", "One\nTwo"},
		{"<p>One</p>\n", "One\n\n"},
		{"a<br>b", "a\nb"},
		{"Fish &amp; chips", "Fish & chips"},
		{"3 < 5", "3 < 5"},
		{`Shop <a href="https://example.com/sale">now</a>!`,
			"Shop now https://example.com/sale!"},
		{`<A class=x HREF='https://a.b/c?d=1&amp;e=2'>here</A>`,
			"here https://a.b/c?d=1&e=2"},
		{`<a href=https://a.b>https://a.b</a>`, "https://a.b"},
		{`<a href="https://a.b"></a>`, "https://a.b"},
		{`<a data-href="x" title="y">no address</a>`, "no address"},
		{`<a href>broken</a>`, "broken"},
		{`<a href="unclosed>text</a>`, "text"},
		{`<a title="İİ" href="https://a.b">x</a>`, "x https://a.b"},
	}
	for _, tt := range tests {
		if got := StripHTML(tt.body); got != tt.want {
			t.Errorf("StripHTML(%q): got %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"no links", nil},
		{"Shop https://example.com/sale?x=1.", []string{
			"https://example.com/sale?x=1"}},
		{"See www.example.com, or HTTP://a.b/c d", []string{
			"www.example.com", "HTTP://a.b/c"}},
	}
	for _, tt := range tests {
		if got := spanTexts(tt.body, Links(tt.body)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.body, got, tt.want)
		}
	}
}

// spanTexts returns the text of each span of body.
func spanTexts(body string, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, body[s.Start:s.End])
	}
	return out
}

// FuzzStripHTML checks that stripping never panics, and leaves text
// with no tags and no entities as it is.
func FuzzStripHTML(f *testing.F) {
	for _, s := range []string{
		"<b>Sale</b> today",
		`Shop <a href="https://example.com">now</a>`,
		`<a title="İİ" HREF = 'x'>y</a>`,
		"<p>One</p>\n<p>Two",
		"3 < 5 > 4 &amp;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		got := StripHTML(body)
		if len(HTMLTags(body)) == 0 && !strings.Contains(body, "&") &&
			got != body {
			t.Errorf("StripHTML(%q) = %q, want it unchanged", body, got)
		}
	})
}
