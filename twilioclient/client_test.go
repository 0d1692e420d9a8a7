package twilioclient

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

func TestClient_SendLifecycle(t *testing.T) {
	b := setup(t, twiliotest.Options{DeliveryDelay: 2 * time.Second})
	ctx := context.Background()

	m := b.send(t, "+15551230001", "Hello from Nurture")
	if m.SID == "" || m.Status != "queued" || m.Segments != 1 {
		t.Fatalf("got %+v, want a queued one-Segment Message", m)
	}

	steps := []struct {
		advance time.Duration
		want    string
	}{
		{0, "sent"}, // a free Sender sends at once
		{time.Second, "sent"},
		{time.Second, "delivered"},
	}
	for _, s := range steps {
		b.clock.Advance(s.advance)
		got, err := b.client.Fetch(ctx, m.SID)
		if err != nil {
			t.Fatalf("fetch: %v", err)
		}
		if got.Status != s.want {
			t.Errorf("after %s: got status %q, want %q",
				s.advance, got.Status, s.want)
		}
	}
}

func TestSimulator_DrainsEachSenderAtItsThroughput(t *testing.T) {
	b := setup(t, twiliotest.Options{Senders: []twiliotest.Sender{
		{Number: "+15550100001", Kind: twiliotest.LongCode},
		{Number: "+18885550100", Kind: twiliotest.TollFree},
	}})
	for range 8 {
		b.send(t, "+15551230001", "Hi")
	}

	// Over 8 Messages the long code frees every second and the toll-free
	// number every third of a second, so the toll-free one takes 6.
	byFrom := map[string][]time.Time{}
	for _, m := range b.sim.Messages() {
		byFrom[m.From] = append(byFrom[m.From], m.SendAt)
	}
	if got := len(byFrom["+18885550100"]); got != 6 {
		t.Errorf("got %d Messages on the toll-free number, want 6", got)
	}
	tests := []struct {
		from string
		gap  time.Duration
	}{
		{"+15550100001", time.Second},
		{"+18885550100", time.Second / 3},
	}
	for _, tt := range tests {
		times := byFrom[tt.from]
		for i := 1; i < len(times); i++ {
			if got := times[i].Sub(times[i-1]); got != tt.gap {
				t.Errorf("%s: got gap %s, want %s", tt.from, got, tt.gap)
			}
		}
	}
}

func TestSimulator_BalanceSuspendAndTopUp(t *testing.T) {
	b := setup(t, twiliotest.Options{Balance: "0.02",
		PricePerSegment: "0.0079"})
	ctx := context.Background()

	// Two Segments cost 0.0158.
	b.send(t, "+15551230001", strings.Repeat("x", 200))
	bal, err := b.client.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if bal.Amount != "0.0042" || bal.Currency != "USD" {
		t.Errorf("got balance %+v, want 0.0042 USD", bal)
	}

	b.send(t, "+15551230001", "Hi")
	if got := b.sim.AccountStatus(); got != "suspended" {
		t.Fatalf("got account %q, want suspended", got)
	}
	_, err = b.client.Send(ctx, "+15551230001", "Hi")
	var e *Error
	if !errors.As(err, &e) || e.Class != ClassAccountHalted {
		t.Fatalf("got %v, want account halted", err)
	}

	if err := b.sim.TopUp("10"); err != nil {
		t.Fatal(err)
	}
	acct, err := b.client.Account(ctx)
	if err != nil || acct.Status != "active" {
		t.Fatalf("got %+v, %v; want an active account", acct, err)
	}
	b.send(t, "+15551230001", "Hi again")
	if got, want := len(b.sim.Messages()), 3; got != want {
		t.Errorf("got %d Messages accepted, want %d", got, want)
	}
}

func TestClient_ScheduleAndCancel(t *testing.T) {
	b := setup(t, twiliotest.Options{})
	ctx := context.Background()

	tests := []struct {
		ahead   time.Duration
		wantErr bool
	}{
		{10 * time.Minute, true},
		{36 * 24 * time.Hour, true},
		{time.Hour, false},
	}
	for _, tt := range tests {
		_, err := b.client.Schedule(ctx, "+15551230001", "Later",
			start.Add(tt.ahead))
		if (err != nil) != tt.wantErr {
			t.Errorf("%s ahead: got %v, want error %v", tt.ahead, err,
				tt.wantErr)
		}
	}

	msgs := b.sim.Messages()
	if len(msgs) != 1 || msgs[0].Status != "scheduled" {
		t.Fatalf("got %+v, want one scheduled Message", msgs)
	}
	m, err := b.client.Cancel(ctx, msgs[0].SID)
	if err != nil || m.Status != "canceled" {
		t.Fatalf("got %+v, %v; want canceled", m, err)
	}
	if got := b.sim.Balance(); got != "20.00" {
		t.Errorf("got balance %s after cancel, want 20.00", got)
	}
}

