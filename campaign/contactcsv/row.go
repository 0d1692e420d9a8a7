package contactcsv

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

var (
	// ErrNoPhone says that no column holds the phone numbers.
	ErrNoPhone = campaign.Errorf(campaign.EINVALID, "No column is set "+
		"to Phone. Choose the column that holds the phone numbers.")
	errTwoPhones = campaign.Errorf(campaign.EINVALID, "Two columns are "+
		"set to Phone. Set only one; the other can be a custom field.")
)

// rowMaker turns records into contacts under one mapping.
type rowMaker struct {
	header  []string
	mapping Mapping
	country string
	tags    []string
	source  string
	now     time.Time
}

// row builds the contact of one record, or says in plain words why the
// record cannot be used.
func (m *rowMaker) row(rec Record) (campaign.ContactImport, Phone, error) {
	c := campaign.Contact{Fields: map[string]string{}}
	var phone Phone
	var consentAt, consentSource string
	var optOut bool

	for i, f := range m.mapping {
		if i >= len(rec.Fields) {
			break
		}
		v := strings.TrimSpace(rec.Fields[i])
		if v == "" {
			continue
		}
		switch f {
		case PhoneField:
			p, err := NormalizePhone(v, m.country)
			if err != nil {
				return campaign.ContactImport{}, Phone{}, err
			}
			phone = p
		case FirstName:
			c.FirstName = v
		case LastName:
			c.LastName = v
		case FullName:
			c.FirstName, c.LastName = splitName(v)
		case Email:
			if !looksLikeEmail(v) {
				return campaign.ContactImport{}, Phone{},
					fmt.Errorf("%q is not an email address", v)
			}
			c.Email = v
		case Tags:
			c.Tags = append(c.Tags, SplitTags(v)...)
		case ConsentDate:
			consentAt = v
		case ConsentSource:
			consentSource = v
		case OptedOut:
			optOut = truthy(v)
		case Custom:
			c.Fields[m.header[i]] = v
		}
	}
	if phone.E164 == "" {
		return campaign.ContactImport{}, Phone{},
			errors.New("the phone number is empty")
	}
	c.Phone = phone.E164
	c.NotMobile = phone.NotMobile
	c.Tags = CleanTags(append(c.Tags, m.tags...))

	ci := campaign.ContactImport{Contact: c, Line: rec.Line}
	ev, err := m.consent(rec.Line, consentAt, consentSource, optOut)
	if err != nil {
		return campaign.ContactImport{}, Phone{}, err
	}
	ci.Consent = ev
	return ci, phone, nil
}

// consent builds the consent event a row carries, if any.
func (m *rowMaker) consent(line int, at, source string,
	optOut bool) (*campaign.ConsentEvent, error) {

	if at == "" && source == "" && !optOut {
		return nil, nil
	}
	ev := &campaign.ConsentEvent{Kind: campaign.OptIn,
		Source: campaign.SourceImport, At: m.now, RecordedAt: m.now}
	if at != "" {
		t, err := ParseDate(at, m.country)
		if err != nil {
			return nil, err
		}
		ev.At = t
	}
	if optOut {
		ev.Kind = campaign.OptOut
	}

	details := fmt.Sprintf("imported from %s, line %d", m.source, line)
	if source != "" {
		details += "; consent source: " + source
	}
	if at != "" {
		details += "; consent date in file: " + at
	}
	ev.Details = details
	return ev, nil
}

// splitName splits "Ada Lovelace" into first and last name at the last
// space, and "Lovelace, Ada" at the comma.
func splitName(v string) (string, string) {
	if last, first, ok := strings.Cut(v, ","); ok {
		return strings.TrimSpace(first), strings.TrimSpace(last)
	}
	i := strings.LastIndexByte(v, ' ')
	if i < 0 {
		return v, ""
	}
	return strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+1:])
}

// looksLikeEmail is a light check that catches values in the wrong
// column, not a full address parser.
func looksLikeEmail(v string) bool {
	local, domain, ok := strings.Cut(v, "@")
	return ok && local != "" && strings.Contains(domain, ".") &&
		!strings.ContainsAny(v, " ,;<>") && !strings.Contains(domain, "@")
}

// truthy reads a yes/no value from a spreadsheet.
func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "y", "yes", "true", "x", "opted out", "optedout",
		"unsubscribed", "stop":
		return true
	}
	return false
}

// SplitTags splits a cell of tags on commas, semicolons or bars.
func SplitTags(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool {
		return r == ',' || r == ';' || r == '|'
	})
}

// CleanTags trims tags, drops empty ones and duplicates, and sorts
// them.
func CleanTags(tags []string) []string {
	seen := map[string]bool{}
	out := tags[:0:0]
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// dateLayouts are the date forms read from consent date columns. Slash
// dates are month first for US and Canadian files, day first otherwise.
var (
	isoLayouts = []string{time.RFC3339, "2006-01-02T15:04:05",
		"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
		"2006/01/02", "Jan 2, 2006", "January 2, 2006", "2 Jan 2006",
		"2 January 2006"}
	monthFirst = []string{"1/2/2006 15:04:05", "1/2/2006 15:04",
		"1/2/2006", "1/2/06"}
	dayFirst = []string{"2/1/2006 15:04:05", "2/1/2006 15:04",
		"2/1/2006", "2/1/06", "2.1.2006"}
)

// ParseDate reads a consent date as a spreadsheet writes it. Dates
// without a zone are taken as UTC.
func ParseDate(v, country string) (time.Time, error) {
	// Most files write plain ISO dates: try that form first.
	if len(v) == len(time.DateOnly) {
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return t, nil
		}
	}
	layouts := append([]string{}, isoLayouts...)
	switch strings.ToUpper(country) {
	case "US", "CA":
		layouts = append(layouts, monthFirst...)
	default:
		layouts = append(layouts, dayFirst...)
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, v); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date Nurture can read; "+
		"write consent dates as 2024-03-31", v)
}
