package twiliotest

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"
)

// savedState is the simulated account as JSON, so that demo mode can
// carry it across a restart: Messages sent before keep their SIDs and
// statuses, and the balance stays spent.
type savedState struct {
	Balance  string           `json:"balance"`
	Status   string           `json:"status"`
	Messages []savedMessage   `json:"messages"`
	OptedOut []string         `json:"opted_out"`
	Queues   map[string]int64 `json:"queues"` // Sender: next free, Unix ns
}

type savedMessage struct {
	SID       string `json:"sid"`
	To        string `json:"to"`
	From      string `json:"from"`
	Body      string `json:"body"`
	Direction string `json:"direction"`
	Segments  int    `json:"segments"`
	Price     string `json:"price"`
	Created   int64  `json:"created"`
	Scheduled int64  `json:"scheduled"` // 0 unless scheduled
	SendAt    int64  `json:"send_at"`
	Canceled  bool   `json:"canceled"`
	Final     string `json:"final"`
	ErrorCode int    `json:"error_code"`
}

// Snapshot returns the account's state (balance, status, Messages,
// opt-outs and Sender queues) as JSON for Restore.
func (s *Server) Snapshot() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state
	out := savedState{Balance: st.balance.String(), Status: st.status,
		Queues: map[string]int64{}}
	for _, m := range st.msgs {
		out.Messages = append(out.Messages, savedMessage{SID: m.sid,
			To: m.to, From: m.from, Body: m.body, Direction: m.direction,
			Segments: m.segs, Price: m.price.String(),
			Created: unixNano(m.created), Scheduled: unixNano(m.scheduled),
			SendAt: unixNano(m.sendAt), Canceled: m.canceled,
			Final: m.final, ErrorCode: m.errorCode})
	}
	for n := range st.optedOut {
		out.OptedOut = append(out.OptedOut, n)
	}
	sort.Strings(out.OptedOut)
	for _, q := range st.queues {
		out.Queues[q.Number] = unixNano(q.nextFree)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("simulator snapshot: %w", err)
	}
	return b, nil
}

// Restore replaces the account's state with a Snapshot. Senders that are
// no longer in the Options keep no queue.
func (s *Server) Restore(b []byte) error {
	var in savedState
	if err := json.Unmarshal(b, &in); err != nil {
		return fmt.Errorf("simulator restore: %w", err)
	}
	bal, err := parseMicros(in.Balance)
	if err != nil {
		return fmt.Errorf("simulator restore: %w", err)
	}
	switch in.Status {
	case "active", "suspended", "closed":
	default:
		return fmt.Errorf("simulator restore: unknown status %q", in.Status)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := newState(s.opts)
	if err != nil {
		return err
	}
	st.balance, st.status = bal, in.Status
	for _, sm := range in.Messages {
		price, err := parseMicros(sm.Price)
		if err != nil {
			return fmt.Errorf("simulator restore: %w", err)
		}
		st.add(&message{sid: sm.SID, to: sm.To, from: sm.From,
			body: sm.Body, direction: sm.Direction, segs: sm.Segments,
			price: price, created: fromUnixNano(sm.Created),
			scheduled: fromUnixNano(sm.Scheduled),
			sendAt:    fromUnixNano(sm.SendAt), canceled: sm.Canceled,
			final: sm.Final, errorCode: sm.ErrorCode})
	}
	for _, n := range in.OptedOut {
		st.optedOut[n] = true
	}
	for _, q := range st.queues {
		q.nextFree = fromUnixNano(in.Queues[q.Number])
	}
	s.state = st
	return nil
}

func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromUnixNano(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}
