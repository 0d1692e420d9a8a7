package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// activityScreen shows what was sent, most recent first.
type activityScreen struct{ a *App }

func newActivityScreen(a *App) *activityScreen {
	return &activityScreen{a: a}
}

func (s *activityScreen) view() fyne.CanvasObject {
	return emptyState(theme.HistoryIcon(), "Nothing sent yet",
		"When a campaign runs, every message it sends is listed here "+
			"with its delivery status.", nil)
}
