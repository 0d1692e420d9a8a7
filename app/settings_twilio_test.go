package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/nurturesms/nurture/twilioclient"
)

const (
	testAccountSID = "AC0123456789abcdef0123456789abcdef"
	testAuthToken  = "fedcba9876543210fedcba9876543210"
	testServiceSID = "MG0123456789abcdef0123456789abcdef"
)

// noTwilioEnv clears the TWILIO_* variables and gives the test an
// in-memory keychain, so that nothing real is read or written.
func noTwilioEnv(t *testing.T) {
	t.Helper()
	for _, k := range []string{twilioclient.EnvAccountSID,
		twilioclient.EnvAuthToken, twilioclient.EnvServiceSID,
		twilioclient.EnvBaseURL} {
		t.Setenv(k, "")
	}
	keyring.MockInit()
}

func TestTwilioSection_ValidatesAsTyped(t *testing.T) {
	noTwilioEnv(t)
	s := newTwilioSectionState(newTestApp(t))

	tests := []struct {
		name  string
		typed string
		want  string
	}{
		{"account prefix", "MG0123", "should start with AC"},
		{"account length", "AC0123", "has 6 characters"},
		{"account typo", "AC01O", "only the digits"},
		{"account ok", testAccountSID, ""},
		{"token length", "abc", "has 3 characters"},
		{"token ok", testAuthToken, ""},
		{"service prefix", testAccountSID, "should start with MG"},
		{"service ok", testServiceSID, ""},
		{"10DLC not a figure", "fast", "must be a number"},
		{"10DLC ok", "15", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entry, msg := s.account, s.accountMsg
			switch {
			case strings.HasPrefix(tt.name, "token"):
				entry, msg = s.token, s.tokenMsg
			case strings.HasPrefix(tt.name, "service"):
				entry, msg = s.service, s.serviceMsg
			case strings.HasPrefix(tt.name, "10DLC"):
				entry, msg = s.tenDLC, s.tenDLCMsg
			}
			entry.SetText("")
			test.Type(entry, tt.typed)
			if got := msg.Text; tt.want == "" && got != "" ||
				!strings.Contains(got, tt.want) {
				t.Errorf("got %q, want a message containing %q", got, tt.want)
			}
			if msg.Hidden != (tt.want == "") {
				t.Errorf("got message hidden %v, want %v", msg.Hidden,
					tt.want == "")
			}
		})
	}
}

func TestTwilioSection_TokenMaskedWithToggle(t *testing.T) {
	noTwilioEnv(t)
	s := newTwilioSectionState(newTestApp(t))
	w := test.NewWindow(s.view())
	defer w.Close()

	eye, ok := s.token.ActionItem.(fyne.Tappable)
	if !s.token.Password || !ok {
		t.Fatal("got a visible token or no toggle, want it masked")
	}
	test.Tap(eye)
	if s.token.Password {
		t.Error("got a masked token after the toggle, want it visible")
	}
	test.Tap(eye)
	if !s.token.Password {
		t.Error("got a visible token after hiding, want it masked")
	}
}

func TestTwilioSection_SaveThenReload(t *testing.T) {
	noTwilioEnv(t)
	store := openTestStore(t)
	s := newTwilioSectionState(newTestAppWithStore(t, store))

	test.Type(s.account, testAccountSID)
	test.Type(s.token, " "+testAuthToken+" ")
	test.Type(s.service, testServiceSID)
	test.Type(s.tenDLC, "15")
	test.Tap(s.save)
	if !strings.Contains(s.result.Text, "Saved") {
		t.Fatalf("got %q, want a saved message", s.result.Text)
	}

	// A new window on the same database finds the credentials.
	a2 := newTestAppWithStore(t, store)
	s2 := newTwilioSectionState(a2)
	got := []string{s2.account.Text, s2.token.Text, s2.service.Text,
		s2.tenDLC.Text, string(a2.conn.Source())}
	want := []string{testAccountSID, testAuthToken, testServiceSID, "15",
		string(sourceKeychain)}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := a2.conn.Client(); err != nil {
		t.Errorf("got %v, want a client", err)
	}

	// The token is in the keychain only, never in the database file.
	assertSecretNotInFile(t, store.Path(), testAuthToken)
}

