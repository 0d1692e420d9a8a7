package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// emptyState is what a screen shows before it has anything to list: an
// icon, a title, a sentence on what to do, and optionally the button
// that does it.
func emptyState(icon fyne.Resource, title, detail string,
	action *widget.Button) fyne.CanvasObject {

	img := widget.NewIcon(icon)
	sized := container.NewGridWrap(fyne.NewSquareSize(64), img)

	heading := widget.NewLabelWithStyle(title, fyne.TextAlignCenter,
		fyne.TextStyle{Bold: true})
	body := widget.NewLabelWithStyle(detail, fyne.TextAlignCenter,
		fyne.TextStyle{})
	body.Wrapping = fyne.TextWrapWord

	items := []fyne.CanvasObject{container.NewCenter(sized), heading, body}
	if action != nil {
		action.Importance = widget.HighImportance
		items = append(items, container.NewCenter(action))
	}
	box := container.NewVBox(items...)
	return container.NewCenter(container.NewGridWrap(
		fyne.NewSize(420, box.MinSize().Height), box))
}

// canvasRect is a rectangle in a faint shade of a theme colour, for
// backgrounds behind text.
func canvasRect(name fyne.ThemeColorName) *canvas.Rectangle {
	c := theme.Color(name)
	r, g, b, _ := c.RGBA()
	faint := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8),
		B: uint8(b >> 8), A: 0x40}
	return canvas.NewRectangle(faint)
}
