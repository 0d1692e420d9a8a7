package contactcsv

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"

	"github.com/nurturesms/nurture/campaign"
)

// Phone is a number after normalisation.
type Phone struct {
	// E164 is the number in E.164 form, e.g. +14155550100.
	E164 string
	// NotMobile is set when the number is valid but the numbering plan
	// says it is not a mobile: a landline, toll-free or premium number,
	// or a number with an extension (reached through a switchboard).
	NotMobile bool
	// Fictional is set for numbers in the ranges reserved for drama and
	// testing (+1 NPA 555 01xx, +44 7700 900xxx).
	Fictional bool
}

// NormalizePhone turns a number as typed by a person into E.164.
// Numbers without a country code are read as numbers of country, an
// ISO 3166 code such as "US" or "GB". A number that cannot be used gets
// an error whose text is a plain reason, fit to show next to the row.
//
// The UK range +44 7700 900000 to 900999 is reserved for fiction and
// the numbering plan library calls it invalid; Nurture accepts it as a
// mobile number so that demos and tests can use it safely. The North
// American range NPA 555 0100 to 0199 is valid to the library already.
func NormalizePhone(raw, country string) (Phone, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return Phone{}, errors.New("the phone number is empty")
	}
	if strings.HasPrefix(s, "00") {
		s = "+" + s[2:] // international prefix used across Europe
	}

	if scientific(s) {
		return Phone{}, fmt.Errorf("%q was shortened by a spreadsheet, "+
			"which lost its last digits: format the column as text in "+
			"the spreadsheet, type the number again and export the file "+
			"again", raw)
	}

	num, err := phonenumbers.Parse(s, strings.ToUpper(country))
	if err != nil {
		return Phone{}, explain(raw, parseReason(raw, err))
	}
	e164 := phonenumbers.Format(num, phonenumbers.E164)

	if isFictionalUK(e164) {
		return Phone{E164: e164, Fictional: true}, nil
	}

	// The library's validity test is "has a known type": asking for the
	// type alone does the costly region matching once, not twice.
	p := Phone{E164: e164, Fictional: isFictionalNANP(e164)}
	switch phonenumbers.GetNumberType(num) {
	case phonenumbers.UNKNOWN:
		return Phone{}, explain(raw, invalidReason(raw, num, country))
	case phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE,
		phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER:
	default:
		p.NotMobile = true
	}
	if num.GetExtension() != "" {
		p.NotMobile = true
	}
	return p, nil
}

// CountryCode returns the ISO code for a country as people write it:
// upper case, and "UK" as GB.
func CountryCode(country string) string {
	c := strings.ToUpper(strings.TrimSpace(country))
	if c == "UK" {
		return "GB"
	}
	return c
}

// CheckCountry reports a country code the numbering plan does not
// know, with a message saying what to use instead.
func CheckCountry(country string) error {
	if phonenumbers.GetSupportedRegions()[strings.ToUpper(country)] {
		return nil
	}
	return campaign.Errorf(campaign.EINVALID, "%q is not a country code "+
		"Nurture knows. Use a two-letter code such as US, GB or DE.",
		country)
}

// scientific reports whether s is a number in the scientific notation
// spreadsheets use for long numbers, such as 4.15555E+09.
func scientific(s string) bool {
	if !strings.ContainsAny(s, "eE") {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// explain gives a clearer reason than the numbering plan's for a
// value that holds two numbers, or words beside a number.
func explain(raw string, reason error) error {
	digitRuns := 0
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool {
		return strings.ContainsRune("/;,&", r)
	}) {
		if countDigits(part) >= 6 {
			digitRuns++
		}
	}
	if digitRuns > 1 {
		return fmt.Errorf("%q holds more than one number: keep one "+
			"number here and put the other in a column of its own", raw)
	}

	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(raw),
		func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "ext", "extension", "x", "tel":
		default:
			words = append(words, w)
		}
	}
	if len(words) > 0 && countDigits(raw) >= 5 {
		return fmt.Errorf("%q has words beside the number (%s): keep "+
			"only the number", raw, strings.Join(words, " "))
	}
	return reason
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// parseReason explains why the library could not read a number at all.
func parseReason(raw string, err error) error {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return fmt.Errorf("%q starts with a country code that does not "+
			"exist", raw)
	case errors.Is(err, phonenumbers.ErrTooShortNSN),
		errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
		return fmt.Errorf("%q is too short to be a phone number", raw)
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return fmt.Errorf("%q is too long to be a phone number", raw)
	}
	return fmt.Errorf("%q is not a phone number", raw)
}

// invalidReason explains a number the library read but which does not
// exist in its country's numbering plan.
func invalidReason(raw string, num *phonenumbers.PhoneNumber,
	country string) error {

	switch phonenumbers.IsPossibleNumberWithReason(num) {
	case phonenumbers.TOO_SHORT, phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return fmt.Errorf("%q is too short: add the area code or the "+
			"country code", raw)
	case phonenumbers.TOO_LONG:
		return fmt.Errorf("%q has too many digits for a %s number; if "+
			"it starts with a country code, put + in front", raw,
			strings.ToUpper(country))
	case phonenumbers.INVALID_COUNTRY_CODE:
		return fmt.Errorf("%q starts with a country code that does not "+
			"exist", raw)
	}
	region := phonenumbers.GetRegionCodeForNumber(num)
	if region == "" {
		region = strings.ToUpper(country)
	}
	return fmt.Errorf("%q is not a valid %s number", raw, region)
}

// isFictionalUK reports whether e164 is in Ofcom's drama range for
// mobiles, +44 7700 900000 to +44 7700 900999.
func isFictionalUK(e164 string) bool {
	return len(e164) == 13 && strings.HasPrefix(e164, "+447700900")
}

// isFictionalNANP reports whether e164 is a North American number in
// the NXX 555 0100 to 0199 range set aside for fiction.
func isFictionalNANP(e164 string) bool {
	return len(e164) == 12 && strings.HasPrefix(e164, "+1") &&
		e164[5:10] == "55501"
}
