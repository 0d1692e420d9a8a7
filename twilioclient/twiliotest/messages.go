package twiliotest

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// rfc2822 is the date format of API 2010-04-01.
const rfc2822 = "Mon, 02 Jan 2006 15:04:05 -0700"

// messageJSON renders m as API 2010-04-01 does.
func (s *Server) messageJSON(m *message, now time.Time) map[string]any {
	status := m.status(now, s.opts.DeliveryDelay)
	uri := fmt.Sprintf("/2010-04-01/Accounts/%s/Messages/%s",
		s.opts.AccountSID, m.sid)

	var sent, price, errCode, errMsg any
	if !now.Before(m.sendAt) && status != "scheduled" && status != "canceled" {
		sent = m.sendAt.UTC().Format(rfc2822)
		if m.direction != "inbound" {
			price = (-m.price).String()
		}
	}
	if status == "failed" || status == "undelivered" {
		errCode, errMsg = m.errorCode, "Delivery failed"
	}
	segs := strconv.Itoa(m.segs)
	return map[string]any{
		"account_sid":           s.opts.AccountSID,
		"api_version":           "2010-04-01",
		"body":                  m.body,
		"date_created":          m.created.UTC().Format(rfc2822),
		"date_sent":             sent,
		"date_updated":          now.UTC().Format(rfc2822),
		"direction":             m.direction,
		"error_code":            errCode,
		"error_message":         errMsg,
		"from":                  m.from,
		"messaging_service_sid": s.opts.ServiceSID,
		"num_media":             "0",
		"num_segments":          segs,
		"price":                 price,
		"price_unit":            s.opts.Currency,
		"sid":                   m.sid,
		"status":                status,
		"subresource_uris": map[string]string{
			"media": uri + "/Media.json",
		},
		"to":  m.to,
		"uri": uri + ".json",
	}
}

func (s *Server) createMessage(w http.ResponseWriter, r *http.Request) {
	if !s.accountOK(w, r, r.PathValue("AccountSid")) {
		return
	}
	req := sendRequest{
		to:           r.PostForm.Get("To"),
		body:         r.PostForm.Get("Body"),
		service:      r.PostForm.Get("MessagingServiceSid"),
		scheduleType: r.PostForm.Get("ScheduleType"),
		sendAt:       r.PostForm.Get("SendAt"),
	}

	s.answer(w, http.StatusCreated, func(now time.Time) (*message, *apiError) {
		return s.state.create(req, now)
	})
}

// asAccepted is how far before "now" a new Message is shown, so that it
// reads as queued, as Twilio's answer to a create does, even when its
// Sender is free and sends it at once.
const asAccepted = time.Nanosecond

// answer runs op under the lock and answers with its Message or error.
func (s *Server) answer(w http.ResponseWriter, status int,
	op func(now time.Time) (*message, *apiError)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Clock.Now()
	m, e := op(now)
	if e != nil {
		writeError(w, e)
		return
	}
	if status == http.StatusCreated {
		now = now.Add(-asAccepted)
	}
	writeJSON(w, status, s.messageJSON(m, now))
}

func (s *Server) fetchMessage(w http.ResponseWriter, r *http.Request) {
	if !s.accountOK(w, r, r.PathValue("AccountSid")) {
		return
	}
	sid := strings.TrimSuffix(r.PathValue("Sid"), ".json")

	s.answer(w, http.StatusOK, func(time.Time) (*message, *apiError) {
		if m, ok := s.state.bySID[sid]; ok {
			return m, nil
		}
		return nil, notFound(r.URL.Path)
	})
}

func (s *Server) updateMessage(w http.ResponseWriter, r *http.Request) {
	if !s.accountOK(w, r, r.PathValue("AccountSid")) {
		return
	}
	sid := strings.TrimSuffix(r.PathValue("Sid"), ".json")
	if r.PostForm.Get("Status") != "canceled" {
		writeError(w, errorf(400, 20001, "Only Status=canceled is "+
			"supported by the simulator."))
		return
	}

	s.answer(w, http.StatusOK, func(now time.Time) (*message, *apiError) {
		return s.state.cancel(sid, now)
	})
}

func (s *Server) listMessages(w http.ResponseWriter, r *http.Request) {
	if !s.accountOK(w, r, r.PathValue("AccountSid")) {
		return
	}
	q := r.Form
	after, err := parseDay(q.Get("DateSent>"))
	if err != nil {
		writeError(w, errorf(400, 20001, "DateSent> is not a date."))
		return
	}
	size, page := pageParams(q)

	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Clock.Now()
	all := s.state.list(q.Get("To"), q.Get("From"), after)
	start, end := min(page*size, len(all)), min((page+1)*size, len(all))

	items := make([]map[string]any, 0, end-start)
	for _, m := range all[start:end] {
		items = append(items, s.messageJSON(m, now))
	}

	base := fmt.Sprintf("/2010-04-01/Accounts/%s/Messages.json",
		s.opts.AccountSID)
	pageURI := func(p int) string {
		v := url.Values{}
		for _, k := range []string{"To", "From", "DateSent>"} {
			if q.Get(k) != "" {
				v.Set(k, q.Get(k))
			}
		}
		v.Set("PageSize", strconv.Itoa(size))
		v.Set("Page", strconv.Itoa(p))
		v.Set("PageToken", "PT"+strconv.Itoa(p*size))
		return base + "?" + v.Encode()
	}
	var next, prev any
	if end < len(all) {
		next = pageURI(page + 1)
	}
	if page > 0 {
		prev = pageURI(page - 1)
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"end":               max(end-1, 0),
		"first_page_uri":    pageURI(0),
		"messages":          items,
		"next_page_uri":     next,
		"page":              page,
		"page_size":         size,
		"previous_page_uri": prev,
		"start":             start,
		"uri":               pageURI(page),
	})
}

// pageParams reads PageSize (default 50, at most 1000) and Page.
func pageParams(q url.Values) (size, page int) {
	size, err := strconv.Atoi(q.Get("PageSize"))
	if err != nil || size <= 0 {
		size = 50
	}
	size = min(size, 1000)
	page, err = strconv.Atoi(q.Get("Page"))
	if err != nil || page < 0 {
		page = 0
	}
	return size, page
}

// parseDay reads a DateSent filter: a date, or a time whose day counts.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}
