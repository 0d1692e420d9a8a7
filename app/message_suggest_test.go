package app

import (
	"slices"
	"testing"

	"github.com/nurturesms/nurture/campaign/sms"
)

func TestFieldHint(t *testing.T) {
	known := append([]string{"city", "favourite colour"},
		sms.BuiltinFields...)
	tests := []struct{ body, want string }{
		{"Hi {{frist_name}}!", "Did you mean {{first_name}}?"},
		{"Hi {{First_Nme|there}}", "Did you mean {{first_name}}?"},
		{"In {{cty}}", "Did you mean {{city}}?"},
		{"{{favorite color}}", "Did you mean {{favourite colour}}?"},
		{"{{emial}}", "Did you mean {{email}}?"},
		{"{{shoe_size}}", ""},
		{"{{x}}", ""},
		{"Hi {{cty", ""},
		{"{{}}", ""},
	}
	for _, tt := range tests {
		tpl, err := sms.Parse(tt.body)
		if err == nil {
			err = tpl.Check(func(n string) bool {
				return slices.Contains(known, n)
			})
		}
		if got := fieldHint(tt.body, err, known); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"city", "city", 0},
		{"cty", "city", 1},
		{"frist", "first", 1},
		{"emial", "email", 1},
		{"zoë", "zoe", 1},
		{"abc", "", 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b,
				got, tt.want)
		}
	}
}

// FuzzFieldHint checks that no body makes the hint panic.
func FuzzFieldHint(f *testing.F) {
	f.Add("Hi {{frist_name|there}}")
	f.Add("{{}}{{")
	f.Add("{{a|b}}}")
	known := sms.BuiltinFields
	f.Fuzz(func(t *testing.T, body string) {
		tpl, err := sms.Parse(body)
		if err == nil {
			err = tpl.Check(func(n string) bool {
				return slices.Contains(known, n)
			})
		}
		fieldHint(body, err, known)
	})
}
