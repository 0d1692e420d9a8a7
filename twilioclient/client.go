package twilioclient

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	tclient "github.com/twilio/twilio-go/client"
	api "github.com/twilio/twilio-go/rest/api/v2010"
	messaging "github.com/twilio/twilio-go/rest/messaging/v1"
	pricing "github.com/twilio/twilio-go/rest/pricing/v1"
)

// Options tune a Client. The zero value talks to Twilio itself, or to
// NURTURE_TWILIO_URL when that is set.
type Options struct {
	// BaseURL routes every Twilio host here, e.g. the in-app simulator's
	// address. It wins over NURTURE_TWILIO_URL.
	BaseURL string
	// Transport carries the requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
	// Timeout bounds one HTTP request; 0 means 30 seconds.
	Timeout time.Duration
	// Logger gets one line per failed call, with no secrets or numbers.
	Logger *slog.Logger
	// Now tells the time for schedule checks; nil means time.Now.
	Now func() time.Time
	// WorkedBefore says these credentials got answers in an earlier
	// run, so that a 20003 from the first call reads as a halted
	// account, not as a typing mistake.
	WorkedBefore bool
}

// Client calls Twilio with one set of Credentials. It is safe for
// concurrent use.
type Client struct {
	creds     Credentials
	transport http.RoundTripper
	rewrite   bool
	timeout   time.Duration
	log       *slog.Logger
	now       func() time.Time

	// succeeded is set after the first answer that was not an error, so
	// that a later 20003 reads as a halted account.
	succeeded atomic.Bool
}

// New returns a Client for creds, which must be valid.
func New(creds Credentials, opts Options) (*Client, error) {
	creds = creds.Trimmed()
	if err := creds.Validate(); err != nil {
		return nil, err
	}

	c := &Client{
		creds:     creds,
		transport: opts.Transport,
		timeout:   opts.Timeout,
		log:       opts.Logger,
		now:       opts.Now,
	}
	if c.transport == nil {
		c.transport = http.DefaultTransport
	}
	if c.timeout == 0 {
		c.timeout = 30 * time.Second
	}
	if c.log == nil {
		c.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if c.now == nil {
		c.now = time.Now
	}
	c.succeeded.Store(opts.WorkedBefore)

	// Route Twilio hosts elsewhere when asked to.
	base, err := baseURLFromEnv()
	if opts.BaseURL != "" {
		base, err = parseBaseURL(opts.BaseURL)
	}
	if err != nil {
		return nil, err
	}
	if base != nil {
		c.transport = rewriteTransport{base: base, next: c.transport}
		c.rewrite = true
	}
	return c, nil
}

// Worked reports whether Twilio has answered this Client, or its
// credentials in an earlier run, without an error.
func (c *Client) Worked() bool { return c.succeeded.Load() }

// Credentials returns the credentials the Client uses.
func (c *Client) Credentials() Credentials { return c.creds }

// call holds the twilio-go services for one request under one context.
type call struct {
	api       *api.ApiService
	messaging *messaging.ApiService
	pricing   *pricing.ApiService
	tr        *callTransport
}

// begin prepares twilio-go for one call. A fresh handler per call is
// cheap and is the only way to give twilio-go's requests a context.
func (c *Client) begin(ctx context.Context) *call {
	tr := &callTransport{ctx: ctx, next: c.transport}
	hc := &http.Client{
		Transport: tr,
		Timeout:   c.timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	base := &tclient.Client{
		Credentials: tclient.NewCredentials(c.creds.AccountSID, c.creds.AuthToken),
		HTTPClient:  hc,
	}
	base.SetAccountSid(c.creds.AccountSID)

	h := tclient.NewRequestHandler(base)
	if c.rewrite {
		h.Edge, h.Region = "", ""
	}
	return &call{
		api:       api.NewApiService(h),
		messaging: messaging.NewApiService(h),
		pricing:   pricing.NewApiService(h),
		tr:        tr,
	}
}

// end turns twilio-go's result into nil or an *Error, and logs failures.
func (c *Client) end(ctx context.Context, op string, cl *call, err error) error {
	if err == nil {
		c.succeeded.Store(true)
		return nil
	}

	e := c.classify(ctx, cl, err)
	e.Op = op
	c.log.Warn("twilio: call failed", "op", op, "class", string(e.Class),
		"code", e.Code, "status", e.Status)
	return e
}

// classify sorts err. The order matters: a context that ended or an
// answer that never came leaves the outcome unknown, whatever else.
func (c *Client) classify(ctx context.Context, cl *call, err error) *Error {
	status, retryAfter := cl.tr.last()
	e := &Error{Status: status, Err: err}

	var rest *tclient.TwilioRestError
	var restV1 *tclient.RestErrorV1
	switch {
	case errors.As(err, &rest):
		e.Code = rest.Code
		if e.Status == 0 {
			e.Status = rest.Status
		}
	case errors.As(err, &restV1):
		e.Code = restV1.Code
	}

	switch {
	case ctx.Err() != nil:
		e.Class, e.Err = ClassOutcomeUnknown, ctx.Err()
	case status == http.StatusTooManyRequests || e.Code == 20429:
		e.Class, e.RetryAfter = ClassRateLimited, retryAfter
	case status == 0 || status >= 500:
		e.Class = ClassOutcomeUnknown
	case e.Code == 0:
		// An answer without a Twilio error body: a proxy page, or a
		// success whose body was not JSON.
		e.Class = ClassOutcomeUnknown
	default:
		e.Class = ClassifyCode(e.Code, c.succeeded.Load())
	}
	return e
}
