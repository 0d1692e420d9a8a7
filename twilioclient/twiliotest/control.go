package twiliotest

import (
	"fmt"
	"time"
)

// Message is a snapshot of one Message the simulator holds.
type Message struct {
	SID       string
	To        string
	From      string
	Body      string
	Direction string // "outbound-api" or "inbound"
	Status    string // at the simulator's current time
	Segments  int
	ErrorCode int // set once failed or undelivered
	Created   time.Time
	SendAt    time.Time // when it leaves its Sender's queue
}

// Messages returns every Message accepted or received so far, oldest
// first, so tests can count exactly what was sent.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Clock.Now()
	out := make([]Message, 0, len(s.state.msgs))
	for _, m := range s.state.msgs {
		st := m.status(now, s.opts.DeliveryDelay)
		code := 0
		if st == "failed" || st == "undelivered" {
			code = m.errorCode
		}
		out = append(out, Message{SID: m.sid, To: m.to, From: m.from,
			Body: m.body, Direction: m.direction, Status: st,
			Segments: m.segs, ErrorCode: code, Created: m.created,
			SendAt: m.sendAt})
	}
	return out
}

// InjectInbound records a reply from the number from to the Sender to,
// as if a Contact had texted it, and returns its SID. STOP and START
// opt the number out and back in.
func (s *Server) InjectInbound(from, to, body string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.inbound(from, to, body, s.opts.Clock.Now()).sid
}

// TopUp adds amount (a decimal string) to the balance, and reactivates a
// suspended account once the balance is above zero.
func (s *Server) TopUp(amount string) error {
	m, err := parseMicros(amount)
	if err != nil {
		return fmt.Errorf("top up: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.balance += m
	if s.state.balance > 0 && s.state.status == "suspended" {
		s.state.status = "active"
	}
	return nil
}

// Balance returns the balance as a decimal string.
func (s *Server) Balance() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.balance.String()
}

// AccountStatus returns active, suspended or closed.
func (s *Server) AccountStatus() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.status
}

// SetAccountStatus sets the account's status: active, suspended or
// closed.
func (s *Server) SetAccountStatus(status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.status = status
}

// SetAuthToken changes the token the simulator accepts, as when the
// user rotates it in the Twilio console.
func (s *Server) SetAuthToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.AuthToken = token
}
