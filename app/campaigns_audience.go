package app

import (
	"context"
	"errors"
	"strconv"

	"github.com/nurturesms/nurture/campaign"
)

// countingText stands in a row's Audience column until its first count
// is done.
const countingText = "Counting…"

// countAudiences counts every listed campaign's audience in the
// background and shows the counts when all are done, unless the list
// was reloaded meanwhile. Behind the editor it counts nothing: closing
// the editor reloads the list.
func (s *campaignsScreen) countAudiences() {
	n := s.counts.Add(1)
	if len(s.rows) == 0 || s.editor != nil {
		return
	}
	list := make([]campaign.Campaign, len(s.rows))
	for i, r := range s.rows {
		list[i] = r.c
	}

	s.busy.Add(1)
	s.a.goSafe("counting campaign audiences", func() {
		defer s.busy.Done()
		texts := map[int64]string{}
		for _, c := range list {
			if s.counts.Load() != n {
				return
			}
			texts[c.ID] = s.audience(s.a.ctx, c)
		}
		s.a.do(func() {
			if s.counts.Load() != n {
				return
			}
			for i, r := range s.rows {
				if t, ok := texts[r.c.ID]; ok {
					s.rows[i].audience = t
				}
			}
			s.list.Refresh()
		})
	})
}

// audience describes how many contacts c's Start node takes in.
func (s *campaignsScreen) audience(ctx context.Context,
	c campaign.Campaign) string {

	start, ok := c.Graph.Start()
	if !ok {
		return "No Start"
	}
	n, err := s.a.store.AudienceSize(ctx, start.Audience)
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			s.a.log.Warn("campaigns: audience size", "campaign", c.ID,
				"err", err)
		}
		return "Unknown"
	}
	if n == 1 {
		return "1 contact"
	}
	return groupThousands(n) + " contacts"
}

// groupThousands writes n with commas: 12,345.
func groupThousands(n int) string {
	digits := strconv.Itoa(n)
	for i := len(digits) - 3; i > 0 && digits[i-1] != '-'; i -= 3 {
		digits = digits[:i] + "," + digits[i:]
	}
	return digits
}
