package twiliotest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// apiError is a Twilio error answer.
type apiError struct {
	status  int
	code    int
	message string
}

func errorf(status, code int, format string, args ...any) *apiError {
	return &apiError{status: status, code: code,
		message: fmt.Sprintf(format, args...)}
}

// queue is one Sender with the time its queue next frees up.
type queue struct {
	Sender
	nextFree time.Time
}

// rate is the Sender's throughput in Segments per second.
func (q *queue) rate() float64 {
	switch q.Kind {
	case TollFree:
		return 3
	case ShortCode:
		return 100
	}
	return 1
}

// message is one Message the simulator holds. Its status is worked out
// from the clock when asked, so no goroutine moves it.
type message struct {
	sid       string
	to, from  string
	body      string
	direction string // "outbound-api" or "inbound"
	segs      int
	price     micros // total, charged when accepted
	created   time.Time
	scheduled time.Time // zero unless scheduled
	sendAt    time.Time // when it leaves its Sender's queue
	canceled  bool
	final     string // delivered, undelivered or failed
	errorCode int
}

func (m *message) status(now time.Time, delay time.Duration) string {
	switch {
	case m.direction == "inbound":
		return "received"
	case m.canceled:
		return "canceled"
	case !m.scheduled.IsZero() && now.Before(m.scheduled):
		return "scheduled"
	case now.Before(m.sendAt):
		return "queued"
	case m.final == "failed":
		return "failed" // it never left Twilio
	case now.Before(m.sendAt.Add(delay)):
		return "sent"
	}
	return m.final
}

// state is everything the simulated account holds.
type state struct {
	opts     Options
	balance  micros
	price    micros
	status   string // active, suspended or closed
	created  time.Time
	queues   []*queue
	msgs     []*message
	bySID    map[string]*message
	optedOut map[string]bool
}

func newState(o Options) (*state, error) {
	bal, err := parseMicros(o.Balance)
	if err != nil {
		return nil, fmt.Errorf("simulator balance: %w", err)
	}
	price, err := parseMicros(o.PricePerSegment)
	if err != nil {
		return nil, fmt.Errorf("simulator price: %w", err)
	}
	st := &state{opts: o, balance: bal, price: price, status: "active",
		created: o.Clock.Now().UTC(), bySID: map[string]*message{},
		optedOut: map[string]bool{}}
	for _, s := range o.Senders {
		st.queues = append(st.queues, &queue{Sender: s})
	}
	if bal <= 0 {
		st.status = "suspended"
	}
	return st, nil
}

// Magic destinations that fail at once, as Twilio's test numbers do.
var rejected = map[string]*apiError{
	"+15005550001": {400, 21211, "The 'To' number is not a valid phone number."},
	"+15005550002": {400, 21612, "The 'To' phone number is not " +
		"currently reachable via SMS."},
	"+15005550003": {400, 21408, "Permission to send an SMS has not been " +
		"enabled for the region indicated by the 'To' number."},
	"+15005550004": {400, 21610, "Attempt to send to unsubscribed recipient"},
	"+15005550009": {400, 21614, "'To' number is not a valid mobile number"},
}

// Magic destinations that are accepted and then fail, with the status
// and error code the carrier would give.
var undeliverable = map[string]struct {
	status string
	code   int
}{
	"+15005550005": {"undelivered", 30003}, // unreachable handset
	"+15005550006": {"undelivered", 30006}, // landline
	"+15005550007": {"undelivered", 30007}, // filtered as spam
	"+15005550008": {"undelivered", 30022}, // 10DLC volume exceeded
	"+15005550010": {"failed", 30008},      // unknown error, never sent
}

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// sendRequest is a parsed Message create.
type sendRequest struct {
	to, body, service, scheduleType, sendAt string
}

