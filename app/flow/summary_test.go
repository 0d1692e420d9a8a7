package flow

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/nurturesms/nurture/campaign"
)

func TestWaitSummary_FitsOnTheCard(t *testing.T) {
	test.NewTempApp(t)
	pal := loadColors(theme.DefaultTheme())
	tests := []struct {
		w    campaign.Wait
		want string
	}{
		{campaign.Wait{Mode: campaign.WaitFor, Amount: 1,
			Unit: campaign.Days}, "For 1 day"},
		{campaign.Wait{Mode: campaign.WaitFor, Amount: 90,
			Unit: campaign.Minutes}, "For 90 minutes"},
		{campaign.Wait{Mode: campaign.WaitUntil, Weekday: 3,
			TimeOfDay: 23*60 + 59}, "Until Wednesday, 23:59"},
		{campaign.Wait{Mode: campaign.WaitUntil, Weekday: -1,
			TimeOfDay: 9*60 + 30}, "Until the next 09:30"},
	}
	for _, tt := range tests {
		got := WaitSummary(&tt.w)
		if got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
		// A Wait card has room for one line, as wide as a card's details.
		if shown := fit(got, NodeWidth-24, pal.small); shown != got {
			t.Errorf("%q shows as %q on a card at 100%%", got, shown)
		}
	}
}
