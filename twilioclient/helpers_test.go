package twilioclient

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// start is the simulated clock's starting time.
var start = time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)

// bundle is a simulator with a Client connected to it.
type bundle struct {
	t      *testing.T
	sim    *twiliotest.Server
	clock  *twiliotest.ManualClock
	client *Client
	log    *syncBuffer
}

// syncBuffer is a log sink that tests read after the calls.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// setup starts a simulator with opts and a Client for it, both closed
// when the test ends.
func setup(t *testing.T, opts twiliotest.Options) *bundle {
	t.Helper()
	b := &bundle{t: t, clock: twiliotest.NewManualClock(start),
		log: &syncBuffer{}}
	opts.Clock = b.clock

	sim, err := twiliotest.New(opts)
	if err != nil {
		t.Fatalf("new simulator: %v", err)
	}
	if err := sim.Start(); err != nil {
		t.Fatalf("start simulator: %v", err)
	}
	t.Cleanup(func() { sim.Close() })
	b.sim = sim

	o := sim.Options()
	b.client = b.connect(t, Credentials{AccountSID: o.AccountSID,
		AuthToken: o.AuthToken, ServiceSID: o.ServiceSID})
	return b
}

// connect returns a Client for the bundle's simulator with creds.
func (b *bundle) connect(t *testing.T, creds Credentials) *Client {
	t.Helper()
	c, err := New(creds, Options{
		BaseURL: b.sim.URL(),
		Logger:  slog.New(slog.NewTextHandler(b.log, nil)),
		Now:     b.clock.Now,
		Timeout: 5 * time.Second,
	})
	if err != nil {
		t.Fatalf("new client: %v", err)
	}
	return c
}

// send sends body to to and fails the test on error.
func (b *bundle) send(t *testing.T, to, body string) Message {
	t.Helper()
	m, err := b.client.Send(context.Background(), to, body)
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	return m
}

func itoa(n int) string { return strconv.Itoa(n) }

// other returns a Client for the simulator with the token or Messaging
// Service replaced, when given.
func (b *bundle) other(token, service string) *Client {
	o := b.sim.Options()
	creds := Credentials{AccountSID: o.AccountSID, AuthToken: o.AuthToken,
		ServiceSID: o.ServiceSID}
	if token != "" {
		creds.AuthToken = token
	}
	if service != "" {
		creds.ServiceSID = service
	}
	c, err := New(creds, Options{BaseURL: b.sim.URL()})
	if err != nil {
		b.t.Fatalf("new client: %v", err)
	}
	return c
}
