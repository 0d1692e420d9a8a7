package twiliotest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Fault is a failure the simulator can inject into its next answers.
type Fault int

// The faults that can be injected.
const (
	// FaultRateLimit answers 429 with code 20429 and a Retry-After.
	FaultRateLimit Fault = iota + 1
	// FaultServerError answers 503 with a Twilio error body.
	FaultServerError
	// FaultGarbage answers 502 with an HTML page, as a proxy might.
	FaultGarbage
	// FaultDrop handles the request, then closes the connection
	// without an answer: a Message may have been created.
	FaultDrop
)

type faults struct {
	queue      []Fault
	latency    time.Duration
	retryAfter time.Duration
}

// Inject makes the next n requests fail with f, after any already
// injected.
func (s *Server) Inject(f Fault, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults.queue = append(s.faults.queue, f)
	}
}

// SetLatency delays every answer by d.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.latency = d
}

// SetRetryAfter sets the Retry-After that FaultRateLimit sends; the
// default is one second.
func (s *Server) SetRetryAfter(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.retryAfter = d
}

func (s *Server) nextFault() (Fault, time.Duration, time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var f Fault
	if len(s.faults.queue) > 0 {
		f, s.faults.queue = s.faults.queue[0], s.faults.queue[1:]
	}
	ra := s.faults.retryAfter
	if ra == 0 {
		ra = time.Second
	}
	return f, s.faults.latency, ra
}

// Request is one request the simulator answered, for tests to inspect.
type Request struct {
	Method string
	Path   string
	// Params holds the query and form parameters.
	Params url.Values
	Status int
	// Body is the JSON answer.
	Body []byte
}

// Requests returns every request answered so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// recorder keeps a copy of the answer for Requests.
type recorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers with Twilio's error body.
func writeError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.status, map[string]any{
		"code":      e.code,
		"message":   e.message,
		"more_info": "https://www.twilio.com/docs/errors/" + strconv.Itoa(e.code),
		"status":    e.status,
	})
}

// applyFault answers for an injected fault; it reports false when the
// request should be handled normally (FaultDrop handles it first).
func applyFault(w http.ResponseWriter, f Fault, retryAfter time.Duration) bool {
	switch f {
	case FaultRateLimit:
		secs := int((retryAfter + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeError(w, errorf(http.StatusTooManyRequests, 20429,
			"Too Many Requests"))
		return true
	case FaultServerError:
		writeError(w, errorf(http.StatusServiceUnavailable, 20503,
			"Service unavailable"))
		return true
	case FaultGarbage:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html><body>502 Bad Gateway</body></html>"))
		return true
	}
	return false
}

// drop closes the client's connection without an answer.
func drop(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		_ = conn.Close()
	}
}
