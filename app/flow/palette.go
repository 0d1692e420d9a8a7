package flow

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// PaletteKinds are the steps the palette offers, in its order. Start is
// not among them: a campaign has exactly one.
var PaletteKinds = []campaign.NodeKind{campaign.KindSend,
	campaign.KindWait, campaign.KindBranch, campaign.KindEnd}

// NewPalette returns the column of steps beside target. Dragging a step
// onto the canvas adds it where it is dropped; clicking one adds it in
// the middle of the view.
func NewPalette(target *Canvas) *fyne.Container {
	box := container.NewVBox(widget.NewLabelWithStyle("Steps",
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, k := range PaletteKinds {
		box.Add(NewPaletteItem(k, target))
	}
	return box
}

// PaletteItem is one step in the palette. Fyne has no drag and drop
// between widgets, so the item does it itself: while dragged it shows a
// ghost card that follows the pointer in window coordinates, and on
// release it converts the pointer to the canvas's coordinates and adds
// the Node there.
type PaletteItem struct {
	widget.BaseWidget
	Kind   campaign.NodeKind
	target *Canvas

	// ghost is the overlay that holds the ghost card during a drag.
	ghost *fyne.Container
	card  *canvas.Rectangle
	label *canvas.Text
	// at is the pointer's last position, in window coordinates.
	at fyne.Position
}

// NewPaletteItem returns the palette entry that adds Nodes of kind k to
// target.
func NewPaletteItem(k campaign.NodeKind, target *Canvas) *PaletteItem {
	p := &PaletteItem{Kind: k, target: target}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer draws the item as a small card.
func (p *PaletteItem) CreateRenderer() fyne.WidgetRenderer {
	r := &itemRenderer{p: p, box: &canvas.Rectangle{StrokeWidth: 1,
		CornerRadius: 4}, strip: &canvas.Rectangle{}}
	r.strip.SetMinSize(fyne.NewSize(6, 0))
	row := container.NewBorder(nil, nil, r.strip, nil,
		widget.NewLabel(Title(p.Kind)))
	r.stack = container.NewStack(r.box, row)
	r.Refresh()
	return r
}

// itemRenderer draws a PaletteItem, taking its colours afresh from the
// theme on every refresh so that it follows a switch to light or dark.
type itemRenderer struct {
	p          *PaletteItem
	box, strip *canvas.Rectangle
	stack      *fyne.Container
}

func (r *itemRenderer) Layout(s fyne.Size) { r.stack.Resize(s) }
func (r *itemRenderer) MinSize() fyne.Size { return r.stack.MinSize() }
func (r *itemRenderer) Destroy()           {}
func (r *itemRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.stack}
}

func (r *itemRenderer) Refresh() {
	pal := loadColors(r.p.Theme())
	r.box.FillColor, r.box.StrokeColor = pal.card, pal.border
	r.strip.FillColor = pal.kind(r.p.Kind)
	r.stack.Refresh()
}

// Tapped adds the step in the middle of the canvas's view.
func (p *PaletteItem) Tapped(*fyne.PointEvent) {
	s := p.target.Size()
	mid := p.target.model.view.ToCanvas(fyne.NewPos(s.Width/2, s.Height/2))
	p.add(mid)
}

// Dragged moves the ghost card with the pointer.
func (p *PaletteItem) Dragged(ev *fyne.DragEvent) {
	drv := fyne.CurrentApp().Driver()
	p.at = drv.AbsolutePositionForObject(p).Add(ev.Position)
	if p.ghost == nil {
		p.showGhost()
	}
	if p.ghost == nil {
		return
	}

	size := p.card.Size()
	at := p.at.Subtract(fyne.NewPos(size.Width/2, size.Height/2))
	p.card.Move(at)
	p.label.Move(at.AddXY(10, 6))
	p.ghost.Refresh()
}

// DragEnd removes the ghost and, when the pointer is over the canvas,
// adds the Node under it.
func (p *PaletteItem) DragEnd() {
	p.hideGhost()

	drv := fyne.CurrentApp().Driver()
	origin := drv.AbsolutePositionForObject(p.target)
	local := p.at.Subtract(origin)
	size := p.target.Size()
	if local.X < 0 || local.Y < 0 || local.X > size.Width ||
		local.Y > size.Height {
		return
	}
	p.add(p.target.model.view.ToCanvas(local))
}

// add adds a Node centred on at, in canvas units, and gives the canvas
// the keyboard so that Delete or Ctrl+Z act on it next.
func (p *PaletteItem) add(at fyne.Position) {
	if _, err := p.target.model.AddNode(p.Kind, at); err != nil {
		if p.target.OnError != nil {
			p.target.OnError(err)
		}
		return
	}
	p.target.focus()
}

// showGhost puts a card-sized outline on the window's overlays.
func (p *PaletteItem) showGhost() {
	cv := fyne.CurrentApp().Driver().CanvasForObject(p)
	if cv == nil || p.target.model.ReadOnly {
		return
	}
	pal := loadColors(p.Theme())
	z := p.target.model.view.zoom()
	size := NodeSize(p.Kind)

	p.card = &canvas.Rectangle{FillColor: pal.band,
		StrokeColor: pal.selected, StrokeWidth: 2, CornerRadius: 6 * z}
	p.card.Resize(fyne.NewSize(size.Width*z, size.Height*z))
	p.label = canvas.NewText(Title(p.Kind), pal.fg)
	p.label.TextStyle.Bold = true
	p.label.TextSize = textSize(theme.TextSize(), z)
	p.ghost = container.NewWithoutLayout(p.card, p.label)
	p.ghost.Resize(cv.Size())
	cv.Overlays().Add(p.ghost)
}

func (p *PaletteItem) hideGhost() {
	if p.ghost == nil {
		return
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(p); cv != nil {
		cv.Overlays().Remove(p.ghost)
	}
	p.ghost = nil
}

// Dragging reports whether a ghost card is on show, for tests.
func (p *PaletteItem) Dragging() bool { return p.ghost != nil }
