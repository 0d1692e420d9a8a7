package sms

import (
	"slices"
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
		{"<p>One</p><p>Two</p>", "One\nTwo\n"},
		{"a<br>b", "a\nb"},
		{"Fish &amp; chips", "Fish & chips"},
		{"3 < 5", "3 < 5"},
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
