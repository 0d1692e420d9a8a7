package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newPricingSection is the Settings section for the price per segment.
func newPricingSection(a *App) fyne.CanvasObject {
	return widget.NewCard("Pricing", "", nil)
}
