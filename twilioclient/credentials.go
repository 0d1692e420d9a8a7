// Package twilioclient talks to Twilio for Nurture: it holds the account's
// credentials (in the OS keychain or the environment), sends and schedules
// Messages through a Messaging Service, reads statuses, balance, Senders
// and prices, and sorts every failure into a Class the caller can act on.
//
// It knows nothing of campaigns, the database or the UI.
package twilioclient

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
)

// Credentials are the three values the user copies from the Twilio
// console. The Auth Token is a secret: Credentials print and log with it
// masked.
type Credentials struct {
	AccountSID string
	AuthToken  string
	ServiceSID string // the Messaging Service SID
}

// Environment variable names that override the keychain for headless use.
const (
	EnvAccountSID = "TWILIO_ACCOUNT_SID"
	EnvAuthToken  = "TWILIO_AUTH_TOKEN"
	EnvServiceSID = "TWILIO_MESSAGING_SERVICE_SID"
)

// ValidateAccountSID checks that s looks like an Account SID and returns
// a message for the user when it does not.
func ValidateAccountSID(s string) error {
	return validateSID(s, "AC", "Account SID",
		"It starts with AC and is on the Twilio console's home page.")
}

// ValidateServiceSID checks that s looks like a Messaging Service SID and
// returns a message for the user when it does not.
func ValidateServiceSID(s string) error {
	return validateSID(s, "MG", "Messaging Service SID",
		"It starts with MG and is under Messaging > Services in the "+
			"Twilio console.")
}

// ValidateAuthToken checks that s looks like an Auth Token. The message
// never repeats the token.
func ValidateAuthToken(s string) error {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return errors.New("Enter the Auth Token from the Twilio console.")
	case !isHex(s):
		return errors.New("The Auth Token should hold only the digits " +
			"0-9 and letters a-f. Copy it again from the Twilio console.")
	case len(s) != 32:
		return fmt.Errorf("The Auth Token has %d characters; it should "+
			"have 32. Copy it again from the Twilio console.", len(s))
	}
	return nil
}

// validateSID checks a SID. Wrong characters are named before a wrong
// length, so a slip shows while the value is still being typed.
func validateSID(s, prefix, name, where string) error {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return fmt.Errorf("Enter the %s. %s", name, where)
	case !strings.HasPrefix(s, prefix):
		return fmt.Errorf("The %s should start with %s. %s",
			name, prefix, where)
	case !isHex(s[len(prefix):]):
		return fmt.Errorf("After %s, the %s should hold only the digits "+
			"0-9 and letters a-f. %s", prefix, name, where)
	case len(s) != 34:
		return fmt.Errorf("The %s has %d characters; it should have 34 "+
			"(%s and 32 more). %s", name, len(s), prefix, where)
	}
	return nil
}

func isHex(s string) bool {
	for _, r := range s {
		ok := r >= '0' && r <= '9' || r >= 'a' && r <= 'f' ||
			r >= 'A' && r <= 'F'
		if !ok {
			return false
		}
	}
	return true
}

// Trimmed returns the credentials without surrounding spaces, as pasting
// from a browser often adds them.
func (c Credentials) Trimmed() Credentials {
	return Credentials{
		AccountSID: strings.TrimSpace(c.AccountSID),
		AuthToken:  strings.TrimSpace(c.AuthToken),
		ServiceSID: strings.TrimSpace(c.ServiceSID),
	}
}

// Validate checks all three values and returns the first problem.
func (c Credentials) Validate() error {
	if err := ValidateAccountSID(c.AccountSID); err != nil {
		return err
	}
	if err := ValidateAuthToken(c.AuthToken); err != nil {
		return err
	}
	return ValidateServiceSID(c.ServiceSID)
}

// IsZero reports whether no value is set.
func (c Credentials) IsZero() bool {
	return c.AccountSID == "" && c.AuthToken == "" && c.ServiceSID == ""
}

// String shows the SIDs and masks the Auth Token.
func (c Credentials) String() string {
	return fmt.Sprintf("account %s, messaging service %s, auth token %s",
		c.AccountSID, c.ServiceSID, mask(c.AuthToken))
}

// GoString masks the Auth Token for %#v too.
func (c Credentials) GoString() string {
	return "twilioclient.Credentials{" + c.String() + "}"
}

// Format masks the Auth Token for every fmt verb, %+v included.
func (c Credentials) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, c.GoString())
		return
	}
	fmt.Fprint(f, c.String())
}

// LogValue masks the Auth Token in slog records.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("account", c.AccountSID),
		slog.String("service", c.ServiceSID),
		slog.String("token", mask(c.AuthToken)))
}

func mask(token string) string {
	if token == "" {
		return "(none)"
	}
	return "(hidden)"
}

// FromEnvironment reads the TWILIO_* variables. ok is false when none of
// them is set; when only some are set, err says which are missing.
func FromEnvironment() (c Credentials, ok bool, err error) {
	c = Credentials{
		AccountSID: os.Getenv(EnvAccountSID),
		AuthToken:  os.Getenv(EnvAuthToken),
		ServiceSID: os.Getenv(EnvServiceSID),
	}.Trimmed()
	if c.IsZero() {
		return Credentials{}, false, nil
	}

	var missing []string
	for _, v := range []struct{ name, value string }{
		{EnvAccountSID, c.AccountSID},
		{EnvAuthToken, c.AuthToken},
		{EnvServiceSID, c.ServiceSID},
	} {
		if v.value == "" {
			missing = append(missing, v.name)
		}
	}
	if len(missing) > 0 {
		return c, true, fmt.Errorf("Twilio credentials in the environment "+
			"are incomplete: set %s too, or unset them all.",
			strings.Join(missing, " and "))
	}
	if err := c.Validate(); err != nil {
		return c, true, fmt.Errorf("Twilio credentials in the "+
			"environment: %w", err)
	}
	return c, true, nil
}
