package twilioclient

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// classCase makes the simulator fail one way and says how the Client
// must sort it.
type classCase struct {
	name      string
	opts      twiliotest.Options
	arrange   func(t *testing.T, b *bundle)
	act       func(b *bundle) error
	wantClass Class
	wantCode  int
	wantRetry time.Duration
}

func sendTo(to string) func(b *bundle) error {
	return func(b *bundle) error {
		_, err := b.client.Send(context.Background(), to, "Hello")
		return err
	}
}

var classCases = []classCase{
	{
		name:      "halted: spent balance suspends the account",
		opts:      twiliotest.Options{Balance: "0.005"},
		arrange:   func(t *testing.T, b *bundle) { b.send(t, "+15551230001", "Hi") },
		act:       sendTo("+15551230002"),
		wantClass: ClassAccountHalted, wantCode: 20003,
	},
	{
		name: "halted: token stops working after success",
		arrange: func(t *testing.T, b *bundle) {
			b.send(t, "+15551230001", "Hi")
			b.sim.SetAuthToken(rotatedToken)
		},
		act:       sendTo("+15551230002"),
		wantClass: ClassAccountHalted, wantCode: 20003,
	},
	{
		name: "halted: closed account",
		arrange: func(t *testing.T, b *bundle) {
			b.sim.SetAccountStatus("closed")
		},
		act:       sendTo("+15551230002"),
		wantClass: ClassAccountHalted, wantCode: 20005,
	},
	{
		name: "halted: token that worked in an earlier run",
		arrange: func(t *testing.T, b *bundle) {
			b.sim.SetAuthToken(rotatedToken)
		},
		act: func(b *bundle) error {
			o := b.sim.Options()
			c, err := New(Credentials{AccountSID: o.AccountSID,
				AuthToken: twiliotest.DefaultAuthToken, ServiceSID: o.ServiceSID},
				Options{BaseURL: b.sim.URL(), WorkedBefore: true})
			if err != nil {
				return err
			}
			_, err = c.Account(context.Background())
			return err
		},
		wantClass: ClassAccountHalted, wantCode: 20003,
	},
	{
		name: "credentials: wrong token from the start",
		act: func(b *bundle) error {
			_, err := b.other(goodToken, "").Account(context.Background())
			return err
		},
		wantClass: ClassCredentials, wantCode: 20003,
	},
	{
		name: "rate limited",
		arrange: func(t *testing.T, b *bundle) {
			b.sim.SetRetryAfter(7 * time.Second)
			b.sim.Inject(twiliotest.FaultRateLimit, 1)
		},
		act:       sendTo("+15551230002"),
		wantClass: ClassRateLimited, wantCode: 20429,
		wantRetry: 7 * time.Second,
	},
	{
		name: "outcome unknown: 5xx",
		arrange: func(t *testing.T, b *bundle) {
			b.sim.Inject(twiliotest.FaultServerError, 1)
		},
		act:       sendTo("+15551230002"),
		wantClass: ClassOutcomeUnknown, wantCode: 20503,
	},
	{
		name: "outcome unknown: body not JSON",
		arrange: func(t *testing.T, b *bundle) {
			b.sim.Inject(twiliotest.FaultGarbage, 1)
		},
		act:       sendTo("+15551230002"),
		wantClass: ClassOutcomeUnknown,
	},
	{
		name: "outcome unknown: connection dropped",
		arrange: func(t *testing.T, b *bundle) {
			b.sim.Inject(twiliotest.FaultDrop, 1)
		},
		act:       sendTo("+15551230002"),
		wantClass: ClassOutcomeUnknown,
	},
	{
		name: "outcome unknown: timeout",
		arrange: func(t *testing.T, b *bundle) {
			b.sim.SetLatency(2 * time.Second)
		},
		act: func(b *bundle) error {
			ctx, cancel := context.WithTimeout(context.Background(),
				50*time.Millisecond)
			defer cancel()
			_, err := b.client.Send(ctx, "+15551230002", "Hello")
			return err
		},
		wantClass: ClassOutcomeUnknown,
	},
	{
		name:      "recipient invalid",
		act:       sendTo("+15005550001"),
		wantClass: ClassRecipientInvalid, wantCode: 21211,
	},
	{
		name:      "recipient not mobile",
		act:       sendTo("+15005550009"),
		wantClass: ClassRecipientInvalid, wantCode: 21614,
	},
	{
		name:      "opted out",
		act:       sendTo("+15005550004"),
		wantClass: ClassOptedOut, wantCode: 21610,
	},
	{
		name: "opted out by replying STOP",
		arrange: func(t *testing.T, b *bundle) {
			b.sim.InjectInbound("+15551230003", "+15550100001", "stop")
		},
		act:       sendTo("+15551230003"),
		wantClass: ClassOptedOut, wantCode: 21610,
	},
	{
		name:      "country not enabled",
		act:       sendTo("+15005550003"),
		wantClass: ClassCountryNotEnabled, wantCode: 21408,
	},
	{
		name: "configuration: unknown Messaging Service",
		act: func(b *bundle) error {
			_, err := b.other("", goodService).Send(context.Background(),
				"+15551230002", "Hi")
			return err
		},
		wantClass: ClassConfiguration, wantCode: 21701,
	},
	{
		name: "configuration: unknown Message",
		act: func(b *bundle) error {
			_, err := b.client.Fetch(context.Background(),
				"SM00000000000000000000000000000000")
			return err
		},
		wantClass: ClassConfiguration, wantCode: 20404,
	},
	{
		name: "configuration: empty body",
		act: func(b *bundle) error {
			_, err := b.client.Send(context.Background(), "+15551230002", " ")
			return err
		},
		wantClass: ClassConfiguration, wantCode: 21602,
	},
	{
		name: "content: too long",
		act: func(b *bundle) error {
			_, err := b.client.Send(context.Background(), "+15551230002",
				strings.Repeat("a", 1601))
			return err
		},
		wantClass: ClassContent, wantCode: 21617,
	},
	{
		name:      "recipient cannot be routed",
		act:       sendTo("+15005550002"),
		wantClass: ClassRecipientInvalid, wantCode: 21612,
	},
	{
		name:      "recipient is a landline, after sending",
		act:       deliverTo("+15005550006"),
		wantClass: ClassRecipientInvalid, wantCode: 30006,
	},
	{
		name:      "recipient unreachable, after sending",
		act:       deliverTo("+15005550005"),
		wantClass: ClassRecipientInvalid, wantCode: 30003,
	},
	{
		name:      "other: failed before sending",
		act:       deliverTo("+15005550010"),
		wantClass: ClassOther, wantCode: 30008,
	},
	{
		name:      "content filtered, after sending",
		act:       deliverTo("+15005550007"),
		wantClass: ClassContent, wantCode: 30007,
	},
	{
		name:      "carrier limits, after sending",
		act:       deliverTo("+15005550008"),
		wantClass: ClassCarrierLimits, wantCode: 30022,
	},
}

