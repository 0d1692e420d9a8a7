package flow

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/nurturesms/nurture/campaign"
)

// minText is the smallest text the canvas draws, in pixels: below it the
// zoom hides a card's details instead of shrinking them further.
const minText float32 = 9

// detailZoom is the zoom below which cards show only their title.
const detailZoom float32 = 0.6

// cardView is the drawing of one Node: a rounded card with a coloured
// strip for its kind, a title, up to two lines of detail, a badge for
// its problems, and its ports.
type cardView struct {
	kind     campaign.NodeKind
	box      *canvas.Rectangle
	strip    *canvas.Rectangle
	title    *canvas.Text
	lines    [2]*canvas.Text
	badge    *canvas.Circle
	mark     *canvas.Text
	input    *canvas.Circle
	ports    []*canvas.Circle
	labels   []*canvas.Text
	dropdown *canvas.Rectangle
	choice   *canvas.Text
	arrow    *canvas.Image
	objects  []fyne.CanvasObject
}

// cardLook is what a card shows besides its Node's position.
type cardLook struct {
	title    string
	lines    []string
	choice   string // the dropdown's text, for Send SMS
	selected bool
	target   bool // a loose Edge would join this card if released
	errors   int
	warnings int
	// view is the widget's size: a card wholly outside it is hidden, so
	// that a large campaign zoomed in paints only what shows.
	view fyne.Size
}

func newCardView(k campaign.NodeKind) *cardView {
	v := &cardView{kind: k}
	v.box = &canvas.Rectangle{}
	v.strip = &canvas.Rectangle{}
	v.title = &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}}
	v.objects = []fyne.CanvasObject{v.box, v.strip, v.title}
	for i := range v.lines {
		v.lines[i] = &canvas.Text{}
		v.objects = append(v.objects, v.lines[i])
	}

	if k == campaign.KindSend {
		v.dropdown = &canvas.Rectangle{}
		v.choice = &canvas.Text{}
		v.arrow = canvas.NewImageFromResource(theme.MenuDropDownIcon())
		v.objects = append(v.objects, v.dropdown, v.choice, v.arrow)
	}
	if HasInput(k) {
		v.input = &canvas.Circle{}
		v.objects = append(v.objects, v.input)
	}
	for _, port := range campaign.Ports(k) {
		c := &canvas.Circle{}
		v.ports = append(v.ports, c)
		v.objects = append(v.objects, c)
		if port != campaign.PortNext {
			label := &canvas.Text{Text: portLabel(port)}
			v.labels = append(v.labels, label)
			v.objects = append(v.objects, label)
		}
	}

	v.badge = &canvas.Circle{}
	v.mark = &canvas.Text{Text: "!", TextStyle: fyne.TextStyle{Bold: true},
		Alignment: fyne.TextAlignCenter}
	v.objects = append(v.objects, v.badge, v.mark)
	return v
}

func portLabel(port string) string {
	if port == campaign.PortYes {
		return "Yes"
	}
	return "No"
}

// layout places and colours the card for Node n under viewport vp.
func (v *cardView) layout(n campaign.Node, vp Viewport, look cardLook,
	pal *colors) {

	z := vp.zoom()
	size := NodeSize(n.Kind)
	pos := vp.ToScreen(fyne.NewPos(n.X, n.Y))
	px := func(x, y float32) fyne.Position {
		return fyne.NewPos(pos.X+x*z, pos.Y+y*z)
	}
	if !v.visible(pos, size, z, look.view) {
		return
	}

	v.box.Move(pos)
	v.box.Resize(fyne.NewSize(size.Width*z, size.Height*z))
	v.box.CornerRadius = 6 * z
	v.box.FillColor = pal.card
	v.box.StrokeColor = pal.border
	v.box.StrokeWidth = 1
	switch {
	case look.target:
		v.box.StrokeColor = pal.selected
		v.box.StrokeWidth = 4
	case look.selected:
		v.box.StrokeColor = pal.selected
		v.box.StrokeWidth = 3
	case look.errors > 0:
		v.box.StrokeColor = pal.err
		v.box.StrokeWidth = 2
	case look.warnings > 0:
		v.box.StrokeColor = pal.warn
		v.box.StrokeWidth = 2
	}

	v.strip.Move(px(0, 0))
	v.strip.Resize(fyne.NewSize(6*z, size.Height*z))
	v.strip.FillColor = pal.kind(n.Kind)
	v.strip.TopLeftCornerRadius = 6 * z
	v.strip.BottomLeftCornerRadius = 6 * z

	detail := z >= detailZoom
	titleSize := textSize(pal.text, z)
	setText(v.title, look.title, titleSize, pal.fg, size.Width-40, z)
	v.title.Move(px(14, 6))
	if !detail {
		// Only the title shows: centre it, whatever its clamped size.
		y := (size.Height*z - titleSize*1.4) / 2
		v.title.Move(fyne.NewPos(pos.X+14*z, pos.Y+y))
	}

	for i, t := range v.lines {
		s := ""
		if detail && i < len(look.lines) {
			s = look.lines[i]
		}
		setText(t, s, textSize(pal.small, z), pal.dim, size.Width-24, z)
	}
	v.lines[0].Move(px(14, 32))
	v.lines[1].Move(px(14, 52))
	if v.kind == campaign.KindSend {
		v.lines[0].Move(px(14, 66))
		v.layoutDropdown(px, z, look.choice, detail, pal)
	}

	v.layoutPorts(n, vp, pal, detail)
	v.layoutBadge(px, z, size, look, pal)
}

