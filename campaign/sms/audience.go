package sms

import (
	"maps"
	"slices"
)

// Summary is what a message costs across an audience of contacts.
type Summary struct {
	// Contacts is the number of contacts added.
	Contacts int
	// Segments is the total across all contacts: what Twilio bills.
	Segments int
	// Worst is the analysis of the text that takes the most segments
	// (the most units among equals); WorstID is that contact's ID.
	Worst   Analysis
	WorstID int64
	// Spread counts contacts by segments: Spread[n] contacts get a
	// message of n segments.
	Spread []int
	// Missing counts, for each field used without a fallback, the
	// contacts that have no value and so get a blank.
	Missing map[string]int
	// Refused counts contacts whose text Twilio would refuse (empty, or
	// over MaxChars once their fields are filled in).
	Refused int
}

// Audience builds a Summary one contact at a time, so that contacts can
// be streamed from the database rather than held in memory.
type Audience struct {
	t        *Template
	opt      Options
	required []string
	buf      []byte
	sum      Summary
}

// NewAudience returns an empty Audience for the template.
func NewAudience(t *Template, opt Options) *Audience {
	a := &Audience{t: t, opt: opt, required: t.Required()}
	a.sum.Missing = make(map[string]int, len(a.required))
	for _, name := range a.required {
		a.sum.Missing[name] = 0
	}
	return a
}

// Add renders the message for one contact and counts it.
func (a *Audience) Add(id int64, f Fields) {
	a.buf = a.t.AppendRender(a.buf[:0], f)
	an := Analyze(string(a.buf), a.opt)
	n := len(an.Segments)

	s := &a.sum
	s.Contacts++
	s.Segments += n
	for len(s.Spread) <= n {
		s.Spread = append(s.Spread, 0)
	}
	s.Spread[n]++
	if len(an.Problems) > 0 {
		s.Refused++
	}
	for _, name := range a.required {
		if f(name) == "" {
			s.Missing[name]++
		}
	}

	worst := len(s.Worst.Segments)
	if s.Contacts == 1 || n > worst ||
		n == worst && an.Units > s.Worst.Units {
		s.Worst, s.WorstID = an, id
	}
}

// Summary returns a copy of the counts so far.
func (a *Audience) Summary() Summary {
	s := a.sum
	s.Spread = slices.Clone(s.Spread)
	s.Missing = maps.Clone(s.Missing)
	return s
}
