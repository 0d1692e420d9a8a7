package flow

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/nurturesms/nurture/campaign"
)

// colors are the theme's colours and sizes as the canvas uses them,
// looked up once per refresh. Only theme colours are used, so the canvas
// follows light and dark.
type colors struct {
	bg, grid, card, border, selected color.Color
	err, warn, onBadge               color.Color
	fg, dim, input, port, edge, band color.Color
	start, send, wait, branch, end   color.Color
	text, small                      float32
}

func loadColors(th fyne.Theme) *colors {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	return &colors{
		bg:       c(theme.ColorNameBackground),
		grid:     faint(c(theme.ColorNameSeparator)),
		card:     c(theme.ColorNameMenuBackground),
		border:   c(theme.ColorNameInputBorder),
		selected: c(theme.ColorNamePrimary),
		err:      c(theme.ColorNameError),
		warn:     c(theme.ColorNameWarning),
		onBadge:  c(theme.ColorNameForegroundOnError),
		fg:       c(theme.ColorNameForeground),
		dim:      c(theme.ColorNamePlaceHolder),
		input:    c(theme.ColorNameInputBackground),
		port:     c(theme.ColorNamePrimary),
		edge:     c(theme.ColorNamePlaceHolder),
		band:     c(theme.ColorNameSelection),
		start:    c(theme.ColorNameSuccess),
		send:     c(theme.ColorNamePrimary),
		wait:     c(theme.ColorNamePlaceHolder),
		branch:   theme.PrimaryColorNamed(theme.ColorPurple),
		end:      c(theme.ColorNameForeground),
		text:     th.Size(theme.SizeNameText),
		small:    th.Size(theme.SizeNameCaptionText) + 1,
	}
}

// kind returns the colour of the strip on a card of kind k.
func (c *colors) kind(k campaign.NodeKind) color.Color {
	switch k {
	case campaign.KindStart:
		return c.start
	case campaign.KindSend:
		return c.send
	case campaign.KindWait:
		return c.wait
	case campaign.KindBranch:
		return c.branch
	}
	return c.end
}

// faint returns c at half its opacity, for lines that should recede.
func faint(c color.Color) color.Color {
	r, g, b, a := c.RGBA()
	return color.RGBA64{R: uint16(r / 2), G: uint16(g / 2),
		B: uint16(b / 2), A: uint16(a / 2)}
}
