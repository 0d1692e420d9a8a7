package twilioclient

import (
	"strings"
	"testing"
	"time"
)

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"", "0", "7", " 120 ", "-1", "1.5",
		"99999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "soon"} {
		f.Add(s)
	}
	now := time.Date(2015, 10, 21, 7, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		got := parseRetryAfter(v, now)
		if got < 0 || got > maxRetryAfter {
			t.Errorf("parseRetryAfter(%q) = %s, want 0 to %s", v, got,
				maxRetryAfter)
		}
	})
}

func FuzzValidate(f *testing.F) {
	for _, s := range []string{"", goodAccount, goodToken, goodService,
		"AC", "MG12", " " + goodToken + " ", "ÄC0123", "AC\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		checks := []struct {
			name   string
			check  func(string) error
			prefix string
			length int
		}{
			{"account", ValidateAccountSID, "AC", 34},
			{"token", ValidateAuthToken, "", 32},
			{"service", ValidateServiceSID, "MG", 34},
		}
		trimmed := strings.TrimSpace(v)
		for _, c := range checks {
			err := c.check(v)
			if err == nil && (len(trimmed) != c.length ||
				!strings.HasPrefix(trimmed, c.prefix)) {
				t.Errorf("%s: %q passed, want it refused", c.name, v)
			}
			if err != nil && len(trimmed) >= 8 &&
				strings.Contains(err.Error(), trimmed) {
				t.Errorf("%s: the message %q repeats the value", c.name,
					err.Error())
			}
		}
	})
}

func TestParseRetryAfter_CapsHugeWaits(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"99999999999999999", maxRetryAfter},
		{"86400", maxRetryAfter},
		{"Fri, 01 Jan 2100 00:00:00 GMT", maxRetryAfter},
		{"30", 30 * time.Second},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseBaseURL_NeverQuotesAPassword(t *testing.T) {
	tests := []struct {
		in     string
		wantOK bool
	}{
		{"http://127.0.0.1:8089", true},
		{"https://proxy.example", true},
		{"ftp://user:s3cretpass@proxy.example", false},
		{"http://user:s3cretpass@[::1", false},
		{"127.0.0.1:8089", false},
	}
	for _, tt := range tests {
		_, err := parseBaseURL(tt.in)
		if (err == nil) != tt.wantOK {
			t.Errorf("parseBaseURL(%q): got %v, want ok %v", tt.in, err,
				tt.wantOK)
		}
		if err != nil && strings.Contains(err.Error(), "s3cretpass") {
			t.Errorf("parseBaseURL(%q): got %q, want the password hidden",
				tt.in, err)
		}
	}
}
