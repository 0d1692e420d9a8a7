package twilioclient

import (
	"context"
	"strings"

	messaging "github.com/twilio/twilio-go/rest/messaging/v1"
)

// Account is the Twilio account behind the Credentials.
type Account struct {
	SID          string
	FriendlyName string
	Status       string // active, suspended or closed
	Type         string // Trial or Full
}

// Balance is the money left on the account.
type Balance struct {
	Amount   string // decimal, as Twilio gives it
	Currency string
}

// Account fetches the account's name and status.
func (c *Client) Account(ctx context.Context) (Account, error) {
	cl := c.begin(ctx)
	a, err := cl.api.FetchAccount(c.creds.AccountSID)
	if err := c.end(ctx, "fetch account", cl, err); err != nil {
		return Account{}, err
	}
	return Account{
		SID:          deref(a.Sid),
		FriendlyName: deref(a.FriendlyName),
		Status:       deref(a.Status),
		Type:         deref(a.Type),
	}, nil
}

// Balance fetches the account's balance.
func (c *Client) Balance(ctx context.Context) (Balance, error) {
	cl := c.begin(ctx)
	b, err := cl.api.FetchBalance(nil)
	if err := c.end(ctx, "fetch balance", cl, err); err != nil {
		return Balance{}, err
	}
	return Balance{Amount: deref(b.Balance), Currency: deref(b.Currency)}, nil
}

// Senders lists the Messaging Service's phone numbers and short codes.
func (c *Client) Senders(ctx context.Context) ([]Sender, error) {
	var out []Sender
	sid := c.creds.ServiceSID

	// Phone numbers: long codes and toll-free numbers.
	token, page := "", ""
	for range maxPages {
		cl := c.begin(ctx)
		p := (&messaging.ListPhoneNumberParams{}).SetPageSize(1000)
		resp, err := cl.messaging.PagePhoneNumber(sid, p, token, page)
		if err := c.end(ctx, "list senders", cl, err); err != nil {
			return nil, err
		}
		for _, n := range resp.PhoneNumbers {
			num := deref(n.PhoneNumber)
			out = append(out, Sender{Number: num, Kind: numberKind(num),
				Country: deref(n.CountryCode)})
		}
		var ok bool
		token, page, ok = nextPage(resp.Meta.NextPageUrl)
		if !ok {
			break
		}
	}

	// Short codes.
	token, page = "", ""
	for range maxPages {
		cl := c.begin(ctx)
		p := (&messaging.ListShortCodeParams{}).SetPageSize(1000)
		resp, err := cl.messaging.PageShortCode(sid, p, token, page)
		if err := c.end(ctx, "list senders", cl, err); err != nil {
			return nil, err
		}
		for _, s := range resp.ShortCodes {
			out = append(out, Sender{Number: deref(s.ShortCode),
				Kind: ShortCode, Country: deref(s.CountryCode)})
		}
		var ok bool
		token, page, ok = nextPage(resp.Meta.NextPageUrl)
		if !ok {
			break
		}
	}
	return out, nil
}

// tollFreeAreaCodes are the North American toll-free prefixes.
var tollFreeAreaCodes = []string{"800", "833", "844", "855", "866", "877",
	"888"}

// numberKind tells a toll-free number from a long code by its prefix:
// the Messaging Service does not say which a number is.
func numberKind(e164 string) SenderKind {
	if rest, ok := strings.CutPrefix(e164, "+1"); ok {
		for _, ac := range tollFreeAreaCodes {
			if strings.HasPrefix(rest, ac) {
				return TollFree
			}
		}
	}
	return LongCode
}