// assertSecretNotInFile fails when secret is anywhere in the file or its WAL.
func assertSecretNotInFile(t *testing.T, path, secret string) {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("the Auth Token is stored in %s", p)
		}
	}
}

func TestTwilioSection_SaveRefusesInvalid(t *testing.T) {
	noTwilioEnv(t)
	s := newTwilioSectionState(newTestApp(t))
	test.Type(s.account, testAccountSID)
	test.Tap(s.save)

	if !strings.Contains(s.tokenMsg.Text, "Enter the Auth Token") ||
		!strings.Contains(s.serviceMsg.Text, "Enter the Messaging Service SID") {
		t.Errorf("got %q and %q, want both empty fields named",
			s.tokenMsg.Text, s.serviceMsg.Text)
	}
	_, err := twilioclient.Keychain{}.Load()
	if !errors.Is(err, twilioclient.ErrNoCredentials) {
		t.Errorf("got %v, want nothing saved", err)
	}
}

func TestTwilioSection_Disconnect(t *testing.T) {
	noTwilioEnv(t)
	a := newTestApp(t)
	s := newTwilioSectionState(a)
	typeCredentials(s)
	test.Tap(s.save)

	s.doDisconnect()
	if _, err := (twilioclient.Keychain{}).Load(); !errors.Is(err,
		twilioclient.ErrNoCredentials) {
		t.Errorf("got %v, want the keychain emptied", err)
	}
	if s.account.Text != "" || a.conn.Source() != sourceNone {
		t.Errorf("got %q from %q, want empty fields and no connection",
			s.account.Text, a.conn.Source())
	}
	if s.demo.Hidden || !s.disconnect.Disabled() {
		t.Errorf("got demo offered %v, disconnect enabled %v; want the "+
			"demo offered and nothing to disconnect", !s.demo.Hidden,
			!s.disconnect.Disabled())
	}
}

func TestTwilioSection_TenDLCMustBeAFigure(t *testing.T) {
	noTwilioEnv(t)
	a := newTestApp(t)
	s := newTwilioSectionState(a)
	typeCredentials(s)

	for _, typed := range []string{"fast", "-3", "NaN", "Inf", "1e999"} {
		s.tenDLC.SetText(typed)
		test.Tap(s.save)
		if !strings.Contains(s.result.Text, "must be a number") {
			t.Errorf("%q: got %q, want the figure refused", typed,
				s.result.Text)
		}
		checkTwilioSetting(t, a, settingTenDLC, "")
	}
}

func TestTwilioSection_NoKeychain(t *testing.T) {
	noTwilioEnv(t)
	keyring.MockInitWithError(errors.New("org.freedesktop.secrets missing"))
	t.Cleanup(keyring.MockInit)
	s := newTwilioSectionState(newTestApp(t))

	typeCredentials(s)
	test.Tap(s.save)
	if !strings.Contains(s.result.Text, "system keychain is not available") {
		t.Errorf("got %q, want the keychain problem explained", s.result.Text)
	}
}

func TestTwilioSection_DemoModeShowsBannerAndSurvivesRestart(t *testing.T) {
	noTwilioEnv(t)
	store := openTestStore(t)
	a := newTestAppWithStore(t, store)
	s := newTwilioSectionState(a)

	if s.demo.Hidden {
		t.Fatal("got no demo offer without credentials")
	}
	test.Tap(s.demo)
	if got := a.bannerText(); got != demoBanner {
		t.Fatalf("got banner %q, want %q", got, demoBanner)
	}

	// Before any test, the pace is asked of the simulator.
	if pace, err := a.conn.Pace(context.Background()); err != nil || pace != 5 {
		t.Errorf("got pace %v, %v; want 5 Segments per second", pace, err)
	}

	r, err := a.conn.test(context.Background())
	if err != nil || !r.OK() {
		t.Fatalf("got %v %v, want the simulated account", err, r.AccountErr)
	}
	text := reportText(r, "US")
	for _, want := range []string{"20.00 USD", "(toll-free)",
		"5 segments per second", "0.0079 USD"} {
		if !strings.Contains(text, want) {
			t.Errorf("got report %q, want it to contain %q", text, want)
		}
	}
	if pace, err := a.conn.Pace(context.Background()); err != nil || pace != 5 {
		t.Errorf("got pace %v, %v; want 5 Segments per second", pace, err)
	}
	checkTwilioSetting(t, a, settingPrice, "0.0079")
	checkTwilioSetting(t, a, settingPriceCurrency, "USD")
	checkTwilioSetting(t, a, settingDemoMode, "1")
	if got := newTwilioSectionState(a).result.Text; !strings.Contains(got,
		"20.00 USD") {
		t.Errorf("got %q in a new section, want the last test shown", got)
	}

	// After a restart demo mode is still on.
	a2 := newTestAppWithStore(t, store)
	a2.conn.start()
	if got := a2.bannerText(); got != demoBanner {
		t.Errorf("after restart: got banner %q, want %q", got, demoBanner)
	}

	s2 := newTwilioSectionState(a2)
	test.Tap(s2.leaveDemo)
	if got := a2.bannerText(); got != "" {
		t.Errorf("got banner %q after leaving demo mode, want none", got)
	}
	checkTwilioSetting(t, a2, settingDemoMode, "")
	checkTwilioSetting(t, a2, settingPrice, "")
	checkTwilioSetting(t, a2, settingPriceCurrency, "")
}

