package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/nurturesms/nurture/twilioclient"
	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// startTestSimulator runs a simulator that every Twilio request of the
// test goes to.
func startTestSimulator(t *testing.T) *twiliotest.Server {
	t.Helper()
	sim, err := twiliotest.New(twiliotest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	t.Setenv(twilioclient.EnvBaseURL, sim.URL())
	return sim
}

// TestConnection_HaltedAfterRestart checks that saved credentials which
// Twilio accepted before read as a halted account when they stop
// working, even after a restart, and as a typing mistake once replaced.
func TestConnection_HaltedAfterRestart(t *testing.T) {
	noTwilioEnv(t)
	sim := startTestSimulator(t)
	store := openTestStore(t)
	o := sim.Options()

	s := newTwilioSectionState(newTestAppWithStore(t, store))
	test.Type(s.account, o.AccountSID)
	test.Type(s.token, o.AuthToken)
	test.Type(s.service, o.ServiceSID)
	test.Tap(s.save)
	if r, err := s.a.conn.test(context.Background()); err != nil || !r.OK() {
		t.Fatalf("got %v, %v; want the simulator's account", err, r.AccountErr)
	}

	sim.SetAuthToken("c0ffee00c0ffee00c0ffee00c0ffee00") // suspended, say
	a2 := newTestAppWithStore(t, store)
	if got := testClass(t, a2); got != twilioclient.ClassAccountHalted {
		t.Errorf("after restart: got class %s, want %s", got,
			twilioclient.ClassAccountHalted)
	}

	// Credentials saved anew have not worked yet.
	s2 := newTwilioSectionState(a2)
	s2.token.SetText("0123456789abcdef0123456789abcdef")
	test.Tap(s2.save)
	if got := testClass(t, a2); got != twilioclient.ClassCredentials {
		t.Errorf("after saving: got class %s, want %s", got,
			twilioclient.ClassCredentials)
	}
}

// testClass runs the connection test and returns the class of the
// account's failure.
func testClass(t *testing.T, a *App) twilioclient.Class {
	t.Helper()
	r, err := a.conn.test(context.Background())
	var e *twilioclient.Error
	if err != nil || !errors.As(r.AccountErr, &e) {
		t.Fatalf("got %v, %v; want a Twilio error", err, r.AccountErr)
	}
	return e.Class
}

func TestTwilioSection_TestAsksToSaveEditsFirst(t *testing.T) {
	noTwilioEnv(t)
	startTestSimulator(t)
	s := newTwilioSectionState(newTestApp(t))
	typeCredentials(s)
	test.Tap(s.save)

	s.token.SetText("0123456789abcdef0123456789abcdee")
	test.Tap(s.test)
	if got := s.result.Text; !strings.Contains(got, "Save the changed") {
		t.Errorf("got %q, want a request to save first", got)
	}
	if s.test.Disabled() {
		t.Error("got the test running, want it not started")
	}
}

func TestConnection_DemoAccountSurvivesRestart(t *testing.T) {
	noTwilioEnv(t)
	store := openTestStore(t)
	a := newTestAppWithStore(t, store)
	if err := a.conn.startDemo(); err != nil {
		t.Fatal(err)
	}
	client, err := a.conn.Client()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sent, err := client.Send(ctx, "+15551230001", "Hello")
	if err != nil {
		t.Fatal(err)
	}
	a.conn.mu.Lock()
	sim := a.conn.sim
	a.conn.mu.Unlock()
	a.conn.saveDemo(sim, new(string))

	// The next run finds the Message and the spent balance.
	a2 := newTestAppWithStore(t, store)
	client2, err := a2.conn.Client()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client2.Fetch(ctx, sent.SID); err != nil {
		t.Errorf("got %v, want the Message sent before the restart", err)
	}
	if bal, err := client2.Balance(ctx); err != nil || bal.Amount != "19.9921" {
		t.Errorf("got balance %+v, %v; want 19.9921", bal, err)
	}

	// Leaving demo mode forgets the account; the next demo starts afresh.
	if err := a2.conn.stopDemo(); err != nil {
		t.Fatal(err)
	}
	checkTwilioSetting(t, a2, settingDemoState, "")
}
