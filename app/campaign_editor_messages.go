package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/nurturesms/nurture/app/flow"
	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/sms"
)

// The settings that hold the price of one Segment: the price read from
// Twilio when known, else the one the user typed.
const (
	keyTwilioPrice = "twilio_price_per_segment"
	keyPrice       = "price_per_segment"
)

// mergeWorst is the length assumed for a merge field's value when
// counting a message's Segments at worst: longer than most names.
const mergeWorst = 30

// messageBook is the saved messages as the editor needs them: choices
// for the dropdowns, and facts for validation.
type messageBook struct {
	msgs    []campaign.Message
	choices []flow.MessageChoice
	info    campaign.MessageInfo
	// fields names every contact field, built-in and custom, for the
	// field lists of conditions.
	fields []string
}

// loadMessages reads the message library and the price per Segment.
func (e *campaignEditor) loadMessages(ctx context.Context) error {
	msgs, err := e.a.store.Messages(ctx)
	if err != nil {
		return fmt.Errorf("load messages: %w", err)
	}
	known, err := e.a.store.MergeFieldNames(ctx)
	if err != nil {
		return fmt.Errorf("load merge fields: %w", err)
	}
	e.book = newMessageBook(msgs, known, e.price(ctx))
	return nil
}

// reloadMessages reads the messages again and checks the graph with
// them. A failure leaves the last list in place.
func (e *campaignEditor) reloadMessages() {
	if err := e.loadMessages(e.a.ctx); err != nil {
		e.a.log.Warn("campaign editor: load messages", "err", err)
		return
	}
	e.canvas.SetMessages(e.book.choices)
	e.validate()
	e.showSettings()
}

func newMessageBook(msgs []campaign.Message, known []string,
	price float64) messageBook {
	b := messageBook{msgs: msgs, fields: known}
	for _, m := range msgs {
		b.choices = append(b.choices, flow.MessageChoice{
			ID: m.ID, Name: m.Name,
			Detail: costLine(worstSegments(m.Body), price),
		})
	}
	lookup := campaign.LookupMessages(msgs, worstSegments)
	problems := mergeProblems(msgs, known)
	b.info = func(id int64) (campaign.MessageFacts, bool) {
		f, ok := lookup(id)
		f.Problem = problems[id]
		return f, ok
	}
	return b
}

// mergeProblems finds the messages whose merge fields are malformed or
// name a field no contact has, with the reason for each.
func mergeProblems(msgs []campaign.Message, known []string) map[int64]string {
	names := make(map[string]bool, len(known))
	for _, k := range known {
		names[strings.ToLower(k)] = true
	}
	out := map[int64]string{}
	for _, m := range msgs {
		t, err := sms.Parse(m.Body)
		if err == nil {
			err = t.Check(func(n string) bool {
				return names[strings.ToLower(n)]
			})
		}
		if err != nil {
			out[m.ID] = err.Error()
		}
	}
	return out
}

// price returns the price of one Segment, or 0 when none is set.
func (e *campaignEditor) price(ctx context.Context) float64 {
	for _, key := range []string{keyTwilioPrice, keyPrice} {
		v, err := e.a.store.Setting(ctx, key)
		if err != nil || strings.TrimSpace(v) == "" {
			continue
		}
		v = strings.TrimPrefix(strings.TrimSpace(v), "$")
		if p, err := strconv.ParseFloat(v, 64); err == nil && p > 0 {
			return p
		}
	}
	return 0
}

// worstSegments counts the Segments of body when every merge field takes
// its longest likely value: mergeWorst characters or its fallback.
func worstSegments(body string) int {
	t, err := sms.Parse(body)
	if err != nil {
		return len(sms.Analyze(body, sms.Options{SmartEncoding: true}).Segments)
	}

	fallback := map[string]string{}
	for _, f := range t.Fields {
		if len(f.Fallback) > len(fallback[f.Name]) {
			fallback[f.Name] = f.Fallback
		}
	}
	text := t.Render(func(name string) string {
		if fb := fallback[name]; len(fb) > mergeWorst {
			return fb
		}
		return strings.Repeat("x", mergeWorst)
	})
	return len(sms.Analyze(text, sms.Options{SmartEncoding: true}).Segments)
}

// costLine says how many Segments a message takes and, when the price is
// known, what it costs at most per contact.
func costLine(segments int, price float64) string {
	unit := "Segments"
	if segments == 1 {
		unit = "Segment"
	}
	line := fmt.Sprintf("%d %s", segments, unit)
	if price > 0 {
		line += fmt.Sprintf(", up to $%.4f", float64(segments)*price)
	}
	return line
}

// messageName returns the name of message id, or "" when unknown.
func (b messageBook) messageName(id int64) string {
	for _, m := range b.msgs {
		if m.ID == id {
			return m.Name
		}
	}
	return ""
}