// typeCredentials fills the three fields with valid test values.
func typeCredentials(s *twilioSection) {
	test.Type(s.account, testAccountSID)
	test.Type(s.token, testAuthToken)
	test.Type(s.service, testServiceSID)
}

func checkTwilioSetting(t *testing.T, a *App, key, want string) {
	t.Helper()
	got, err := a.store.Setting(context.Background(), key)
	if err != nil || got != want {
		t.Errorf("setting %s: got %q, %v; want %q", key, got, err, want)
	}
}

func TestTwilioSection_EnvironmentAndRejectedToken(t *testing.T) {
	noTwilioEnv(t)
	o := startTestSimulator(t).Options()
	t.Setenv(twilioclient.EnvAccountSID, o.AccountSID)
	t.Setenv(twilioclient.EnvAuthToken, testAuthToken) // not the simulator's
	t.Setenv(twilioclient.EnvServiceSID, o.ServiceSID)

	a := newTestApp(t)
	s := newTwilioSectionState(a)
	if a.conn.Source() != sourceEnvironment || !s.token.Disabled() ||
		!s.disconnect.Disabled() {
		t.Fatalf("got source %q, token editable %v; want the environment "+
			"in charge", a.conn.Source(), !s.token.Disabled())
	}

	// Save keeps the 10DLC figure and writes no credentials.
	test.Type(s.tenDLC, "12")
	test.Tap(s.save)
	checkTwilioSetting(t, a, settingTenDLC, "12")
	if _, err := (twilioclient.Keychain{}).Load(); !errors.Is(err,
		twilioclient.ErrNoCredentials) {
		t.Errorf("got %v, want nothing in the keychain", err)
	}

	r, err := a.conn.test(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := "Twilio rejected this Account SID and Auth Token (error " +
		"20003). Check them in the Twilio console."
	if got := reportText(r, "US"); !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
}

func TestReportText_SaysWhatToDo(t *testing.T) {
	svcErr := &twilioclient.Error{Class: twilioclient.ClassConfiguration,
		Code: 20404, Status: 404, Op: "list senders"}
	tests := []struct {
		name     string
		r        twilioclient.Report
		want     []string
		wantOnce string // appears exactly once
	}{
		{
			name: "suspended account",
			r: twilioclient.Report{Account: twilioclient.Account{
				FriendlyName: "Shop", Status: "suspended"}},
			want: []string{"Shop, status suspended", "top up"},
		},
		{
			name: "unknown Messaging Service",
			r: twilioclient.Report{Account: twilioclient.Account{
				FriendlyName: "Shop", Status: "active"},
				SendersErr: svcErr},
			want:     []string{"Senders: ", "/errors/20404"},
			wantOnce: "Messaging Service is set up",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := reportText(tt.r, "US")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %q, want it to contain %q", got, w)
				}
			}
			if n := strings.Count(got, tt.wantOnce); tt.wantOnce != "" &&
				n != 1 {
				t.Errorf("got %q %d times in %q, want once", tt.wantOnce,
					n, got)
			}
		})
	}
}
