package sms

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse checks that every field Parse finds is a {{...}} span of the
// body, in order, and that rendering replaces exactly those spans.
func FuzzParse(f *testing.F) {
	f.Add("Hi {{first_name|there}}, see {{ City }}!")
	f.Add("{{a}}{{b|}}{{|c}}")
	f.Add("{{ unclosed")
	f.Fuzz(func(t *testing.T, body string) {
		tpl, err := Parse(body)
		var fe *FieldError
		if err != nil {
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FieldError", err)
			}
			if fe.Start < 0 || fe.End > len(body) || fe.Start > fe.End {
				t.Fatalf("error span %d-%d outside %d bytes",
					fe.Start, fe.End, len(body))
			}
			return
		}

		var want strings.Builder
		last := 0
		for _, fd := range tpl.Fields {
			if fd.Start < last || fd.End > len(body) {
				t.Fatalf("field %+v out of order or range", fd)
			}
			span := body[fd.Start:fd.End]
			if !strings.HasPrefix(span, "{{") ||
				!strings.HasSuffix(span, "}}") || fd.Name == "" {
				t.Fatalf("field %+v is %q", fd, span)
			}
			want.WriteString(body[last:fd.Start] + "<" + fd.Name + ">")
			last = fd.End
		}
		want.WriteString(body[last:])

		got := tpl.Render(func(name string) string {
			return "<" + name + ">"
		})
		if got != want.String() {
			t.Fatalf("render: got %q, want %q", got, want.String())
		}
	})
}

// FuzzText checks that the HTML and link finders return ordered spans
// inside the body, and that stripping tags never panics.
func FuzzText(f *testing.F) {
	f.Add("<p>Hi <b>there</b></p> see https://example.com/a?b=c.")
	f.Add("3 < 5 > 2 <3 www.")
	f.Fuzz(func(t *testing.T, body string) {
		for name, spans := range map[string][]Span{
			"tags": HTMLTags(body), "links": Links(body)} {
			last := 0
			for _, s := range spans {
				if s.Start < last || s.End > len(body) || s.Start >= s.End {
					t.Fatalf("%s: span %+v out of order or range", name, s)
				}
				last = s.End
			}
		}
		_ = StripHTML(body)
	})
}
