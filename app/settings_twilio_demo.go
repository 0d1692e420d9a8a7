package app

import (
	"context"
	"time"

	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// settingDemoState holds the simulated account between runs of demo
// mode, so that Messages sent before a restart can still be looked up
// and the simulated balance stays spent.
const settingDemoState = "demo_simulator_state"

// demoSaveEvery is how often a changed simulated account is stored.
const demoSaveEvery = 2 * time.Second

// restoreDemo loads the simulated account of the last run, if any. A
// damaged one is logged and the demo starts afresh.
func (c *connection) restoreDemo(sim *twiliotest.Server) {
	v := c.setting(c.a.ctx, settingDemoState, "")
	if v == "" {
		return
	}
	if err := sim.Restore([]byte(v)); err != nil {
		c.a.log.Warn("twilio: restore demo account", "err", err)
	}
}

// keepDemo stores the simulated account whenever it changed, and once
// more when the app ends, for as long as sim is the one in use.
func (c *connection) keepDemo(sim *twiliotest.Server) {
	var last string
	tick := time.NewTicker(demoSaveEvery)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			c.saveDemo(sim, &last)
		case <-c.a.ctx.Done():
			c.saveDemo(sim, &last)
			sim.Close()
			return
		}
	}
}

// saveDemo stores sim's account when it differs from *last, the one
// stored before, and sim is still in use.
func (c *connection) saveDemo(sim *twiliotest.Server, last *string) {
	// Under the lock, so that leaving demo mode cannot come between the
	// check and the write and leave a stale account behind.
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sim != sim {
		return
	}
	b, err := sim.Snapshot()
	if err == nil && string(b) != *last {
		// Not c.a.ctx: the last save runs after it has ended.
		err = c.a.store.SetSetting(context.Background(), settingDemoState,
			string(b))
	}
	if err != nil {
		c.a.log.Warn("twilio: save demo account", "err", err)
		return
	}
	*last = string(b)
}

// forgetDemo drops the stored simulated account when demo mode ends.
func (c *connection) forgetDemo() {
	if err := c.a.store.SetSetting(c.a.ctx, settingDemoState, ""); err != nil {
		c.a.log.Warn("twilio: forget demo account", "err", err)
	}
}
