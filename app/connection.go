package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/twilioclient"
	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// Setting keys the Twilio connection reads and writes.
const (
	settingDemoMode       = "demo_mode"
	settingDefaultCountry = "default_country"
	settingPrice          = "twilio_price_per_segment"
	settingPriceCurrency  = "twilio_price_currency"
	settingTenDLC         = "twilio_10dlc_throughput"
	// settingWorked holds the Account SID whose saved credentials
	// Twilio last accepted, so that a 20003 after a restart reads as a
	// halted account. Saving or removing credentials clears it.
	settingWorked = "twilio_worked_account"
)

// demoBanner is shown on every screen while the simulator stands in for
// Twilio.
const demoBanner = "Demo mode: Nurture is using its built-in Twilio " +
	"simulator. Nothing is really sent and no money is spent."

// credSource says where the credentials in use came from.
type credSource string

// The places credentials can come from.
const (
	sourceNone        credSource = ""
	sourceKeychain    credSource = "keychain"
	sourceEnvironment credSource = "environment"
	sourceDemo        credSource = "simulator"
)

// errNotConnected is returned by client when Nurture has no Twilio
// connection.
var errNotConnected = campaign.Errorf(campaign.EINVALID,
	"Nurture is not connected to Twilio. Enter your Twilio credentials "+
		"in Settings, or explore with the built-in simulator.")

// connection is the app's live link to Twilio: where the credentials
// came from, the client built from them, and the last connection test.
// Sending asks it for a client.
type connection struct {
	a        *App
	keychain twilioclient.Keychain

	// loadOnce reads the keychain the first time the credentials are
	// needed, when fromKeychain says they come from there.
	loadOnce     sync.Once
	fromKeychain bool

	mu       sync.Mutex
	source   credSource
	creds    twilioclient.Credentials
	client   *twilioclient.Client
	sim      *twiliotest.Server
	problem  error // why no credentials could be loaded, if any
	last     *twilioclient.Report
	lastTime time.Time
}

// newConnection picks up credentials in this order: the TWILIO_*
// environment variables, demo mode when it was left on, the keychain.
// The banner for demo mode is shown by start, once the window exists.
func newConnection(a *App) *connection {
	c := &connection{a: a}

	env, ok, err := twilioclient.FromEnvironment()
	switch {
	case ok && err != nil:
		c.problem = campaign.Errorf(campaign.EINVALID, "%s", err.Error())
		return c
	case ok:
		c.problem = c.use(sourceEnvironment, env, "")
		return c
	}

	if v, _ := a.store.Setting(a.ctx, settingDemoMode); v == "1" {
		if err := c.startSimulator(); err != nil {
			c.problem = err
		}
		return c
	}

	c.fromKeychain = true
	return c
}

// ensure reads the saved credentials the first time they are needed,
// not while the window is being built: a locked keychain asks for its
// password then, when the user is looking at Twilio, instead of holding
// back the whole window.
func (c *connection) ensure() {
	c.loadOnce.Do(func() {
		if !c.fromKeychain {
			return
		}
		creds, err := c.keychain.Load()
		switch {
		case errors.Is(err, twilioclient.ErrNoCredentials):
		case err != nil:
			c.mu.Lock()
			c.problem = err
			c.mu.Unlock()
		default:
			if err := c.use(sourceKeychain, creds, ""); err != nil {
				c.mu.Lock()
				c.problem = err
				c.mu.Unlock()
			}
		}
	})
}

// start shows the demo banner when demo mode is on. It must run after
// the shell is built.
func (c *connection) start() {
	// The source is read without ensure: start must not wait for the
	// keychain.
	c.mu.Lock()
	demo := c.source == sourceDemo
	c.mu.Unlock()
	if demo {
		c.a.setBanner(demoBanner)
	}
}

// Client returns the Twilio client to send with, or an error that tells
// the user how to connect. The sending runner calls it before each run.
func (c *connection) Client() (*twilioclient.Client, error) {
	c.ensure()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.client == nil {
		if c.problem != nil {
			return nil, c.problem
		}
		return nil, errNotConnected
	}
	return c.client, nil
}

// Source tells where the credentials in use came from.
func (c *connection) Source() credSource {
	c.ensure()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.source
}

