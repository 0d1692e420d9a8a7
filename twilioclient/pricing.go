package twilioclient

import (
	"context"
	"errors"
	"strconv"
	"strings"
)

// Price is what one outbound Segment costs in one country.
type Price struct {
	Country  string // the country's name
	ISO      string
	Currency string
	// ByType holds the highest price per Segment across carriers for
	// each of Twilio's number types ("local", "toll free", ...).
	ByType map[string]float64
}

// numberTypes names Twilio's pricing number types for each Sender kind.
var numberTypes = map[SenderKind][]string{
	LongCode:  {"local", "mobile"},
	TollFree:  {"toll free", "tollfree", "toll-free"},
	ShortCode: {"shortcode", "short code"},
}

// PerSegment returns the price of a Segment sent from a Sender of kind k,
// as a decimal string. When Twilio lists no price for that kind it
// returns the highest price listed, to stay on the safe side.
func (p Price) PerSegment(k SenderKind) string {
	best, found := 0.0, false
	for _, t := range numberTypes[k] {
		if v, ok := p.ByType[t]; ok && v > best {
			best, found = v, true
		}
	}
	if !found {
		for _, v := range p.ByType {
			best = max(best, v)
		}
	}
	return strconv.FormatFloat(best, 'f', -1, 64)
}

// Price fetches the price of outbound SMS to the country with the given
// ISO code, from Twilio's Pricing v1.
func (c *Client) Price(ctx context.Context, iso string) (Price, error) {
	iso = strings.ToUpper(strings.TrimSpace(iso))

	cl := c.begin(ctx)
	r, err := cl.pricing.FetchMessagingCountry(iso)
	if err := c.end(ctx, "fetch price", cl, err); err != nil {
		return Price{}, err
	}

	p := Price{
		Country:  deref(r.Country),
		ISO:      deref(r.IsoCountry),
		Currency: strings.ToUpper(deref(r.PriceUnit)),
		ByType:   map[string]float64{},
	}
	for _, carrier := range deref(r.OutboundSmsPrices) {
		for _, v := range carrier.Prices {
			t := strings.ToLower(v.NumberType)
			// float32 to decimal and back, so 0.0079 stays 0.0079.
			f, _ := strconv.ParseFloat(
				strconv.FormatFloat(float64(v.CurrentPrice), 'f', -1, 32), 64)
			p.ByType[t] = max(p.ByType[t], f)
		}
	}
	return p, nil
}

// Report is the result of testing a connection. Each part has its own
// error, so one failure does not hide the rest.
type Report struct {
	Account    Account
	AccountErr error
	Balance    Balance
	BalanceErr error
	Senders    []Sender
	SendersErr error
	// Throughput is in Segments per second.
	Throughput float64
	Price      Price
	// PricePerSegment is for the most common Sender kind in the pool.
	PricePerSegment string
	PriceErr        error
}

// OK reports whether every part succeeded.
func (r Report) OK() bool {
	return r.AccountErr == nil && r.BalanceErr == nil &&
		r.SendersErr == nil && r.PriceErr == nil
}

// Check tests the connection: account, balance, Senders, throughput and
// the price per Segment for the country with ISO code iso. tenDLC is the
// user's registered 10DLC throughput, or 0.
func (c *Client) Check(ctx context.Context, iso string,
	tenDLC float64) Report {
	var r Report
	r.Account, r.AccountErr = c.Account(ctx)
	if r.AccountErr != nil && isFatal(r.AccountErr) {
		// Nothing else can work; do not repeat the same failure.
		r.BalanceErr, r.SendersErr, r.PriceErr =
			r.AccountErr, r.AccountErr, r.AccountErr
		return r
	}

	r.Balance, r.BalanceErr = c.Balance(ctx)
	r.Senders, r.SendersErr = c.Senders(ctx)
	r.Throughput = Throughput(r.Senders, tenDLC)
	r.Price, r.PriceErr = c.Price(ctx, iso)
	if r.PriceErr == nil {
		r.PricePerSegment = r.Price.PerSegment(mainKind(r.Senders))
	}
	return r
}

func isFatal(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Class == ClassCredentials || e.Class == ClassOutcomeUnknown
}

// mainKind returns the kind most Senders in the pool are.
func mainKind(senders []Sender) SenderKind {
	n := map[SenderKind]int{}
	best := LongCode
	for _, s := range senders {
		n[s.Kind]++
		if n[s.Kind] > n[best] {
			best = s.Kind
		}
	}
	return best
}