// deliverTo sends to a number that fails after it is accepted, waits on
// the simulated clock, and returns the Message's failure.
func deliverTo(to string) func(b *bundle) error {
	return func(b *bundle) error {
		ctx := context.Background()
		m, err := b.client.Send(ctx, to, "Hello")
		if err != nil {
			return err
		}
		b.clock.Advance(time.Minute)
		m, err = b.client.Fetch(ctx, m.SID)
		if err != nil {
			return err
		}
		if f := m.Failure(); f != nil {
			return f
		}
		return nil
	}
}

// run sets up a simulator, arranges the failure and acts.
func (tt classCase) run(t *testing.T) (*bundle, error) {
	t.Helper()
	b := setup(t, tt.opts)
	if tt.arrange != nil {
		tt.arrange(t, b)
	}
	return b, tt.act(b)
}

func TestClient_ErrorClasses(t *testing.T) {
	for _, tt := range classCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.run(t)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want an *Error", err, err)
			}
			if e.Class != tt.wantClass || e.Code != tt.wantCode {
				t.Errorf("got class %s code %d, want %s code %d",
					e.Class, e.Code, tt.wantClass, tt.wantCode)
			}
			if e.RetryAfter != tt.wantRetry {
				t.Errorf("got Retry-After %s, want %s", e.RetryAfter,
					tt.wantRetry)
			}
			if e.Error() == "" || e.Class.Explanation() == "" {
				t.Error("got an empty explanation")
			}
			if tt.wantCode != 0 && !strings.HasSuffix(e.Link(),
				"/docs/api/errors/"+itoa(tt.wantCode)) {
				t.Errorf("got link %q, want Twilio's page for %d",
					e.Link(), tt.wantCode)
			}
		})
	}
}

// rotatedToken is the token the simulator switches to when a test
// rotates it.
const rotatedToken = "c0ffee00c0ffee00c0ffee00c0ffee00"

func TestError_RateLimitedReadSaysWhenToTryAgain(t *testing.T) {
	tests := []struct {
		op    string
		retry time.Duration
		want  string
	}{
		{"send", 7 * time.Second, "tries again by itself"},
		{"fetch account", 0, "Try again in a few seconds."},
		{"fetch account", time.Second, "Try again in 1 second."},
		{"fetch balance", 1500 * time.Millisecond, "Try again in 2 seconds."},
		{"fetch price", 3 * time.Minute, "Try again in 3 minutes."},
	}
	for _, tt := range tests {
		e := &Error{Class: ClassRateLimited, Op: tt.op, RetryAfter: tt.retry}
		if got := e.Error(); !strings.Contains(got, tt.want) {
			t.Errorf("%s after %s: got %q, want it to contain %q", tt.op,
				tt.retry, got, tt.want)
		}
	}
}

func TestError_OutcomeUnknownSaysWhatMayHaveHappened(t *testing.T) {
	tests := []struct {
		op          string
		wantMessage bool // whether the text warns a Message may exist
	}{
		{"send", true},
		{"schedule", true},
		{"cancel", true},
		{"fetch account", false},
		{"fetch price", false},
		{"list senders", false},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			e := &Error{Class: ClassOutcomeUnknown, Op: tt.op}
			got := strings.Contains(e.Error(), "Message may")
			if got != tt.wantMessage {
				t.Errorf("got %q, want a warning about the Message: %v",
					e.Error(), tt.wantMessage)
			}
		})
	}
}
