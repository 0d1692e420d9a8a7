// Package twiliotest is a Twilio simulator: a real HTTP server on the
// loopback address that speaks the part of Twilio's REST API Nurture
// uses (Messages, Balance and Account from API 2010-04-01, a Messaging
// Service's Senders from Messaging v1, and Pricing v1 for messaging).
//
// Tests use it instead of mocks, and the app runs it in demo mode. It
// checks basic auth, charges a balance per Segment, suspends the account
// when the money runs out, drains each Sender's queue at its throughput,
// moves Messages from queued to sent to delivered on an injectable clock,
// fails magic destination numbers as Twilio's test numbers do, and can
// inject latency, 429 storms, 5xx answers and dropped connections.
package twiliotest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// Credentials the simulator accepts unless Options say otherwise. They
// are not secrets: they open nothing but a simulator.
const (
	DefaultAccountSID = "AC5100000000000000000000000000000a"
	DefaultAuthToken  = "51a0000000000000000000000000000b"
	DefaultServiceSID = "MG5100000000000000000000000000000c"
)

// Clock tells the simulator the time. Message statuses advance as it
// moves.
type Clock interface {
	Now() time.Time
}

type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

// ManualClock is a Clock that moves only when told to.
type ManualClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewManualClock returns a ManualClock set to t.
func NewManualClock(t time.Time) *ManualClock { return &ManualClock{t: t} }

// Now returns the clock's time.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// SenderKind is the type of a simulated Sender.
type SenderKind string

// The kinds of Sender, with Twilio's default throughputs.
const (
	LongCode  SenderKind = "long code"  // 1 Segment per second
	TollFree  SenderKind = "toll-free"  // 3 Segments per second
	ShortCode SenderKind = "short code" // 100 Segments per second
)

// Sender is a number in the simulated Messaging Service.
type Sender struct {
	Number string // E.164, or the digits of a short code
	Kind   SenderKind
}

// Options configure a Server. Zero fields take the defaults shown.
type Options struct {
	AccountSID   string // DefaultAccountSID
	AuthToken    string // DefaultAuthToken
	ServiceSID   string // DefaultServiceSID
	FriendlyName string // "Nurture simulator"
	// Balance is the starting balance, a decimal string: "20.00".
	Balance string
	// Currency of the balance and prices: "USD".
	Currency string
	// PricePerSegment is the price of one outbound Segment: "0.0079".
	PricePerSegment string
	// Senders in the Messaging Service: two long codes and a toll-free
	// number.
	Senders []Sender
	// Clock drives Message statuses: the wall clock.
	Clock Clock
	// DeliveryDelay is how long a Message stays sent before it is
	// delivered (or undelivered): 2 seconds.
	DeliveryDelay time.Duration
	// Logger gets one line per request, without numbers or bodies.
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&o.AccountSID, DefaultAccountSID)
	def(&o.AuthToken, DefaultAuthToken)
	def(&o.ServiceSID, DefaultServiceSID)
	def(&o.FriendlyName, "Nurture simulator")
	def(&o.Balance, "20.00")
	def(&o.Currency, "USD")
	def(&o.PricePerSegment, "0.0079")
	if o.Senders == nil {
		o.Senders = []Sender{
			{Number: "+15550100001", Kind: LongCode},
			{Number: "+15550100002", Kind: LongCode},
			{Number: "+18885550100", Kind: TollFree},
		}
	}
	if o.Clock == nil {
		o.Clock = wallClock{}
	}
	if o.DeliveryDelay == 0 {
		o.DeliveryDelay = 2 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// Server is a running or ready simulator.
type Server struct {
	opts Options
	log  *slog.Logger

	mu     sync.Mutex
	state  *state
	faults faults
	reqs   []Request

	ln  net.Listener
	srv *http.Server
}

// New returns a simulator with the given options. Call Start, or use
// Handler in a server of your own.
func New(opts Options) (*Server, error) {
	opts = opts.withDefaults()
	st, err := newState(opts)
	if err != nil {
		return nil, err
	}
	return &Server{opts: opts, log: opts.Logger, state: st}, nil
}

// Options returns the options in force, defaults filled in. Callers use
// it to learn the credentials the simulator accepts.
func (s *Server) Options() Options { return s.opts }

// Start listens on a free loopback port and serves in the background.
func (s *Server) Start() error { return s.Listen("127.0.0.1:0") }

// Listen listens on addr and serves in the background.
func (s *Server) Listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("simulator listen: %w", err)
	}
	s.ln = ln
	s.srv = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		err := s.srv.Serve(ln)
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("simulator: serve", "err", err)
		}
	}()
	return nil
}

// URL returns the base URL to hand to the client, e.g.
// http://127.0.0.1:40123.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// Close stops the server at once.
func (s *Server) Close() error {
	if s.srv == nil {
		return nil
	}
	return s.srv.Close()
}

// ListenAndServe runs a simulator on addr until ctx ends.
func ListenAndServe(ctx context.Context, addr string, opts Options) error {
	s, err := New(opts)
	if err != nil {
		return err
	}
	if err := s.Listen(addr); err != nil {
		return err
	}
	o := s.Options()
	s.log.Info("simulator: listening", "url", s.URL(),
		"account", o.AccountSID, "service", o.ServiceSID)
	return s.serve(ctx)
}

// serve waits for ctx to end, then shuts the server down.
func (s *Server) serve(ctx context.Context) error {
	<-ctx.Done()
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(shut); err != nil {
		return fmt.Errorf("simulator shutdown: %w", err)
	}
	return nil
}
