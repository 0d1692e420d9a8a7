package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// settingsScreen gathers the sections of Settings on one scrolling
// page.
type settingsScreen struct{ a *App }

func newSettingsScreen(a *App) *settingsScreen {
	return &settingsScreen{a: a}
}

func (s *settingsScreen) view() fyne.CanvasObject {
	about := widget.NewForm(
		widget.NewFormItem("Version", widget.NewLabel(s.a.version)),
		widget.NewFormItem("Database", selectable(s.a.store.Path())),
	)
	sections := container.NewVBox(
		newTwilioSection(s.a),
		newPricingSection(s.a),
		newContactsSection(s.a),
		widget.NewCard("About Nurture", "", about),
	)
	return container.NewVScroll(container.NewPadded(sections))
}

// selectable is read-only text the user can select and copy.
func selectable(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Selectable = true
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