// create accepts or refuses a Message, in the order Twilio checks.
func (st *state) create(r sendRequest, now time.Time) (*message, *apiError) {
	switch {
	case st.status == "closed":
		return nil, errorf(http.StatusForbidden, 20005, "Account not active")
	case st.status != "active":
		return nil, errorf(http.StatusUnauthorized, 20003, "Authenticate")
	case r.to == "":
		return nil, errorf(400, 21604, "A 'To' phone number is required.")
	case r.service == "":
		return nil, errorf(400, 21603, "A 'From' phone number is required.")
	case r.service != st.opts.ServiceSID:
		return nil, errorf(404, 21701, "The Messaging Service Sid %s is "+
			"invalid.", r.service)
	case len(st.queues) == 0:
		return nil, errorf(400, 21603, "The Messaging Service has no "+
			"phone numbers to send from.")
	case strings.TrimSpace(r.body) == "":
		return nil, errorf(400, 21602, "Message body is required.")
	case utf8.RuneCountInString(r.body) > 1600:
		return nil, errorf(400, 21617, "The concatenated message body "+
			"exceeds the 1600 character limit.")
	}
	if e, ok := rejected[r.to]; ok {
		return nil, e
	}
	if !e164.MatchString(r.to) {
		return nil, errorf(400, 21211, "The 'To' number is not a valid "+
			"phone number.")
	}
	if st.optedOut[r.to] {
		return nil, rejected["+15005550004"]
	}

	m := &message{sid: newSID("SM"), to: r.to, body: r.body,
		direction: "outbound-api", segs: segments(r.body), created: now,
		final: "delivered"}
	if u, ok := undeliverable[r.to]; ok {
		m.final, m.errorCode = u.status, u.code
	}
	if err := st.schedule(m, r, now); err != nil {
		return nil, err
	}

	// Charge the account; at zero it is suspended, as Twilio does. A
	// Message that fails before it is sent costs nothing.
	if m.final != "failed" {
		m.price = st.price * micros(m.segs)
	}
	st.balance -= m.price
	if st.balance <= 0 {
		st.status = "suspended"
	}
	st.add(m)
	return m, nil
}

// schedule puts m on the least busy Sender's queue, or holds it for a
// fixed time when asked to.
func (st *state) schedule(m *message, r sendRequest, now time.Time) *apiError {
	q := st.queues[0]
	for _, c := range st.queues[1:] {
		if c.nextFree.Before(q.nextFree) {
			q = c
		}
	}
	m.from = q.Number

	if r.scheduleType == "" && r.sendAt == "" {
		m.sendAt = later(now, q.nextFree)
		perSeg := time.Duration(float64(time.Second) / q.rate())
		q.nextFree = m.sendAt.Add(perSeg * time.Duration(m.segs))
		return nil
	}

	at, err := time.Parse(time.RFC3339, r.sendAt)
	ahead := at.Sub(now)
	if r.scheduleType != "fixed" || err != nil ||
		ahead < 15*time.Minute || ahead > 35*24*time.Hour {
		return errorf(400, 35114, "Scheduling does not meet criteria: "+
			"ScheduleType must be fixed and SendAt 15 minutes to 35 days "+
			"ahead.")
	}
	m.scheduled, m.sendAt = at.UTC(), at.UTC()
	return nil
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func (st *state) add(m *message) {
	st.msgs = append(st.msgs, m)
	st.bySID[m.sid] = m
}

// cancel withdraws a scheduled Message and refunds it.
func (st *state) cancel(sid string, now time.Time) (*message, *apiError) {
	m, ok := st.bySID[sid]
	if !ok {
		return nil, notFound("Message " + sid)
	}
	if m.status(now, st.opts.DeliveryDelay) != "scheduled" {
		return nil, errorf(400, 20001, "Only a scheduled Message can be "+
			"canceled.")
	}
	m.canceled = true
	st.balance += m.price
	return m, nil
}

// inbound records a reply from a Contact, and its STOP or START.
func (st *state) inbound(from, to, body string, now time.Time) *message {
	m := &message{sid: newSID("SM"), from: from, to: to, body: body,
		direction: "inbound", segs: segments(body), created: now,
		sendAt: now, final: "received"}
	switch strings.ToUpper(strings.TrimSpace(body)) {
	case "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
		"OPTOUT", "REVOKE":
		st.optedOut[from] = true
	case "START", "YES", "UNSTOP":
		delete(st.optedOut, from)
	}
	st.add(m)
	return m
}

// list returns the Messages matching to and from ("" matches all) that
// were sent (or, if not yet sent, created) on or after the day of
// after, newest first. Twilio's DateSent filter works by day.
func (st *state) list(to, from string, after time.Time) []*message {
	day := after.UTC().Truncate(24 * time.Hour)
	var out []*message
	for _, m := range st.msgs {
		if to != "" && m.to != to || from != "" && m.from != from {
			continue
		}
		if !after.IsZero() && later(m.created, m.sendAt).Before(day) {
			continue
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].created.After(out[j].created)
	})
	return out
}

// newSID returns a random Twilio-style SID with the given prefix.
func newSID(prefix string) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

func notFound(what string) *apiError {
	return errorf(http.StatusNotFound, 20404, "The requested resource %s "+
		"was not found", what)
}