// Credentials returns the credentials in use, or zero ones.
func (c *connection) Credentials() twilioclient.Credentials {
	c.ensure()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.creds
}

// Problem returns why no connection could be made at start, or nil.
func (c *connection) Problem() error {
	c.ensure()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.problem
}

// LastTest returns the last connection test and when it ran, or nil.
func (c *connection) LastTest() (*twilioclient.Report, time.Time) {
	c.ensure()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last, c.lastTime
}

// use builds a client for creds and makes it current. baseURL routes it
// to the simulator in demo mode.
func (c *connection) use(src credSource, creds twilioclient.Credentials,
	baseURL string) error {
	worked := src == sourceKeychain &&
		c.setting(c.a.ctx, settingWorked, "") == creds.AccountSID
	client, err := twilioclient.New(creds, twilioclient.Options{
		BaseURL:      baseURL,
		Logger:       c.a.log,
		WorkedBefore: worked,
	})
	if err != nil {
		return campaign.Errorf(campaign.EINVALID, "%s", err.Error())
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	c.source, c.creds, c.client, c.problem = src, creds, client, nil
	c.last = nil
	return nil
}

// save stores creds in the keychain and connects with them, leaving demo
// mode. Environment credentials cannot be replaced from the app.
func (c *connection) save(creds twilioclient.Credentials) error {
	if c.Source() == sourceEnvironment {
		return campaign.Errorf(campaign.EINVALID, "Nurture is using "+
			"Twilio credentials from environment variables. Unset "+
			"TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and "+
			"TWILIO_MESSAGING_SERVICE_SID to use saved ones.")
	}
	creds = creds.Trimmed()
	if err := creds.Validate(); err != nil {
		return campaign.Errorf(campaign.EINVALID, "%s", err.Error())
	}
	if err := c.keychain.Save(creds); err != nil {
		return err
	}
	c.setWorked("") // until Twilio accepts the new ones

	c.stopSimulator()
	if err := c.use(sourceKeychain, creds, ""); err != nil {
		return err
	}
	c.a.log.Info("twilio: credentials saved", "account", creds.AccountSID)
	return nil
}

// disconnect removes the saved credentials and any demo mode.
func (c *connection) disconnect() error {
	if c.Source() == sourceEnvironment {
		return campaign.Errorf(campaign.EINVALID, "These credentials "+
			"come from environment variables; unset them to disconnect.")
	}
	c.stopSimulator()
	if err := c.keychain.Delete(); err != nil {
		return err
	}

	c.mu.Lock()
	c.source, c.creds, c.client, c.problem = sourceNone,
		twilioclient.Credentials{}, nil, nil
	c.last = nil
	c.mu.Unlock()
	c.forgetPrice()
	c.setWorked("")
	c.a.log.Info("twilio: disconnected")
	return nil
}

// setWorked remembers which saved account Twilio accepted, "" for none.
func (c *connection) setWorked(accountSID string) {
	if err := c.a.store.SetSetting(c.a.ctx, settingWorked,
		accountSID); err != nil {
		c.a.log.Warn("twilio: remember accepted account", "err", err)
	}
}

// forgetPrice drops the price the last connection test stored, so that
// cost estimates stop quoting an account Nurture no longer uses.
func (c *connection) forgetPrice() {
	err := errors.Join(
		c.a.store.SetSetting(c.a.ctx, settingPrice, ""),
		c.a.store.SetSetting(c.a.ctx, settingPriceCurrency, ""))
	if err != nil {
		c.a.log.Warn("twilio: forget price", "err", err)
	}
}

// startDemo runs the simulator in the app and remembers demo mode.
func (c *connection) startDemo() error {
	c.ensure()
	if err := c.startSimulator(); err != nil {
		return err
	}
	if err := c.a.store.SetSetting(c.a.ctx, settingDemoMode, "1"); err != nil {
		return fmt.Errorf("remember demo mode: %w", err)
	}
	c.a.setBanner(demoBanner)
	return nil
}

// stopDemo leaves demo mode.
func (c *connection) stopDemo() error {
	c.ensure()
	if c.Source() != sourceDemo {
		return nil
	}
	c.stopSimulator()
	c.mu.Lock()
	c.source, c.creds, c.client = sourceNone, twilioclient.Credentials{}, nil
	c.last = nil
	c.mu.Unlock()
	return nil
}

// startSimulator starts the in-app simulator with a demo balance and
// Senders, and connects to it.
func (c *connection) startSimulator() error {
	sim, err := twiliotest.New(twiliotest.Options{
		FriendlyName: "Demo account (simulated)",
		Balance:      "20.00",
	})
	if err != nil {
		return fmt.Errorf("start simulator: %w", err)
	}
	if err := sim.Start(); err != nil {
		return fmt.Errorf("start simulator: %w", err)
	}
	c.restoreDemo(sim)
	o := sim.Options()
	creds := twilioclient.Credentials{AccountSID: o.AccountSID,
		AuthToken: o.AuthToken, ServiceSID: o.ServiceSID}
	if err := c.use(sourceDemo, creds, sim.URL()); err != nil {
		sim.Close()
		return err
	}

	c.mu.Lock()
	c.sim = sim
	c.mu.Unlock()
	c.a.goSafe("keeping the demo account", func() { c.keepDemo(sim) })
	c.a.log.Info("twilio: demo mode on", "url", sim.URL())
	return nil
}

// stopSimulator ends demo mode, if it is on, and forgets it.
func (c *connection) stopSimulator() {
	c.mu.Lock()
	sim := c.sim
	c.sim = nil
	c.mu.Unlock()
	if sim == nil {
		return
	}

	sim.Close()
	c.forgetDemo()
	if err := c.a.store.SetSetting(c.a.ctx, settingDemoMode, ""); err != nil {
		c.a.log.Warn("twilio: forget demo mode", "err", err)
	}
	c.forgetPrice() // the simulator's price is no real account's
	c.a.setBanner("")
	c.a.log.Info("twilio: demo mode off")
}

// test checks the connection: account, balance, Senders, throughput and
// the price per Segment for the default country, which it also stores
// for cost estimates.
func (c *connection) test(ctx context.Context) (twilioclient.Report, error) {
	client, err := c.Client()
	if err != nil {
		return twilioclient.Report{}, err
	}

	country := c.setting(ctx, settingDefaultCountry, "US")
	var tenDLC float64
	fmt.Sscan(c.setting(ctx, settingTenDLC, "0"), &tenDLC)

	r := client.Check(ctx, country, tenDLC)
	if client.Worked() && c.Source() == sourceKeychain {
		c.setWorked(client.Credentials().AccountSID)
	}
	if r.PriceErr == nil && r.PricePerSegment != "" {
		err = errors.Join(
			c.a.store.SetSetting(ctx, settingPrice, r.PricePerSegment),
			c.a.store.SetSetting(ctx, settingPriceCurrency, r.Price.Currency))
		if err != nil {
			c.a.log.Warn("twilio: store price", "err", err)
		}
	}

	c.mu.Lock()
	c.last, c.lastTime = &r, c.a.clock.Now()
	c.mu.Unlock()
	return r, nil
}

// Pace returns how many Segments per second Nurture may send: from the
// last connection test, or else asked of Twilio now. The sending runner
// sizes its token bucket with it.
func (c *connection) Pace(ctx context.Context) (float64, error) {
	if r, _ := c.LastTest(); r != nil && r.SendersErr == nil {
		return r.Throughput, nil
	}
	client, err := c.Client()
	if err != nil {
		return 0, err
	}
	senders, err := client.Senders(ctx)
	if err != nil {
		return 0, err
	}
	var tenDLC float64
	fmt.Sscan(c.setting(ctx, settingTenDLC, "0"), &tenDLC)
	return twilioclient.Throughput(senders, tenDLC), nil
}

// setting reads a setting, with def when it is unset or unreadable.
func (c *connection) setting(ctx context.Context, key, def string) string {
	v, err := c.a.store.Setting(ctx, key)
	if err != nil || v == "" {
		return def
	}
	return v
}

// twilioMessage is the text to show for an error from the connection.
func twilioMessage(err error) string {
	var te *twilioclient.Error
	var ke *twilioclient.KeychainError
	switch {
	case errors.As(err, &te):
		if link := te.Link(); link != "" {
			return te.Error() + " More: " + link
		}
		return te.Error()
	case errors.As(err, &ke):
		return ke.Error()
	}
	return campaign.ErrorMessage(err)
}
