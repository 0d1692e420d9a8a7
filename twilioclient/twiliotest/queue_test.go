package twiliotest

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestServer_QueuesBySegmentsAndMovesStatuses sends through one Sender
// and checks, second by second, that a Message waits its turn behind
// every Segment ahead of it, then goes sent and delivered.
func TestServer_QueuesBySegmentsAndMovesStatuses(t *testing.T) {
	kinds := []struct {
		kind   SenderKind
		perSeg time.Duration
	}{
		{LongCode, time.Second},
		{TollFree, time.Second / 3},
		{ShortCode, 10 * time.Millisecond},
	}
	for _, k := range kinds {
		t.Run(string(k.kind), func(t *testing.T) {
			t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			clock := NewManualClock(t0)
			s := startServer(t, Options{Clock: clock, DeliveryDelay: time.Second,
				Senders: []Sender{{Number: "+15550100001", Kind: k.kind}}})
			path := "/2010-04-01/Accounts/" + DefaultAccountSID + "/Messages.json"
			// Three Segments, then one: the second waits for all three.
			for _, body := range []string{strings.Repeat("x", 400), "Hi"} {
				status, _ := post(t, s, path, DefaultAuthToken, url.Values{
					"To": {"+15551230001"}, "Body": {body},
					"MessagingServiceSid": {DefaultServiceSID}})
				if status != 201 {
					t.Fatalf("got status %d, want 201", status)
				}
			}

			steps := []struct {
				at   time.Duration
				want string
			}{
				{0, "queued"},
				{3*k.perSeg - time.Nanosecond, "queued"},
				{3 * k.perSeg, "sent"},
				{3*k.perSeg + time.Second, "delivered"},
			}
			for _, st := range steps {
				clock.Advance(t0.Add(st.at).Sub(clock.Now()))
				msgs := s.Messages()
				if got := msgs[0].Segments; got != 3 {
					t.Fatalf("got %d Segments in the first, want 3", got)
				}
				if got := msgs[1].Status; got != st.want {
					t.Errorf("at %s: got the second %q, want %q", st.at,
						got, st.want)
				}
			}
		})
	}
}

func TestServer_FailedNeverSendsAndCostsNothing(t *testing.T) {
	clock := NewManualClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	s := startServer(t, Options{Clock: clock, DeliveryDelay: time.Second,
		Senders: []Sender{{Number: "+15550100001", Kind: LongCode}}})
	path := "/2010-04-01/Accounts/" + DefaultAccountSID + "/Messages.json"
	for range 2 { // the second waits a second behind the first
		post(t, s, path, DefaultAuthToken, url.Values{
			"To": {"+15005550010"}, "Body": {"Hi"},
			"MessagingServiceSid": {DefaultServiceSID}})
	}

	steps := []struct {
		advance time.Duration
		status  string
		code    int
	}{
		{0, "queued", 0},
		{time.Second, "failed", 30008},
		{time.Minute, "failed", 30008},
	}
	for _, st := range steps {
		clock.Advance(st.advance)
		m := s.Messages()[1]
		if m.Status != st.status || m.ErrorCode != st.code {
			t.Errorf("after %s: got %s/%d, want %s/%d", st.advance,
				m.Status, m.ErrorCode, st.status, st.code)
		}
	}
	if got := s.Balance(); got != "20.00" {
		t.Errorf("got balance %s, want 20.00 untouched", got)
	}
}
