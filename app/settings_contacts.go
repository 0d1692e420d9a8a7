package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newContactsSection is the Settings section for contact defaults.
func newContactsSection(a *App) fyne.CanvasObject {
	return widget.NewCard("Contacts", "", nil)
}
