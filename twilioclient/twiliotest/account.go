package twiliotest

import (
	"fmt"
	"net/http"
	"strings"
)

func (s *Server) fetchAccount(w http.ResponseWriter, r *http.Request) {
	if !s.accountOK(w, r, r.PathValue("Sid")) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.opts
	uri := fmt.Sprintf("/2010-04-01/Accounts/%s", o.AccountSID)
	created := s.state.created.Format(rfc2822)
	writeJSON(w, http.StatusOK, map[string]any{
		// Twilio shows the token here; the simulator never does.
		"auth_token":        "(hidden by the simulator)",
		"date_created":      created,
		"date_updated":      created,
		"friendly_name":     o.FriendlyName,
		"owner_account_sid": o.AccountSID,
		"sid":               o.AccountSID,
		"status":            s.state.status,
		"subresource_uris": map[string]string{
			"balance":  uri + "/Balance.json",
			"messages": uri + "/Messages.json",
		},
		"type": "Full",
		"uri":  uri + ".json",
	})
}

func (s *Server) fetchBalance(w http.ResponseWriter, r *http.Request) {
	if !s.accountOK(w, r, r.PathValue("AccountSid")) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"account_sid": s.opts.AccountSID,
		"balance":     s.state.balance.String(),
		"currency":    s.opts.Currency,
	})
}

// serviceOK checks the Messaging Service SID in the path.
func (s *Server) serviceOK(w http.ResponseWriter, r *http.Request) bool {
	if r.PathValue("ServiceSid") == s.opts.ServiceSID {
		return true
	}
	writeError(w, notFound(r.URL.Path))
	return false
}

func (s *Server) listPhoneNumbers(w http.ResponseWriter, r *http.Request) {
	s.listSenders(w, r, "phone_numbers", "PN", "phone_number",
		func(k SenderKind) bool { return k != ShortCode })
}

func (s *Server) listShortCodes(w http.ResponseWriter, r *http.Request) {
	s.listSenders(w, r, "short_codes", "SC", "short_code",
		func(k SenderKind) bool { return k == ShortCode })
}

// listSenders answers a Messaging v1 list of the Senders that keep says.
// All fit on one page.
func (s *Server) listSenders(w http.ResponseWriter, r *http.Request,
	key, prefix, field string, keep func(SenderKind) bool) {
	if !s.serviceOK(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.opts
	base := fmt.Sprintf("https://messaging.twilio.com/v1/Services/%s/%s",
		o.ServiceSID, map[string]string{"phone_numbers": "PhoneNumbers",
			"short_codes": "ShortCodes"}[key])
	created := s.state.created.Format("2006-01-02T15:04:05Z")

	items := []map[string]any{}
	for i, q := range s.state.queues {
		if !keep(q.Kind) {
			continue
		}
		sid := fmt.Sprintf("%s%032x", prefix, i+1)
		items = append(items, map[string]any{
			"sid":          sid,
			"account_sid":  o.AccountSID,
			"service_sid":  o.ServiceSID,
			"date_created": created,
			"date_updated": created,
			field:          q.Number,
			"country_code": "US",
			"capabilities": []string{"SMS"},
			"url":          base + "/" + sid,
		})
	}
	size, _ := pageParams(r.Form)
	page := fmt.Sprintf("%s?PageSize=%d&Page=0", base, size)
	writeJSON(w, http.StatusOK, map[string]any{
		key: items,
		"meta": map[string]any{
			"first_page_url":    page,
			"key":               key,
			"next_page_url":     nil,
			"page":              0,
			"page_size":         size,
			"previous_page_url": nil,
			"url":               page,
		},
	})
}

// countries the simulator prices; every one costs the same.
var countries = map[string]string{
	"US": "United States", "CA": "Canada", "GB": "United Kingdom",
	"AU": "Australia", "IE": "Ireland", "NZ": "New Zealand",
	"DE": "Germany", "FR": "France", "ES": "Spain", "MX": "Mexico",
}

func (s *Server) fetchCountry(w http.ResponseWriter, r *http.Request) {
	iso := strings.ToUpper(r.PathValue("IsoCountry"))
	name, ok := countries[iso]
	if !ok {
		writeError(w, notFound(r.URL.Path))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.state.price.String()
	prices := []map[string]any{}
	for _, t := range []string{"local", "toll free", "shortcode"} {
		prices = append(prices, map[string]any{
			"number_type": t, "base_price": p, "current_price": p,
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"country":     name,
		"iso_country": iso,
		"outbound_sms_prices": []map[string]any{{
			"carrier": "Simulated Mobile", "mcc": "310", "mnc": "999",
			"prices": prices,
		}},
		"inbound_sms_prices": prices,
		"price_unit":         s.opts.Currency,
		"url":                "https://pricing.twilio.com/v1/Messaging/Countries/" + iso,
	})
}
