package twilioclient

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// EnvBaseURL names the variable that routes every Twilio host to one
// base URL, such as a simulator or a proxy.
const EnvBaseURL = "NURTURE_TWILIO_URL"

// rewriteTransport sends requests for any Twilio host to base instead,
// keeping the path and query. twilio-go has no base-URL option, so this
// is where the switch happens.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

// RoundTrip rewrites the scheme and host of Twilio requests.
func (t rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !isTwilioHost(req.URL.Hostname()) {
		return t.next.RoundTrip(req)
	}

	r := req.Clone(req.Context())
	r.URL.Scheme = t.base.Scheme
	r.URL.Host = t.base.Host
	r.URL.Path = strings.TrimRight(t.base.Path, "/") + req.URL.Path
	r.URL.RawPath = ""
	r.Host = t.base.Host
	return t.next.RoundTrip(r)
}

func isTwilioHost(h string) bool {
	return h == "twilio.com" || strings.HasSuffix(h, ".twilio.com")
}

// parseBaseURL checks a NURTURE_TWILIO_URL-style value.
func parseBaseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		// The text may hold a password, so it is not quoted.
		return nil, fmt.Errorf("%s must be a URL such as "+
			"http://127.0.0.1:8089", EnvBaseURL)
	}
	if u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("%s must be a URL such as "+
			"http://127.0.0.1:8089, not %q", EnvBaseURL, u.Redacted())
	}
	return u, nil
}

// baseURLFromEnv returns the base URL set in the environment, or nil. When
// one is set it clears TWILIO_EDGE and TWILIO_REGION, which would
// otherwise steer twilio-go to regional hosts.
func baseURLFromEnv() (*url.URL, error) {
	s := strings.TrimSpace(os.Getenv(EnvBaseURL))
	if s == "" {
		return nil, nil
	}
	os.Unsetenv("TWILIO_EDGE")
	os.Unsetenv("TWILIO_REGION")
	return parseBaseURL(s)
}

// callTransport serves one client call: it carries the call's context
// (twilio-go makes requests without one) and notes the last answer's
// status and Retry-After header, which twilio-go does not pass on.
type callTransport struct {
	ctx  context.Context
	next http.RoundTripper

	mu         sync.Mutex
	status     int
	retryAfter time.Duration
}

// RoundTrip sends req under the call's context and records the answer.
func (t *callTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req.WithContext(t.ctx))

	t.mu.Lock()
	defer t.mu.Unlock()
	if err != nil {
		t.status = 0
		return nil, err
	}
	t.status = resp.StatusCode
	t.retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	return resp, nil
}

func (t *callTransport) last() (int, time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.status, t.retryAfter
}

// maxRetryAfter caps the wait a Retry-After can ask for, so that a huge
// or overflowing value cannot stall sending for days or turn negative.
const maxRetryAfter = time.Hour

// parseRetryAfter reads seconds or an HTTP date, at most maxRetryAfter.
// It returns 0 when the header is missing or unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseUint(v, 10, 64); err == nil {
		secs := min(n, uint64(maxRetryAfter/time.Second))
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), maxRetryAfter)
	}
	return 0
}
