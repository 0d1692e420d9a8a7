package contactcsv

import (
	"strings"
	"testing"
)

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		raw, country string
		want         string
		notMobile    bool
		reason       string // part of the error; "" means valid
	}{
		{"(415) 555-0100", "US", "+14155550100", false, ""},
		{"415.555.0199", "US", "+14155550199", false, ""},
		{"+1 212 555 0123", "GB", "+12125550123", false, ""},
		{"001 212 555 0123", "GB", "+12125550123", false, ""},
		{"+44 7700 900123", "US", "+447700900123", false, ""},
		{"07700 900456", "GB", "+447700900456", false, ""},
		{"+44 20 7946 0000", "US", "+442079460000", true, ""},
		{"+1 415 555 0100 ext 2", "US", "+14155550100", true, ""},
		{"555.0100 ext 2", "US", "", false, "too short"},
		{"0415 555 010", "US", "", false, "not a valid US number"},
		{"", "US", "", false, "empty"},
		{"call me", "US", "", false, "not a phone number"},
		{"+999 123 456", "US", "", false, "country code"},
		{"12345678901234567890", "US", "", false, "too long"},
		{"4.15555E+09", "US", "", false, "shortened by a spreadsheet"},
		{"(415) 555-0132 (mobile)", "US", "", false,
			"has words beside the number (mobile)"},
		{"415-555-0133 / 415-555-0134", "US", "", false,
			"holds more than one number"},
		{"44 7700 900136", "US", "", false,
			"country code, put + in front"},
		{"+1 415 555 0100 x 2", "US", "+14155550100", true, ""},
		{"1-800-FLOWERS", "US", "+18003569377", true, ""},
		{"4.47700900123e+11", "GB", "", false, "format the column as text"},
	}
	for _, tt := range tests {
		got, err := NormalizePhone(tt.raw, tt.country)
		if tt.reason != "" {
			if err == nil || !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("NormalizePhone(%q) error = %v, want one saying %q",
					tt.raw, err, tt.reason)
			}
			continue
		}
		if err != nil {
			t.Errorf("NormalizePhone(%q): %v", tt.raw, err)
			continue
		}
		if got.E164 != tt.want || got.NotMobile != tt.notMobile {
			t.Errorf("NormalizePhone(%q) = %s not mobile %v, want %s %v",
				tt.raw, got.E164, got.NotMobile, tt.want, tt.notMobile)
		}
	}
}

func TestNormalizePhone_fictional(t *testing.T) {
	for _, raw := range []string{"+1 415 555 0142", "+44 7700 900999"} {
		got, err := NormalizePhone(raw, "US")
		if err != nil || !got.Fictional {
			t.Errorf("NormalizePhone(%q) = %+v, %v; want a fictional number",
				raw, got, err)
		}
	}
	got, _ := NormalizePhone("+1 415 555 0200", "US")
	if got.Fictional {
		t.Errorf("+1 415 555 0200 is outside the fictional range")
	}
}