func TestClient_ListToFollowsPagesWithALimit(t *testing.T) {
	b := setup(t, twiliotest.Options{})
	for range 5 {
		b.send(t, "+15551230001", "Hi")
	}
	b.send(t, "+15551230002", "Someone else")

	old := listPageSize
	listPageSize = 2
	t.Cleanup(func() { listPageSize = old })

	tests := []struct {
		since       time.Time
		limit, want int
	}{
		{start.Add(-time.Minute), 3, 3},
		{start.Add(-time.Minute), 10, 5},
		{start.Add(-time.Minute), 0, 0},
		// Twilio's dates have whole seconds: the same second counts.
		{start.Add(500 * time.Millisecond), 10, 5},
		{start.Add(time.Second), 10, 0},
	}
	for _, tt := range tests {
		got, err := b.client.ListTo(context.Background(), "+15551230001",
			tt.since, tt.limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tt.want {
			t.Errorf("limit %d: got %d Messages, want %d",
				tt.limit, len(got), tt.want)
		}
	}
}

func TestClient_ListInbound(t *testing.T) {
	b := setup(t, twiliotest.Options{})
	b.sim.InjectInbound("+15551230001", "+15550100001", "Stop")
	b.sim.InjectInbound("+15551230002", "+18885550100", "help")
	b.sim.InjectInbound("+15551230003", "+15550100002", "Thanks!")
	b.send(t, "+15551230004", "Outbound is not a reply")

	got, err := b.client.ListInbound(context.Background(),
		start.Add(-time.Minute), 50)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Keyword{"+15551230001": KeywordStop,
		"+15551230002": KeywordHelp, "+15551230003": KeywordNone}
	if len(got) != len(want) {
		t.Fatalf("got %d replies, want %d", len(got), len(want))
	}
	for _, in := range got {
		if in.Keyword != want[in.From] {
			t.Errorf("reply from %s: got keyword %q, want %q",
				in.From, in.Keyword, want[in.From])
		}
	}
}

func TestKeywordOf(t *testing.T) {
	tests := []struct {
		body string
		want Keyword
	}{
		{"STOP", KeywordStop}, {" stop. ", KeywordStop},
		{"Unsubscribe", KeywordStop}, {"start", KeywordStart},
		{"HELP", KeywordHelp}, {"stop sending me these", KeywordNone},
		{"", KeywordNone},
	}
	for _, tt := range tests {
		if got := KeywordOf(tt.body); got != tt.want {
			t.Errorf("KeywordOf(%q): got %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestClient_Check(t *testing.T) {
	b := setup(t, twiliotest.Options{Balance: "12.50"})
	r := b.client.Check(context.Background(), "us", 0)
	if !r.OK() {
		t.Fatalf("got errors %v %v %v %v", r.AccountErr, r.BalanceErr,
			r.SendersErr, r.PriceErr)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"status", r.Account.Status, "active"},
		{"name", r.Account.FriendlyName, "Nurture simulator"},
		{"balance", r.Balance.Amount, "12.50"},
		{"currency", r.Balance.Currency, "USD"},
		{"senders", len(r.Senders), 3},
		{"throughput", r.Throughput, 5.0},
		{"price", r.PricePerSegment, "0.0079"},
		{"price currency", r.Price.Currency, "USD"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestClient_CheckWithWrongToken(t *testing.T) {
	b := setup(t, twiliotest.Options{})
	r := b.other(goodToken, "").Check(context.Background(), "US", 0)
	want := "Twilio rejected this Account SID and Auth Token (error " +
		"20003). Check them in the Twilio console."
	if r.AccountErr == nil || r.AccountErr.Error() != want {
		t.Errorf("got %v, want %q", r.AccountErr, want)
	}
	if r.OK() {
		t.Error("got OK, want a failed report")
	}
}

func TestThroughput(t *testing.T) {
	long := Sender{Kind: LongCode}
	free := Sender{Kind: TollFree}
	short := Sender{Kind: ShortCode}
	tests := []struct {
		name    string
		senders []Sender
		tenDLC  float64
		want    float64
	}{
		{"none", nil, 0, 0},
		{"two long codes", []Sender{long, long}, 0, 2},
		{"mixed", []Sender{long, free, short}, 0, 104},
		{"10DLC replaces long codes", []Sender{long, long, free}, 15, 18},
		{"10DLC needs a long code", []Sender{free}, 15, 3},
	}
	for _, tt := range tests {
		if got := Throughput(tt.senders, tt.tenDLC); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNew_RoutesEveryTwilioHostToTheEnvironmentURL(t *testing.T) {
	b := setup(t, twiliotest.Options{})
	t.Setenv(EnvBaseURL, b.sim.URL())
	t.Setenv("TWILIO_EDGE", "sydney")
	t.Setenv("TWILIO_REGION", "au1")

	o := b.sim.Options()
	c, err := New(Credentials{AccountSID: o.AccountSID,
		AuthToken: o.AuthToken, ServiceSID: o.ServiceSID}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Check(context.Background(), "US", 0); !r.OK() {
		t.Fatalf("got errors %v %v %v %v", r.AccountErr, r.BalanceErr,
			r.SendersErr, r.PriceErr)
	}
	for _, v := range []string{"TWILIO_EDGE", "TWILIO_REGION"} {
		if os.Getenv(v) != "" {
			t.Errorf("got %s=%q, want it cleared", v, os.Getenv(v))
		}
	}
}

func TestRewriteTransport_LeavesOtherHostsAlone(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			got = append(got, r.URL.Path)
		}))
	defer srv.Close()

	base, _ := parseBaseURL(srv.URL + "/prefix")
	tr := rewriteTransport{base: base, next: http.DefaultTransport}
	hc := &http.Client{Transport: tr}
	for _, u := range []string{"https://api.twilio.com/a",
		"https://messaging.twilio.com/b", srv.URL + "/c"} {
		resp, err := hc.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	want := []string{"/prefix/a", "/prefix/b", "/c"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got paths %v, want %v", got, want)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"7", 7 * time.Second}, {"-1", 0}, {"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q): got %s, want %s", tt.in, got, tt.want)
		}
	}
}
