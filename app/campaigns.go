package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// campaignsScreen lists the campaigns.
type campaignsScreen struct{ a *App }

func newCampaignsScreen(a *App) *campaignsScreen {
	return &campaignsScreen{a: a}
}

func (s *campaignsScreen) view() fyne.CanvasObject {
	return emptyState(theme.MailSendIcon(), "No campaigns yet",
		"A campaign walks contacts through messages and waits. "+
			"Write a message first, then build a campaign around it.", nil)
}
