package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowFatal shows a window that explains why Nurture cannot start, and
// runs until the user closes it.
func ShowFatal(fa fyne.App, message string) {
	w := fa.NewWindow("Nurture")
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", func() { w.Close() })
	quit.Importance = widget.HighImportance

	w.SetContent(container.NewPadded(container.NewBorder(
		container.NewHBox(widget.NewIcon(theme.ErrorIcon()),
			widget.NewLabelWithStyle("Nurture cannot start",
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewHBox(layoutSpacer(), quit), nil, nil, text)))
	w.Resize(fyne.NewSize(520, 220))
	w.ShowAndRun()
}

func layoutSpacer() fyne.CanvasObject {
	return container.NewStack()
}
