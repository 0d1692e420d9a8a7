package campaign

import (
	"strconv"
	"strings"
	"time"
)

// The built-in contact fields a Condition can name. Any other name is a
// custom field.
const (
	FieldFirstName = "first_name"
	FieldLastName  = "last_name"
	FieldEmail     = "email"
	FieldPhone     = "phone"
)

// Operators lists every condition operator, in the order a picker shows
// them.
var Operators = []Operator{OpEquals, OpContains, OpEmpty, OpHasTag,
	OpGreater, OpLess, OpBefore, OpAfter}

// fieldValue returns the value of the named field of ct: a built-in
// field, or else a custom field, matched without regard to case.
func fieldValue(ct Contact, name string) string {
	key := strings.ToLower(strings.TrimSpace(name))
	switch key {
	case FieldFirstName:
		return ct.FirstName
	case FieldLastName:
		return ct.LastName
	case FieldEmail:
		return ct.Email
	case FieldPhone:
		return ct.Phone
	}
	if v, ok := ct.Fields[name]; ok {
		return v
	}
	for k, v := range ct.Fields {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// hasTag reports whether ct carries the tag, ignoring case.
func hasTag(ct Contact, tag string) bool {
	tag = strings.TrimSpace(tag)
	for _, t := range ct.Tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// Match reports whether ct passes the condition. Text comparisons
// ignore case and surrounding spaces. Number and date tests are false
// when either side does not read as a number or a date; an unknown
// operator matches no one.
func (c Condition) Match(ct Contact) bool {
	if c.Op == OpHasTag {
		return hasTag(ct, c.Value)
	}

	have := strings.TrimSpace(fieldValue(ct, c.Field))
	want := strings.TrimSpace(c.Value)
	switch c.Op {
	case OpEquals:
		return strings.EqualFold(have, want)
	case OpContains:
		return strings.Contains(strings.ToLower(have), strings.ToLower(want))
	case OpEmpty:
		return have == ""
	case OpGreater, OpLess:
		h, ok1 := ParseNumber(have)
		w, ok2 := ParseNumber(want)
		if !ok1 || !ok2 {
			return false
		}
		if c.Op == OpGreater {
			return h > w
		}
		return h < w
	case OpBefore, OpAfter:
		h, ok1 := ParseDate(have)
		w, ok2 := ParseDate(want)
		if !ok1 || !ok2 {
			return false
		}
		if c.Op == OpBefore {
			return h.Before(w)
		}
		return h.After(w)
	}
	return false
}

// ParseNumber reads a number as people type it: "42", "-3.5",
// "1,200", "$19.99", " 7 ". Infinities and NaN are refused.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "$")
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 1e300 || f < -1e300 {
		return 0, false
	}
	return f, true
}

// dateLayouts are the date forms ParseDate accepts, most likely first.
// Dates with slashes are read month first, as in the United States.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04",
	"1/2/2006",
	"01/02/2006",
	"1/2/06",
	"2006/01/02",
	"Jan 2, 2006",
	"January 2, 2006",
	"Jan 2 2006",
	"2 Jan 2006",
	"2 January 2006",
	"02-Jan-2006",
}

// ParseDate reads a date in YYYY-MM-DD form or another common form
// (3/31/2026, Mar 31, 2026, 31 March 2026, an RFC 3339 time) and returns
// that day at midnight UTC, so that dates compare by day.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// Match reports whether ct belongs to the audience. A nil audience is
// all contacts. Opting out is not considered here: the runner and the
// audience count leave opted-out contacts aside on their own.
func (a *Audience) Match(ct Contact) bool {
	if a == nil {
		return true
	}
	switch a.Mode {
	case AudienceAll, "":
		return true
	case AudienceAnyTag:
		for _, t := range a.Tags {
			if hasTag(ct, t) {
				return true
			}
		}
		return false
	case AudienceAllTags:
		for _, t := range a.Tags {
			if !hasTag(ct, t) {
				return false
			}
		}
		return len(a.Tags) > 0
	case AudienceCondition:
		return a.Condition != nil && a.Condition.Match(ct)
	}
	return false
}