// visible shows the card when any of it, ports included, falls within
// a widget of size view, and hides it otherwise. A zero view shows all.
func (v *cardView) visible(pos fyne.Position, size fyne.Size, z float32,
	view fyne.Size) bool {

	margin := 2 * portReach * z
	out := view.Width > 0 && (pos.X > view.Width ||
		pos.Y > view.Height+margin ||
		pos.X+size.Width*z < 0 || pos.Y+size.Height*z+margin < 0)
	for _, o := range v.objects {
		if out {
			o.Hide()
		} else {
			o.Show()
		}
	}
	return !out
}

func (v *cardView) layoutDropdown(px func(x, y float32) fyne.Position,
	z float32, choice string, detail bool, pal *colors) {

	at, size := dropdownRect()
	v.dropdown.Move(px(at.X, at.Y))
	v.dropdown.Resize(fyne.NewSize(size.Width*z, size.Height*z))
	v.dropdown.FillColor = pal.input
	v.dropdown.StrokeColor = pal.border
	v.dropdown.StrokeWidth = 1
	v.dropdown.CornerRadius = 4 * z

	if !detail {
		v.dropdown.Hide()
		v.arrow.Hide()
		v.choice.Hide()
		return
	}
	v.dropdown.Show()
	v.arrow.Show()
	v.choice.Show()
	setText(v.choice, choice, textSize(pal.small, z), pal.fg,
		size.Width-36, z)
	v.choice.Move(px(at.X+8, at.Y+5))

	icon := 20 * z
	v.arrow.Move(px(at.X+size.Width-24, at.Y+4))
	v.arrow.Resize(fyne.NewSquareSize(icon))
}

func (v *cardView) layoutPorts(n campaign.Node, vp Viewport, pal *colors,
	detail bool) {

	z := vp.zoom()
	r := portRadius * z
	dot := func(c *canvas.Circle, at fyne.Position) {
		c.Move(at.SubtractXY(r, r))
		c.Resize(fyne.NewSquareSize(2 * r))
		c.FillColor = pal.card
		c.StrokeColor = pal.port
		c.StrokeWidth = 2
	}

	if v.input != nil {
		dot(v.input, vp.ToScreen(InputPos(n)))
	}
	li := 0
	for i, port := range campaign.Ports(n.Kind) {
		at := vp.ToScreen(PortPos(n, port))
		dot(v.ports[i], at)
		v.ports[i].FillColor = pal.port
		if port == campaign.PortNext {
			continue
		}
		label := v.labels[li]
		li++
		label.Hidden = !detail
		restyle(label, textSize(pal.small, z), pal.dim)
		w := label.MinSize().Width
		label.Move(fyne.NewPos(at.X-w/2, at.Y-r-label.TextSize*1.5))
	}
}

func (v *cardView) layoutBadge(px func(x, y float32) fyne.Position,
	z float32, size fyne.Size, look cardLook, pal *colors) {

	if look.errors == 0 && look.warnings == 0 {
		v.badge.Hide()
		v.mark.Hide()
		return
	}
	v.badge.Show()
	v.mark.Show()
	v.badge.FillColor = pal.warn
	if look.errors > 0 {
		v.badge.FillColor = pal.err
	}
	d := 18 * z
	v.badge.Move(px(size.Width-26, 6))
	v.badge.Resize(fyne.NewSquareSize(d))
	restyle(v.mark, textSize(pal.small, z), pal.onBadge)
	v.mark.Move(px(size.Width-26, 6))
	v.mark.Resize(fyne.NewSize(d, d))
}

// textSize scales base by the zoom, but never below minText.
func textSize(base, z float32) float32 {
	s := base * z
	if s < minText {
		return minText
	}
	return s
}

// setText sets t's text, shortened with an ellipsis to fit width canvas
// units at zoom z, and refreshes t only when something changed, since a
// changed text costs a new texture.
func setText(t *canvas.Text, s string, size float32, c color.Color,
	width, z float32) {

	s = fit(s, width*z, size)
	if t.Text != s {
		t.Text = s
		t.Refresh()
	}
	restyle(t, size, c)
}

// restyle sets the size and colour of a text that keeps its words,
// refreshing it only when they change.
func restyle(t *canvas.Text, size float32, c color.Color) {
	if t.TextSize != size || t.Color != c {
		t.TextSize, t.Color = size, c
		t.Refresh()
	}
}

// fit shortens s so that it fits about width pixels at text size size.
// It estimates instead of measuring: measuring every card's text on
// every zoom step would cost more than a frame.
func fit(s string, width, size float32) string {
	max := int(width / (size * 0.55))
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	if max < 2 {
		return ""
	}
	return strings.TrimSpace(string(r[:max-1])) + "…"
}
