package twilioclient

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// testKeychain returns a Keychain under a service name of its own, or
// skips when no Secret Service can be reached, unless
// NURTURE_REQUIRE_KEYRING=1 says it must be there.
func testKeychain(t *testing.T) Keychain {
	t.Helper()
	k := Keychain{Service: "Nurture test " + t.Name()}
	require := os.Getenv("NURTURE_REQUIRE_KEYRING") == "1"

	unavailable := ""
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		unavailable = "no D-Bus session"
	} else if _, err := k.Load(); err != nil &&
		!errors.Is(err, ErrNoCredentials) {
		unavailable = err.Error()
	}
	if unavailable != "" {
		if require {
			t.Fatalf("keychain needed but unavailable: %s", unavailable)
		}
		t.Skipf("keychain unavailable: %s", unavailable)
	}

	t.Cleanup(func() { _ = k.Delete() })
	return k
}

func TestKeychain_RoundTrip(t *testing.T) {
	k := testKeychain(t)
	first := Credentials{AccountSID: goodAccount, AuthToken: goodToken,
		ServiceSID: goodService}
	second := Credentials{AccountSID: "AC" + goodToken,
		AuthToken: goodToken[16:] + goodToken[:16], ServiceSID: goodService}

	// Nothing saved yet.
	if _, err := k.Load(); !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("load before save: got %v, want ErrNoCredentials", err)
	}

	steps := []struct {
		name string
		save Credentials
	}{
		{"save", first},
		{"overwrite", second},
	}
	for _, s := range steps {
		if err := k.Save(s.save); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		got, err := k.Load()
		if err != nil {
			t.Fatalf("%s: load: %v", s.name, err)
		}
		if got != s.save {
			t.Errorf("%s: got %v, want %v", s.name, got, s.save)
		}
	}

	if err := k.Delete(); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := k.Load(); !errors.Is(err, ErrNoCredentials) {
		t.Errorf("load after delete: got %v, want ErrNoCredentials", err)
	}
	if err := k.Delete(); err != nil {
		t.Errorf("second delete: got %v, want nil", err)
	}
}

func TestKeychain_SaveRejectsInvalid(t *testing.T) {
	k := Keychain{Service: "Nurture test never written"}
	err := k.Save(Credentials{AccountSID: "AC1", AuthToken: goodToken,
		ServiceSID: goodService})
	if err == nil {
		t.Fatal("got nil, want a validation error")
	}
}

func TestKeychainError_Plain(t *testing.T) {
	err := &KeychainError{Op: "save", Err: errors.New("dbus: secret " +
		goodToken)}
	msg := err.Error()
	for _, want := range []string{"keychain is not available",
		"Nothing was written"} {
		if !strings.Contains(msg, want) {
			t.Errorf("got %q, want it to contain %q", msg, want)
		}
	}
	if strings.Contains(msg, goodToken) || strings.Contains(msg, "dbus") {
		t.Errorf("got %q, want no library detail in the message", msg)
	}
}
