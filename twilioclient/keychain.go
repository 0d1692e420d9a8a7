package twilioclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"

	"github.com/zalando/go-keyring"
)

// KeychainService is the name Nurture's entry has in the OS keychain.
const KeychainService = "Nurture"

// keychainUser names the one entry that holds all three values, so that
// saving replaces them together.
const keychainUser = "twilio"

// ErrNoCredentials means the keychain holds no Twilio credentials.
var ErrNoCredentials = errors.New("no Twilio credentials are saved")

// KeychainError means the OS keychain could not be used. Its message says
// why and how to fix it; nothing was written anywhere else instead.
type KeychainError struct {
	Op  string // "save", "load" or "delete"
	Err error
}

// Error returns a plain-language explanation.
func (e *KeychainError) Error() string {
	msg := fmt.Sprintf("Nurture could not %s your Twilio credentials "+
		"because the system keychain is not available. %s",
		e.Op, keychainHint())
	if e.Op == "save" {
		msg += " Nothing was written anywhere else."
	}
	return msg
}

// Unwrap returns the keychain library's error.
func (e *KeychainError) Unwrap() error { return e.Err }

func keychainHint() string {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		return "On Linux this needs a Secret Service, such as GNOME " +
			"Keyring or KWallet, running and unlocked in your desktop " +
			"session. Start or unlock it, then try again. For headless " +
			"use, set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and " +
			"TWILIO_MESSAGING_SERVICE_SID instead."
	case "darwin":
		return "Unlock your login keychain in Keychain Access, then try " +
			"again."
	default:
		return "Check that Windows Credential Manager is available, " +
			"then try again."
	}
}

// Keychain stores Credentials in the OS keychain (Keychain on macOS,
// Credential Manager on Windows, the Secret Service on Linux).
type Keychain struct {
	// Service overrides KeychainService; tests use it to stay apart
	// from a real entry.
	Service string
}

func (k Keychain) service() string {
	if k.Service != "" {
		return k.Service
	}
	return KeychainService
}

// stored is the keychain entry's JSON shape.
type stored struct {
	AccountSID string `json:"account_sid"`
	AuthToken  string `json:"auth_token"`
	ServiceSID string `json:"messaging_service_sid"`
}

// Save writes c to the keychain, replacing what was there. c must be
// valid.
func (k Keychain) Save(c Credentials) error {
	c = c.Trimmed()
	if err := c.Validate(); err != nil {
		return err
	}

	blob, err := json.Marshal(stored(c))
	if err != nil {
		return fmt.Errorf("save credentials: %w", err)
	}
	if err := keyring.Set(k.service(), keychainUser, string(blob)); err != nil {
		return &KeychainError{Op: "save", Err: err}
	}
	return nil
}

// Load reads the Credentials from the keychain. It returns
// ErrNoCredentials when none are saved.
func (k Keychain) Load() (Credentials, error) {
	blob, err := keyring.Get(k.service(), keychainUser)
	if errors.Is(err, keyring.ErrNotFound) {
		return Credentials{}, ErrNoCredentials
	}
	if err != nil {
		return Credentials{}, &KeychainError{Op: "load", Err: err}
	}

	var s stored
	if err := json.Unmarshal([]byte(blob), &s); err != nil {
		// The entry is not ours or is damaged; its text may hold the
		// token, so it is not quoted.
		return Credentials{}, errors.New("The Twilio credentials in the " +
			"system keychain are damaged. Disconnect, then enter them " +
			"again.")
	}
	return Credentials(s), nil
}

// Delete removes the Credentials. Deleting when none are saved is not an
// error.
func (k Keychain) Delete() error {
	err := keyring.Delete(k.service(), keychainUser)
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return &KeychainError{Op: "delete", Err: err}
	}
	return nil
}
