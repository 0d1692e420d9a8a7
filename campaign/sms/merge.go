package sms

import (
	"fmt"
	"slices"
	"strings"
)

// The built-in merge fields every Contact has.
const (
	FieldFirstName = "first_name"
	FieldLastName  = "last_name"
	FieldEmail     = "email"
	FieldPhone     = "phone"
)

// BuiltinFields lists the built-in merge fields in the order the editor
// offers them.
var BuiltinFields = []string{
	FieldFirstName, FieldLastName, FieldEmail, FieldPhone,
}

// Fields looks up one contact's value for a merge field, by lower-case
// name. It returns "" when the contact has no value.
type Fields func(name string) string

// MapFields returns Fields that read m, whose keys are lower-case names.
func MapFields(m map[string]string) Fields {
	return func(name string) string { return m[name] }
}

// Field is one merge field in a body, such as {{first_name|there}},
// found at body[Start:End].
type Field struct {
	// Name is the field's name in lower case.
	Name string
	// Fallback is the text used when a contact has no value, if
	// HasFallback.
	Fallback    string
	HasFallback bool
	Start, End  int
}

// FieldError is a merge field the editor must point out: badly written,
// or naming a field no contact has.
type FieldError struct {
	Start, End int
	// Reason says what is wrong and how to fix it.
	Reason string
}

// Error returns the reason.
func (e *FieldError) Error() string { return e.Reason }

// Template is a body with its merge fields found.
type Template struct {
	body   string
	Fields []Field
}

// Parse finds the merge fields in body. It fails on the first field that
// is not closed, has no name, or has a name with characters other than
// letters, digits, spaces, '_', '-' and '.'.
func Parse(body string) (*Template, error) {
	t := &Template{body: body}
	for i := 0; ; {
		open := strings.Index(body[i:], "{{")
		if open < 0 {
			return t, nil
		}
		open += i
		n := strings.Index(body[open+2:], "}}")
		if n < 0 {
			return t, &FieldError{Start: open, End: len(body),
				Reason: "A merge field starts with {{ but never ends. " +
					"Close it with }}."}
		}
		end := open + 2 + n + 2
		f, err := parseField(body[open+2:end-2], open, end)
		if err != nil {
			return t, err
		}
		t.Fields = append(t.Fields, f)
		i = end
	}
}

// parseField reads the inside of one {{...}} at body[start:end].
func parseField(inner string, start, end int) (Field, error) {
	name, fallback, has := strings.Cut(inner, "|")
	name = strings.ToLower(strings.TrimSpace(name))
	f := Field{Name: name, Fallback: fallback, HasFallback: has,
		Start: start, End: end}
	if name == "" {
		return f, &FieldError{Start: start, End: end,
			Reason: "A merge field has no name. Write one, " +
				"like {{first_name}}."}
	}
	for _, r := range name {
		ok := r == '_' || r == '-' || r == '.' || r == ' ' ||
			'a' <= r && r <= 'z' || '0' <= r && r <= '9' ||
			r >= 0x80 && !strings.ContainsRune("{}|\u00a0", r)
		if !ok {
			return f, &FieldError{Start: start, End: end,
				Reason: fmt.Sprintf("The merge field {{%s}} has a %q "+
					"in its name. Use letters, digits and _ only.",
					inner, r)}
		}
	}
	return f, nil
}

// Body returns the text the template was parsed from.
func (t *Template) Body() string { return t.body }

// Check returns an error for the first field whose name known rejects,
// so that a typo is caught in the editor and not left blank on a phone.
func (t *Template) Check(known func(name string) bool) error {
	for _, f := range t.Fields {
		if !known(f.Name) {
			return &FieldError{Start: f.Start, End: f.End,
				Reason: fmt.Sprintf("No contact has a field called %q. "+
					"Check the spelling, or add the field to your "+
					"contacts.", f.Name)}
		}
	}
	return nil
}

// Render returns the body as one contact gets it.
func (t *Template) Render(f Fields) string {
	if len(t.Fields) == 0 {
		return t.body
	}
	return string(t.AppendRender(nil, f))
}

// AppendRender appends the body as one contact gets it to dst.
func (t *Template) AppendRender(dst []byte, f Fields) []byte {
	last := 0
	for _, fd := range t.Fields {
		dst = append(dst, t.body[last:fd.Start]...)
		v := f(fd.Name)
		if v == "" && fd.HasFallback {
			v = fd.Fallback
		}
		dst = append(dst, v...)
		last = fd.End
	}
	return append(dst, t.body[last:]...)
}

// Required returns the distinct names of the fields used at least once
// without a fallback: a contact with no value for one gets a blank.
func (t *Template) Required() []string {
	var names []string
	for _, f := range t.Fields {
		if !f.HasFallback && !slices.Contains(names, f.Name) {
			names = append(names, f.Name)
		}
	}
	return names
}
