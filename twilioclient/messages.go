package twilioclient

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	api "github.com/twilio/twilio-go/rest/api/v2010"
)

// Scheduling limits Twilio sets for SendAt.
const (
	MinScheduleAhead = 15 * time.Minute
	MaxScheduleAhead = 35 * 24 * time.Hour
)

// maxPages bounds every list: Twilio's pages can chain without end.
const maxPages = 20

// listPageSize is the most Messages asked for per page; Twilio allows
// 1000. Tests lower it to see paging.
var listPageSize = 1000

// Message is what Twilio knows about one SMS.
type Message struct {
	SID       string
	To        string
	From      string
	Body      string
	Status    string // queued, scheduled, sent, delivered, failed, ...
	Direction string // inbound or outbound-api
	Segments  int
	Price     string // negative decimal, as Twilio bills; "" until known
	PriceUnit string
	ErrorCode int
	Created   time.Time
	Sent      time.Time // zero until sent
}

// Failure returns the Message's failure as an *Error, or nil when the
// Message has not failed.
func (m Message) Failure() *Error {
	if m.Status != "failed" && m.Status != "undelivered" {
		return nil
	}
	return &Error{
		Class: ClassifyCode(m.ErrorCode, true),
		Code:  m.ErrorCode,
		Op:    "deliver",
	}
}

// Send sends body to the number to (E.164) through the Messaging Service.
func (c *Client) Send(ctx context.Context, to, body string) (Message, error) {
	p := &api.CreateMessageParams{}
	p.SetTo(to).SetBody(body).SetMessagingServiceSid(c.creds.ServiceSID)

	cl := c.begin(ctx)
	m, err := cl.api.CreateMessage(p)
	if err := c.end(ctx, "send", cl, err); err != nil {
		return Message{}, err
	}
	return fromAPI(m), nil
}

// Schedule asks Twilio to send body to to at the given time, which must
// be 15 minutes to 35 days ahead. Twilio holds the Message until then,
// and Cancel can withdraw it.
func (c *Client) Schedule(ctx context.Context, to, body string,
	at time.Time) (Message, error) {
	ahead := at.Sub(c.now())
	if ahead < MinScheduleAhead || ahead > MaxScheduleAhead {
		return Message{}, fmt.Errorf("schedule: Twilio can hold a Message "+
			"from 15 minutes to 35 days ahead; this one is due in %s",
			ahead.Round(time.Minute))
	}

	p := &api.CreateMessageParams{}
	p.SetTo(to).SetBody(body).SetMessagingServiceSid(c.creds.ServiceSID)
	p.SetScheduleType("fixed").SetSendAt(at.UTC())

	cl := c.begin(ctx)
	m, err := cl.api.CreateMessage(p)
	if err := c.end(ctx, "schedule", cl, err); err != nil {
		return Message{}, err
	}
	return fromAPI(m), nil
}

// Cancel withdraws a scheduled Message.
func (c *Client) Cancel(ctx context.Context, sid string) (Message, error) {
	p := &api.UpdateMessageParams{}
	p.SetStatus("canceled")

	cl := c.begin(ctx)
	m, err := cl.api.UpdateMessage(sid, p)
	if err := c.end(ctx, "cancel", cl, err); err != nil {
		return Message{}, err
	}
	return fromAPI(m), nil
}

// Fetch returns the Message's current state, including its status.
func (c *Client) Fetch(ctx context.Context, sid string) (Message, error) {
	cl := c.begin(ctx)
	m, err := cl.api.FetchMessage(sid, &api.FetchMessageParams{})
	if err := c.end(ctx, "fetch message", cl, err); err != nil {
		return Message{}, err
	}
	return fromAPI(m), nil
}

// ListTo returns up to limit Messages to the number to, created at or
// after since, newest first. Reconciliation uses it after a crash.
func (c *Client) ListTo(ctx context.Context, to string, since time.Time,
	limit int) ([]Message, error) {
	return c.list(ctx, "list messages", to, since, limit)
}

func (c *Client) list(ctx context.Context, op, to string, since time.Time,
	limit int) ([]Message, error) {
	if limit <= 0 {
		return nil, nil
	}
	p := &api.ListMessageParams{}
	p.SetTo(to).SetDateSentAfter(since.UTC())
	p.SetPageSize(min(limit, listPageSize))

	var out []Message
	token, page := "", ""
	for range maxPages {
		cl := c.begin(ctx)
		resp, err := cl.api.PageMessage(p, token, page)
		if err := c.end(ctx, op, cl, err); err != nil {
			return out, err
		}

		for _, m := range resp.Messages {
			msg := fromAPI(&m)
			// Twilio filters by day; keep only what is recent enough.
			// Its dates have whole seconds, so compare at that grain.
			if !msg.Created.IsZero() &&
				msg.Created.Before(since.Truncate(time.Second)) {
				continue
			}
			out = append(out, msg)
			if len(out) == limit {
				return out, nil
			}
		}

		var ok bool
		token, page, ok = nextPage(resp.NextPageUri)
		if !ok {
			break
		}
	}
	return out, nil
}

// nextPage reads the paging parameters out of a next_page_uri.
func nextPage(uri *string) (token, page string, ok bool) {
	if uri == nil || *uri == "" {
		return "", "", false
	}
	u, err := url.Parse(*uri)
	if err != nil {
		return "", "", false
	}
	q := u.Query()
	return q.Get("PageToken"), q.Get("Page"), true
}

func fromAPI(m *api.ApiV2010Message) Message {
	if m == nil {
		return Message{}
	}
	out := Message{
		SID:       deref(m.Sid),
		To:        deref(m.To),
		From:      deref(m.From),
		Body:      deref(m.Body),
		Status:    deref(m.Status),
		Direction: deref(m.Direction),
		Price:     deref(m.Price),
		PriceUnit: deref(m.PriceUnit),
		Created:   parseDate(deref(m.DateCreated)),
		Sent:      parseDate(deref(m.DateSent)),
	}
	out.Segments, _ = strconv.Atoi(deref(m.NumSegments))
	if m.ErrorCode != nil {
		out.ErrorCode = *m.ErrorCode
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// parseDate reads Twilio's RFC 2822 dates; it returns zero for "".
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123,
		time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
