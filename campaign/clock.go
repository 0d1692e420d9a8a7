package campaign

import "time"

// Clock tells the time. The runner and every rule that depends on "now"
// take a Clock, so tests can move time by hand.
type Clock interface {
	Now() time.Time
	// After waits for the duration to pass, like time.After.
	After(d time.Duration) <-chan time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns the current local time.
func (SystemClock) Now() time.Time { return time.Now() }

// After waits on the wall clock.
func (SystemClock) After(d time.Duration) <-chan time.Time {
	return time.After(d)
}
