package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newTwilioSection is the Settings section for the Twilio account.
func newTwilioSection(a *App) fyne.CanvasObject {
	return widget.NewCard("Twilio", "Not connected", nil)
}
