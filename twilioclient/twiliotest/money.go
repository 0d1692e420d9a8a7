package twiliotest

import (
	"fmt"
	"strconv"
	"strings"
)

// micros is an amount of money in millionths of the currency unit, so
// that charging 0.0079 per Segment adds up exactly.
type micros int64

// maxWhole keeps amounts far from overflowing micros.
const maxWhole = 1_000_000_000_000

// parseMicros reads a decimal string such as "20.00" or "-0.0079".
func parseMicros(s string) (micros, error) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if len(frac) > 6 {
		return 0, fmt.Errorf("amount %q has more than 6 decimals", s)
	}
	frac += strings.Repeat("0", 6-len(frac))

	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", s, err)
	}
	if w > maxWhole {
		return 0, fmt.Errorf("amount %q is too large", s)
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", s, err)
	}
	m := micros(w*1_000_000 + f)
	if neg {
		m = -m
	}
	return m, nil
}

// String formats with at least 2 and at most 6 decimals: "19.9921".
func (m micros) String() string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	frac := strings.TrimRight(fmt.Sprintf("%06d", m%1_000_000), "0")
	for len(frac) < 2 {
		frac += "0"
	}
	return fmt.Sprintf("%s%d.%s", sign, m/1_000_000, frac)
}
