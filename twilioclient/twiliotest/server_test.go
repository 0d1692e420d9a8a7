package twiliotest

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// post sends a form to the simulator with the given token and decodes
// the JSON answer.
func post(t *testing.T, s *Server, path, token string,
	form url.Values) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL()+path,
		strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(s.Options().AccountSID, token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("answer is not JSON: %v", err)
	}
	return resp.StatusCode, body
}

func startServer(t *testing.T, o Options) *Server {
	t.Helper()
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestServer_MagicNumbersAndAuth(t *testing.T) {
	s := startServer(t, Options{})
	path := "/2010-04-01/Accounts/" + DefaultAccountSID + "/Messages.json"

	tests := []struct {
		name       string
		token, to  string
		wantStatus int
		wantCode   float64
	}{
		{"wrong token", "0123456789abcdef0123456789abcdef", "+15551230001",
			401, 20003},
		{"invalid", DefaultAuthToken, "+15005550001", 400, 21211},
		{"country", DefaultAuthToken, "+15005550003", 400, 21408},
		{"opted out", DefaultAuthToken, "+15005550004", 400, 21610},
		{"not mobile", DefaultAuthToken, "+15005550009", 400, 21614},
		{"not E.164", DefaultAuthToken, "555-0100", 400, 21211},
		{"cannot route", DefaultAuthToken, "+15005550002", 400, 21612},
		{"accepted", DefaultAuthToken, "+15005550005", 201, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, s, path, tt.token, url.Values{
				"To": {tt.to}, "Body": {"Hi"},
				"MessagingServiceSid": {DefaultServiceSID}})
			if status != tt.wantStatus {
				t.Errorf("got status %d, want %d", status, tt.wantStatus)
			}
			if tt.wantCode == 0 {
				return
			}
			if body["code"] != tt.wantCode || body["more_info"] == nil ||
				body["status"] != float64(tt.wantStatus) {
				t.Errorf("got %v, want Twilio's error body with code %v",
					body, tt.wantCode)
			}
		})
	}
	if got := len(s.Messages()); got != 1 {
		t.Errorf("got %d Messages accepted, want 1", got)
	}
}

func TestServer_UnreachableFailsLater(t *testing.T) {
	clock := NewManualClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	s := startServer(t, Options{Clock: clock, DeliveryDelay: time.Second})
	path := "/2010-04-01/Accounts/" + DefaultAccountSID + "/Messages.json"
	post(t, s, path, DefaultAuthToken, url.Values{"To": {"+15005550005"},
		"Body": {"Hi"}, "MessagingServiceSid": {DefaultServiceSID}})

	steps := []struct {
		advance time.Duration
		status  string
		code    int
	}{
		{0, "sent", 0},
		{time.Second, "undelivered", 30003},
	}
	for _, st := range steps {
		clock.Advance(st.advance)
		m := s.Messages()[0]
		if m.Status != st.status || m.ErrorCode != st.code {
			t.Errorf("got %s/%d, want %s/%d", m.Status, m.ErrorCode,
				st.status, st.code)
		}
	}
}

func TestListenAndServe_StopsWithContext(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ListenAndServe(ctx, addr, Options{}) }()

	// Wait until it answers, then stop it.
	var resp *http.Response
	for range 100 {
		resp, err = http.Get("http://" + addr + "/2010-04-01/Accounts/" +
			DefaultAccountSID + ".json")
		if err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("simulator never answered: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("got status %d without credentials, want 401",
			resp.StatusCode)
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("got %v, want a clean stop", err)
	}
}
