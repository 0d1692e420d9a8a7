package twilioclient

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

const (
	goodAccount = "AC0123456789abcdef0123456789abcdef"
	goodToken   = "fedcba9876543210fedcba9876543210"
	goodService = "MG0123456789abcdef0123456789abcdef"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		check func(string) error
		in    string
		want  string // part of the message; "" means valid
	}{
		{"account ok", ValidateAccountSID, goodAccount, ""},
		{"account spaces", ValidateAccountSID, " " + goodAccount + " ", ""},
		{"account empty", ValidateAccountSID, "", "Enter the Account SID"},
		{"account prefix", ValidateAccountSID, "MG" + goodAccount[2:],
			"should start with AC"},
		{"account short", ValidateAccountSID, goodAccount[:30],
			"has 30 characters"},
		{"account not hex", ValidateAccountSID, "AC" + strings.Repeat("z", 32),
			"only the digits"},
		{"account short, not hex", ValidateAccountSID, "AC12zz",
			"only the digits"},
		{"account lowercase prefix", ValidateAccountSID, "ac12",
			"should start with AC"},
		{"token ok", ValidateAuthToken, goodToken, ""},
		{"token empty", ValidateAuthToken, "", "Enter the Auth Token"},
		{"token short", ValidateAuthToken, "abc", "has 3 characters"},
		{"token not hex", ValidateAuthToken, strings.Repeat("g", 32),
			"only the digits"},
		{"token short, not hex", ValidateAuthToken, "12-4", "only the digits"},
		{"service ok", ValidateServiceSID, goodService, ""},
		{"service prefix", ValidateServiceSID, goodAccount, "should start with MG"},
		{"service long", ValidateServiceSID, goodService + "0",
			"has 35 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.check(tt.in)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tt.want == "" && err != nil || !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want a message containing %q", got, tt.want)
			}
		})
	}
}

func TestValidate_TokenNeverQuoted(t *testing.T) {
	bad := "0123456789abcdef0123456789abcdeZ"
	err := ValidateAuthToken(bad)
	if err == nil || strings.Contains(err.Error(), bad) {
		t.Errorf("got %v, want an error that does not repeat the token", err)
	}
}

func TestCredentials_Masked(t *testing.T) {
	c := Credentials{AccountSID: goodAccount, AuthToken: goodToken,
		ServiceSID: goodService}

	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("creds", "c", c)
	slog.New(slog.NewTextHandler(&buf, nil)).Info("creds", "c", c)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		fmt.Fprintf(&buf, verb+"\n", c)
	}
	fmt.Fprintln(&buf, c, []Credentials{c}, &c)

	if strings.Contains(buf.String(), goodToken) {
		t.Fatalf("the Auth Token appears in:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), goodAccount) {
		t.Errorf("got %q, want the Account SID shown", buf.String())
	}
}

func TestFromEnvironment(t *testing.T) {
	tests := []struct {
		name               string
		account, token, mg string
		wantOK             bool
		wantErr            string
	}{
		{"none", "", "", "", false, ""},
		{"all", goodAccount, goodToken, goodService, true, ""},
		{"missing token", goodAccount, "", goodService, true,
			"TWILIO_AUTH_TOKEN"},
		{"bad service", goodAccount, goodToken, "MG1", true,
			"Messaging Service SID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvAccountSID, tt.account)
			t.Setenv(EnvAuthToken, tt.token)
			t.Setenv(EnvServiceSID, tt.mg)
			c, ok, err := FromEnvironment()
			if ok != tt.wantOK {
				t.Errorf("got ok %v, want %v", ok, tt.wantOK)
			}
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tt.wantErr == "" && err != nil ||
				!strings.Contains(got, tt.wantErr) {
				t.Errorf("got error %q, want one containing %q", got, tt.wantErr)
			}
			if tt.wantOK && tt.wantErr == "" && c.AuthToken != goodToken {
				t.Errorf("got token of length %d, want the one set",
					len(c.AuthToken))
			}
		})
	}
}
