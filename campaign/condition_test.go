package campaign

import (
	"testing"
	"time"
)

func TestCondition_Match(t *testing.T) {
	ct := Contact{
		FirstName: "Ana", LastName: "Diaz", Email: "ana@example.com",
		Phone: "+15125550100",
		Fields: map[string]string{"City": " Austin ", "score": "1,250",
			"joined": "3/14/2026", "renewal": "2026-06-01", "blank": ""},
		Tags: []string{"customer", "VIP"},
	}
	tests := []struct {
		c    Condition
		want bool
	}{
		{Condition{Field: "city", Op: OpEquals, Value: "austin"}, true},
		{Condition{Field: "city", Op: OpEquals, Value: "Dallas"}, false},
		{Condition{Field: "first_name", Op: OpEquals, Value: "ana"}, true},
		{Condition{Field: "email", Op: OpContains, Value: "EXAMPLE"}, true},
		{Condition{Field: "last_name", Op: OpContains, Value: "z"}, true},
		{Condition{Field: "phone", Op: OpContains, Value: "512"}, true},
		{Condition{Field: "blank", Op: OpEmpty}, true},
		{Condition{Field: "nosuch", Op: OpEmpty}, true},
		{Condition{Field: "city", Op: OpEmpty}, false},
		{Condition{Op: OpHasTag, Value: "vip"}, true},
		{Condition{Op: OpHasTag, Value: "lead"}, false},
		{Condition{Field: "score", Op: OpGreater, Value: "1000"}, true},
		{Condition{Field: "score", Op: OpLess, Value: "1000"}, false},
		{Condition{Field: "score", Op: OpLess, Value: "$2,000.50"}, true},
		{Condition{Field: "city", Op: OpGreater, Value: "1"}, false},
		{Condition{Field: "score", Op: OpGreater, Value: "lots"}, false},
		{Condition{Field: "joined", Op: OpBefore, Value: "2026-03-15"}, true},
		{Condition{Field: "joined", Op: OpAfter, Value: "2026-03-14"}, false},
		{Condition{Field: "renewal", Op: OpAfter, Value: "May 31, 2026"},
			true},
		{Condition{Field: "city", Op: OpBefore, Value: "2026-01-01"}, false},
		{Condition{Field: "joined", Op: OpBefore, Value: "someday"}, false},
		{Condition{Field: "city", Op: "sounds_like", Value: "x"}, false},
		{Condition{}, false},
	}
	for _, tt := range tests {
		if got := tt.c.Match(ct); got != tt.want {
			t.Errorf("%+v: got %v, want %v", tt.c, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"2026-03-31", "3/31/2026", "03/31/2026",
		"Mar 31, 2026", "March 31, 2026", "31 Mar 2026", "2026/03/31",
		"2026-03-31T18:45:00Z", " 2026-03-31 ", "2026-03-31 09:15"} {
		got, ok := ParseDate(in)
		if !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q): got %v, %v, want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "tomorrow", "2026-13-01", "31/03/2026"} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q): got %v, want no date", in, got)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"42", 42, true}, {"-3.5", -3.5, true}, {"1,200", 1200, true},
		{"$19.99", 19.99, true}, {" 7 ", 7, true}, {"", 0, false},
		{"seven", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
		{"1e400", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumber(%q): got %v, %v, want %v, %v",
				tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAudience_Match(t *testing.T) {
	ct := Contact{Tags: []string{"customer", "austin"},
		Fields: map[string]string{"plan": "gold"}}
	tests := []struct {
		name string
		a    *Audience
		want bool
	}{
		{"nil is everyone", nil, true},
		{"all", &Audience{Mode: AudienceAll}, true},
		{"any tag hit", &Audience{Mode: AudienceAnyTag,
			Tags: []string{"lead", "Customer"}}, true},
		{"any tag miss", &Audience{Mode: AudienceAnyTag,
			Tags: []string{"lead"}}, false},
		{"all tags hit", &Audience{Mode: AudienceAllTags,
			Tags: []string{"customer", "austin"}}, true},
		{"all tags miss", &Audience{Mode: AudienceAllTags,
			Tags: []string{"customer", "lead"}}, false},
		{"all of no tags", &Audience{Mode: AudienceAllTags}, false},
		{"condition hit", &Audience{Mode: AudienceCondition,
			Condition: &Condition{Field: "plan", Op: OpEquals,
				Value: "Gold"}}, true},
		{"condition missing", &Audience{Mode: AudienceCondition}, false},
		{"unknown mode", &Audience{Mode: "vibes"}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Match(ct); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func FuzzConditionMatch(f *testing.F) {
	f.Add("joined", "date_before", "2026-01-01", "12/31/2025")
	f.Add("score", "greater_than", "1e308", "-1e308")
	f.Add("", "has_tag", "", "")
	f.Fuzz(func(t *testing.T, field, op, value, have string) {
		c := Condition{Field: field, Op: Operator(op), Value: value}
		ct := Contact{Fields: map[string]string{field: have},
			Tags: []string{have}}
		_ = c.Match(ct) // must not panic
		_ = conditionProblem(&c, "this Branch")
	})
}
