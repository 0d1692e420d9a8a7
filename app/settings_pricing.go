package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/data"
)

// The settings that hold the price of one Segment. Twilio's price, with
// its currency, is stored when Twilio is connected and wins over the
// price the user types.
const (
	settingPricePerSegment = "price_per_segment"
	settingTwilioPrice     = "twilio_price_per_segment"
	settingTwilioPriceCurr = "twilio_price_currency"
	maxSegmentPrice        = 10
)

// segmentPrice is what one Segment costs and where that figure came
// from.
type segmentPrice struct {
	amount   float64
	currency string
	// fromTwilio is set for Twilio's price, clear for the user's.
	fromTwilio bool
	// known is clear when no price is stored at all.
	known bool
}

// loadSegmentPrice reads the price to use: Twilio's when stored, the
// user's otherwise. A setting that does not parse counts as missing.
func loadSegmentPrice(ctx context.Context, st *data.Store) segmentPrice {
	if v, err := st.Setting(ctx, settingTwilioPrice); err == nil {
		if p, err := parsePrice(v); err == nil {
			cur, _ := st.Setting(ctx, settingTwilioPriceCurr)
			if cur == "" {
				cur = "USD"
			}
			return segmentPrice{amount: p, currency: strings.ToUpper(cur),
				fromTwilio: true, known: true}
		}
	}
	if v, err := st.Setting(ctx, settingPricePerSegment); err == nil {
		if p, err := parsePrice(v); err == nil {
			return segmentPrice{amount: p, currency: "USD", known: true}
		}
	}
	return segmentPrice{}
}

// parsePrice reads a price per Segment typed as a decimal number.
func parsePrice(s string) (float64, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "$")
	if s == "" {
		return 0, errors.New("Type a price, such as 0.0079.")
	}
	p, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || strings.ContainsAny(s, "eEx_") || p != p:
		return 0, errors.New("Type a number, such as 0.0079.")
	case p < 0:
		return 0, errors.New("A price cannot be below zero.")
	case p > maxSegmentPrice:
		return 0, fmt.Errorf("That is over $%d per Segment. Check the "+
			"decimal point: Twilio charges cents.", maxSegmentPrice)
	}
	return p, nil
}

// money writes an amount in the price's currency: 4 decimals below one
// unit, so that fractions of a cent show, and 2 above.
func (p segmentPrice) money(amount float64) string {
	digits := 2
	if amount < 1 {
		digits = 4
	}
	n := strconv.FormatFloat(amount, 'f', digits, 64)
	if p.currency == "USD" {
		return "$" + n
	}
	return n + " " + p.currency
}

// source says which price is used, for a label under the figures.
func (p segmentPrice) source() string {
	switch {
	case p.fromTwilio:
		return fmt.Sprintf("Using Twilio's price for your account: %s "+
			"per Segment.", p.money(p.amount))
	case p.known:
		return fmt.Sprintf("Using your price from Settings: %s per "+
			"Segment.", p.money(p.amount))
	}
	return "No price per Segment yet: enter one in Settings > Pricing, " +
		"or connect Twilio, to see costs."
}

// pricePoll is how often the Pricing section checks which price is in
// use: testing the connection, on the same page, stores Twilio's.
const pricePoll = 2 * time.Second

// priceLabel says which price per Segment is in use, and keeps saying
// it as the stored prices change.
type priceLabel struct {
	a     *App
	label *widget.Label
	// shown is the text on the label; touched only by check.
	shown string
}

func newPriceLabel(a *App) *priceLabel {
	l := &priceLabel{a: a, label: widget.NewLabel("")}
	l.label.Wrapping = fyne.TextWrapWord
	l.shown = loadSegmentPrice(a.ctx, a.store).source()
	l.label.SetText(l.shown)
	return l
}

// check reads the prices and shows the one in use, if it changed.
func (l *priceLabel) check() {
	text := loadSegmentPrice(l.a.ctx, l.a.store).source()
	if text == l.shown {
		return
	}
	l.shown = text
	l.a.do(func() { l.label.SetText(text) })
}

// watch checks every pricePoll until the app closes.
func (l *priceLabel) watch() {
	t := time.NewTicker(pricePoll)
	defer t.Stop()
	for {
		select {
		case <-l.a.ctx.Done():
			return
		case <-t.C:
			l.check()
		}
	}
}

// newPricingSection is the Settings section for the price per Segment.
func newPricingSection(a *App) fyne.CanvasObject {
	ctx := a.ctx
	used := newPriceLabel(a)
	a.goSafe("the price check", used.watch)

	entry := widget.NewEntry()
	entry.SetPlaceHolder("0.0079")
	entry.Text, _ = a.store.Setting(ctx, settingPricePerSegment)
	entry.Validator = func(s string) error {
		if s == "" {
			return nil // no price of their own
		}
		_, err := parsePrice(s)
		return err
	}
	entry.OnChanged = func(s string) {
		if entry.Validator(s) != nil {
			return
		}
		if err := a.store.SetSetting(ctx, settingPricePerSegment,
			strings.TrimSpace(s)); err != nil {
			a.log.Error("pricing: save price", "err", err)
			return
		}
		used.check()
	}

	form := widget.NewForm(widget.NewFormItem("Price per Segment (USD)",
		entry))
	form.Items[0].HintText = "What Twilio charges you for one Segment " +
		"when Nurture cannot read your account's price."
	return widget.NewCard("Pricing", "What one Segment costs",
		container.NewVBox(form, used.label))
}
