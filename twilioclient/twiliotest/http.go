package twiliotest

import (
	"crypto/subtle"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// Handler returns the simulator's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	const acct = "/2010-04-01/Accounts/"
	mux.HandleFunc("POST "+acct+"{AccountSid}/Messages.json", s.createMessage)
	mux.HandleFunc("GET "+acct+"{AccountSid}/Messages.json", s.listMessages)
	mux.HandleFunc("GET "+acct+"{AccountSid}/Messages/{Sid}", s.fetchMessage)
	mux.HandleFunc("POST "+acct+"{AccountSid}/Messages/{Sid}", s.updateMessage)
	mux.HandleFunc("GET "+acct+"{AccountSid}/Balance.json", s.fetchBalance)
	mux.HandleFunc("GET "+acct+"{Sid}", s.fetchAccount)
	mux.HandleFunc("GET /v1/Services/{ServiceSid}/PhoneNumbers", s.listPhoneNumbers)
	mux.HandleFunc("GET /v1/Services/{ServiceSid}/ShortCodes", s.listShortCodes)
	mux.HandleFunc("GET /v1/Messaging/Countries/{IsoCountry}", s.fetchCountry)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, notFound(r.URL.Path))
	})
	outer := http.NewServeMux()
	outer.Handle("/simulator/", s.control())
	outer.Handle("/", s.middle(mux))
	return outer
}

// middle injects faults and latency, checks basic auth and records every
// request and answer.
func (s *Server) middle(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		rec := &recorder{ResponseWriter: w}
		defer s.record(r, rec)

		fault, latency, retryAfter := s.nextFault()
		if latency > 0 {
			select {
			case <-time.After(latency):
			case <-r.Context().Done():
				return
			}
		}
		if applyFault(rec, fault, retryAfter) {
			return
		}

		if !s.authorized(r) {
			writeError(rec, errorf(http.StatusUnauthorized, 20003,
				"Authenticate"))
			return
		}

		if fault == FaultDrop {
			next.ServeHTTP(httptest.NewRecorder(), r)
			drop(w)
			return
		}
		next.ServeHTTP(rec, r)
	})
}

func (s *Server) authorized(r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.opts
	return ok && user == o.AccountSID &&
		subtle.ConstantTimeCompare([]byte(pass), []byte(o.AuthToken)) == 1
}

func (s *Server) record(r *http.Request, rec *recorder) {
	s.log.Debug("simulator: request", "method", r.Method,
		"path", r.URL.Path, "status", rec.status)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reqs = append(s.reqs, Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Params: r.Form,
		Status: rec.status,
		Body:   rec.body.Bytes(),
	})
}

// accountOK checks the account SID in the path.
func (s *Server) accountOK(w http.ResponseWriter, r *http.Request, sid string) bool {
	if strings.TrimSuffix(sid, ".json") == s.opts.AccountSID {
		return true
	}
	writeError(w, notFound(r.URL.Path))
	return false
}
