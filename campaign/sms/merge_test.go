package sms

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		fields []Field
		bad    bool
	}{
		{"none", "Hello", nil, false},
		{"one", "Hi {{first_name}}!", []Field{
			{Name: "first_name", Start: 3, End: 17}}, false},
		{"fallback", "Hi {{first_name|there}}", []Field{
			{Name: "first_name", Fallback: "there", HasFallback: true,
				Start: 3, End: 23}}, false},
		{"empty fallback", "{{city|}}", []Field{
			{Name: "city", HasFallback: true, Start: 0, End: 9}}, false},
		{"spaces and case", "{{ First_Name }}", []Field{
			{Name: "first_name", Start: 0, End: 16}}, false},
		{"custom", "{{favorite color}} {{zip-code}}", []Field{
			{Name: "favorite color", Start: 0, End: 18},
			{Name: "zip-code", Start: 19, End: 31}}, false},
		{"lone closing braces are text", "a }} b", nil, false},
		{"unclosed", "Hi {{first_name", nil, true},
		{"no name", "Hi {{}}", nil, true},
		{"no name, fallback", "Hi {{|there}}", nil, true},
		{"bad character", "Hi {{first{name}}", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := Parse(tt.body)
			var fe *FieldError
			if tt.bad != errors.As(err, &fe) {
				t.Fatalf("error: got %v, want error %v", err, tt.bad)
			}
			if tt.bad {
				return
			}
			if !slices.Equal(tpl.Fields, tt.fields) {
				t.Errorf("fields: got %+v, want %+v", tpl.Fields, tt.fields)
			}
		})
	}
}

func TestTemplate_Render(t *testing.T) {
	tpl, err := Parse("Hi {{first_name|there}}, {{city}} {{first_name}}.")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		fields map[string]string
		want   string
	}{
		{"all set", map[string]string{"first_name": "Ana", "city": "Rome"},
			"Hi Ana, Rome Ana."},
		{"fallback", map[string]string{"city": "Rome"}, "Hi there, Rome ."},
		{"nothing", nil, "Hi there,  ."},
	}
	for _, tt := range tests {
		if got := tpl.Render(MapFields(tt.fields)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestTemplate_Check(t *testing.T) {
	known := func(name string) bool {
		return slices.Contains(BuiltinFields, name) || name == "city"
	}
	tests := []struct {
		body string
		bad  string
	}{
		{"Hi {{first_name}} from {{City}}", ""},
		{"Hi {{frist_name|there}}", "frist_name"},
		{"{{phone}} {{zip}}", "zip"},
	}
	for _, tt := range tests {
		tpl, err := Parse(tt.body)
		if err != nil {
			t.Fatal(err)
		}
		err = tpl.Check(known)
		var fe *FieldError
		switch {
		case tt.bad == "" && err != nil:
			t.Errorf("%q: got %v, want no error", tt.body, err)
		case tt.bad != "" && !errors.As(err, &fe):
			t.Errorf("%q: got %v, want a FieldError", tt.body, err)
		case tt.bad != "" && tt.body[fe.Start:fe.End] != "{{"+
			tt.body[fe.Start+2:fe.End-2]+"}}":
			t.Errorf("%q: error span %d-%d is not a field",
				tt.body, fe.Start, fe.End)
		}
	}
}

func TestTemplate_Required(t *testing.T) {
	tpl, err := Parse("{{a}} {{b|x}} {{a}} {{c}} {{b}}")
	if err != nil {
		t.Fatal(err)
	}
	got, want := tpl.Required(), []string{"a", "c", "b"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAudience(t *testing.T) {
	tpl, err := Parse("Hi {{first_name|there}}, {{city}} awaits you.")
	if err != nil {
		t.Fatal(err)
	}
	long := "Bartholomew" + strings.Repeat("x", 140)
	contacts := []map[string]string{
		{"first_name": "Ana", "city": "Rome"},
		{"first_name": long, "city": "Oslo"},
		{},
		{"first_name": "Zoë", "city": "Łódź"},
	}
	a := NewAudience(tpl, Options{})
	for i, c := range contacts {
		a.Add(int64(i+1), MapFields(c))
	}
	s := a.Summary()

	if got, want := s.Contacts, 4; got != want {
		t.Errorf("contacts: got %d, want %d", got, want)
	}
	if got, want := s.WorstID, int64(2); got != want {
		t.Errorf("worst contact: got %d, want %d", got, want)
	}
	if got, want := len(s.Worst.Segments), 2; got != want {
		t.Errorf("worst segments: got %d, want %d", got, want)
	}
	if got, want := s.Worst.Text, tpl.Render(MapFields(contacts[1])); got != want {
		t.Errorf("worst text: got %q, want %q", got, want)
	}
	if got, want := s.Spread, []int{0, 3, 1}; !slices.Equal(got, want) {
		t.Errorf("spread: got %v, want %v", got, want)
	}
	if got, want := s.Segments, 5; got != want {
		t.Errorf("segments: got %d, want %d", got, want)
	}
	if got, want := s.Missing["city"], 1; got != want {
		t.Errorf("missing city: got %d, want %d", got, want)
	}
	if _, ok := s.Missing["first_name"]; ok {
		t.Errorf("first_name has a fallback but is counted as missing")
	}
}
