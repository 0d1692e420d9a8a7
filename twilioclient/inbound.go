package twilioclient

import (
	"context"
	"strings"
	"time"
)

// Keyword is the meaning of an inbound reply that Twilio acts on.
type Keyword string

// The keywords Twilio handles on long codes and toll-free numbers.
const (
	KeywordNone  Keyword = ""
	KeywordStop  Keyword = "STOP"  // the Contact opted out
	KeywordStart Keyword = "START" // the Contact opted back in
	KeywordHelp  Keyword = "HELP"  // the Contact asked for help
)

// keywords lists Twilio's default opt-out, opt-in and help words.
var keywords = map[string]Keyword{
	"STOP": KeywordStop, "STOPALL": KeywordStop, "STOP ALL": KeywordStop,
	"UNSUBSCRIBE": KeywordStop, "CANCEL": KeywordStop, "END": KeywordStop,
	"QUIT": KeywordStop, "OPTOUT": KeywordStop, "REVOKE": KeywordStop,
	"START": KeywordStart, "YES": KeywordStart, "UNSTOP": KeywordStart,
	"HELP": KeywordHelp, "INFO": KeywordHelp,
}

// KeywordOf returns the keyword a reply's body is, if any. Like Twilio,
// it matches the whole body, ignoring case, spaces and a final period.
func KeywordOf(body string) Keyword {
	b := strings.ToUpper(strings.TrimSpace(body))
	b = strings.TrimSpace(strings.TrimRight(b, ".!"))
	return keywords[b]
}

// Inbound is a reply received on one of the Messaging Service's Senders.
type Inbound struct {
	Message
	Keyword Keyword
}

// ListInbound returns up to limit replies per Sender received at or after
// since, with their keywords.
func (c *Client) ListInbound(ctx context.Context, since time.Time,
	limit int) ([]Inbound, error) {
	senders, err := c.Senders(ctx)
	if err != nil {
		return nil, err
	}

	var out []Inbound
	for _, s := range senders {
		msgs, err := c.list(ctx, "list inbound", s.Number, since, limit)
		if err != nil {
			return out, err
		}
		for _, m := range msgs {
			if m.Direction != "inbound" {
				continue
			}
			out = append(out, Inbound{Message: m, Keyword: KeywordOf(m.Body)})
		}
	}
	return out, nil
}
