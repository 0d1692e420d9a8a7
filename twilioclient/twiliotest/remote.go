package twiliotest

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// remoteFaults names the faults the control API can inject.
var remoteFaults = map[string]Fault{
	"rate_limit":   FaultRateLimit,
	"server_error": FaultServerError,
	"garbage":      FaultGarbage,
	"drop":         FaultDrop,
}

// control serves /simulator/, which lets a person or script drive the
// standalone simulator as tests drive it in Go: inject replies, top up,
// inject faults and latency, and list what was sent. It takes the same
// basic auth as the API and is never itself slowed or failed by the
// faults it injects.
func (s *Server) control() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /simulator/Inbound", func(w http.ResponseWriter,
		r *http.Request) {
		f := r.PostForm
		if f.Get("From") == "" || f.Get("To") == "" {
			writeError(w, errorf(400, 21604, "From and To are required."))
			return
		}
		sid := s.InjectInbound(plus(f.Get("From")), plus(f.Get("To")),
			f.Get("Body"))
		writeJSON(w, http.StatusCreated, map[string]any{"sid": sid})
	})
	mux.HandleFunc("POST /simulator/TopUp", func(w http.ResponseWriter,
		r *http.Request) {
		if err := s.TopUp(r.PostForm.Get("Amount")); err != nil {
			writeError(w, errorf(400, 20001, "Amount must be a decimal "+
				"such as 5.00."))
			return
		}
		s.writeAccountState(w)
	})
	mux.HandleFunc("POST /simulator/Faults", s.injectRemote)
	mux.HandleFunc("GET /simulator/Messages", func(w http.ResponseWriter,
		_ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"messages": s.Messages()})
	})
	mux.HandleFunc("/simulator/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, notFound(r.URL.Path))
	})

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		if !s.authorized(r) {
			writeError(w, errorf(http.StatusUnauthorized, 20003,
				"Authenticate"))
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// plus restores the + of an E.164 number that a form encoder without
// escaping (curl -d) turned into a space.
func plus(number string) string {
	if rest, ok := strings.CutPrefix(number, " "); ok {
		return "+" + strings.TrimSpace(rest)
	}
	return strings.TrimSpace(number)
}

// injectRemote reads Fault and Count (default 1), or LatencyMs.
func (s *Server) injectRemote(w http.ResponseWriter, r *http.Request) {
	f := r.PostForm
	if ms := f.Get("LatencyMs"); ms != "" {
		n, err := strconv.Atoi(ms)
		if err != nil || n < 0 {
			writeError(w, errorf(400, 20001, "LatencyMs must be a whole "+
				"number of milliseconds."))
			return
		}
		s.SetLatency(time.Duration(n) * time.Millisecond)
	}
	if name := f.Get("Fault"); name != "" {
		fault, ok := remoteFaults[name]
		count, err := strconv.Atoi(f.Get("Count"))
		if f.Get("Count") == "" {
			count, err = 1, nil
		}
		if !ok || err != nil || count < 1 {
			writeError(w, errorf(400, 20001, "Fault must be rate_limit, "+
				"server_error, garbage or drop, and Count a positive "+
				"number."))
			return
		}
		s.Inject(fault, count)
	}
	s.writeAccountState(w)
}

// writeAccountState answers with the balance and account status.
func (s *Server) writeAccountState(w http.ResponseWriter) {
	writeJSON(w, http.StatusOK, map[string]any{
		"balance": s.Balance(),
		"status":  s.AccountStatus(),
	})
}
