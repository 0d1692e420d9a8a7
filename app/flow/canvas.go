package flow

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// zoomStep is how much one zoom key press or wheel notch zooms.
const zoomStep float32 = 1.2

// MessageChoice is a saved message as the Send SMS dropdown offers it.
// Detail is a short line such as "2 Segments, up to $0.02".
type MessageChoice struct {
	ID     int64
	Name   string
	Detail string
}

// Canvas is the campaign canvas widget. It draws a Model and turns mouse
// and keyboard events into calls on it:
//   - drag a card to move it (with the other selected cards);
//   - drag from an output port to a card to connect them, or into
//     empty space to remove the port's Edge;
//   - drag the background to pan, or Shift+drag (or any drag while
//     BandSelect is on) to select with a rubber band;
//   - click to select, Ctrl+click or Shift+click to add or remove;
//   - Ctrl+wheel zooms around the pointer, the wheel alone pans;
//   - a right click opens a menu of what applies there;
//   - Delete or Backspace deletes the selection, Escape clears it, and
//     the arrow keys move it a grid cell.
type Canvas struct {
	widget.BaseWidget

	model    *Model
	messages []MessageChoice
	byID     map[int64]MessageChoice
	marks    map[string][2]int // errors and warnings per Node
	dragging bool
	// mods are the modifier keys known held: from the last press, and
	// from key events while the canvas has focus.
	pressMods fyne.KeyModifier
	keyMods   fyne.KeyModifier
	r         *renderer
	menu      *widget.PopUpMenu // the menu last opened on the canvas
	// hover is what the pointer is over, for the cursor.
	hover HitKind
	// fitPending makes each layout fit the campaign in view, until the
	// user pans or zooms: the first sizes a window gets are not its last.
	fitPending bool

	// BandSelect makes a background drag draw a rubber band instead of
	// panning; Shift swaps the two.
	BandSelect bool
	// OnChange is called after each change to the graph.
	OnChange func()
	// OnSelect is called after the selection changes.
	OnSelect func()
	// OnZoom is called after the zoom changes.
	OnZoom func()
	// OnError is called when the user asks for something the graph's
	// rules refuse, such as an Edge into Start.
	OnError func(error)
}

// NewCanvas returns a canvas editing a copy of g.
func NewCanvas(g campaign.Graph) *Canvas {
	c := &Canvas{model: NewModel(g), marks: map[string][2]int{},
		fitPending: len(g.Nodes) > 1}
	c.model.OnChange = func() {
		c.Refresh()
		if c.OnChange != nil {
			c.OnChange()
		}
	}
	c.model.OnSelect = func() {
		c.Refresh()
		if c.OnSelect != nil {
			c.OnSelect()
		}
	}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer returns the canvas's renderer. There is only ever one,
// since drags update it directly: asked again, it returns the same.
func (c *Canvas) CreateRenderer() fyne.WidgetRenderer {
	if c.r == nil {
		c.r = newRenderer(c)
	}
	return c.r
}

// Model returns the state behind the canvas. The canvas uses the
// Model's OnChange and OnSelect itself: set the canvas's instead.
func (c *Canvas) Model() *Model { return c.model }

// SetMessages sets the saved messages the Send SMS dropdown offers.
func (c *Canvas) SetMessages(msgs []MessageChoice) {
	c.messages = msgs
	c.byID = make(map[int64]MessageChoice, len(msgs))
	for _, m := range msgs {
		c.byID[m.ID] = m
	}
	c.Refresh()
}

// SetProblems sets the problems to badge on the cards.
func (c *Canvas) SetProblems(ps []campaign.Problem) {
	c.marks = map[string][2]int{}
	for _, p := range ps {
		if p.NodeID == "" {
			continue
		}
		m := c.marks[p.NodeID]
		if p.Severity == campaign.SeverityError {
			m[0]++
		} else {
			m[1]++
		}
		c.marks[p.NodeID] = m
	}
	c.Refresh()
}

// look returns what the card for n shows.
func (c *Canvas) look(n campaign.Node) cardLook {
	marks := c.marks[n.ID]
	l := cardLook{
		title:    Title(n.Kind),
		lines:    Summary(n),
		selected: c.model.IsSelected(n.ID),
		errors:   marks[0],
		warnings: marks[1],
	}
	if n.Kind == campaign.KindSend {
		l.choice = "Choose a message"
		if m, ok := c.byID[n.MessageID]; ok {
			l.choice = m.Name
			l.lines = []string{m.Detail}
		} else if n.MessageID != 0 {
			l.choice = "Message not found"
		}
	}
	return l
}

// ZoomIn zooms in around the middle of the canvas.
func (c *Canvas) ZoomIn() { c.zoomCentre(zoomStep) }

// ZoomOut zooms out around the middle of the canvas.
func (c *Canvas) ZoomOut() { c.zoomCentre(1 / zoomStep) }

// SetViewport pans and zooms the canvas to v.
func (c *Canvas) SetViewport(v Viewport) {
	c.fitPending = false
	c.model.SetViewport(v)
	c.Refresh()
	c.zoomed()
}

func (c *Canvas) zoomCentre(f float32) {
	c.fitPending = false
	s := c.Size()
	c.model.ZoomBy(f, fyne.NewPos(s.Width/2, s.Height/2))
	c.Refresh()
	c.zoomed()
}

func (c *Canvas) zoomed() {
	if c.OnZoom != nil {
		c.OnZoom()
	}
}

// Fit pans and zooms so that the whole campaign shows.
func (c *Canvas) Fit() {
	c.fitPending = false
	c.model.FitTo(c.Size())
	c.Refresh()
	c.zoomed()
}

// Zoom returns the zoom as a percentage, for a label.
func (c *Canvas) Zoom() string {
	return fmt.Sprintf("%.0f%%", c.model.view.zoom()*100)
}

// Tapped selects what was clicked, and opens the message dropdown when
// the click was on one.
func (c *Canvas) Tapped(ev *fyne.PointEvent) {
	c.focus()
	mods := c.mods()
	c.pressMods = 0
	toggle := mods&(fyne.KeyModifierShift|fyne.KeyModifierShortcutDefault) != 0
	hit := c.model.Tap(ev.Position, toggle)
	c.Refresh()

	if hit.Kind == HitDropdown && !c.model.ReadOnly && c.detailed() {
		c.showMessageMenu(c.model.graph.Nodes[hit.Node].ID, ev)
	}
}

// detailed reports whether cards show their details, the message
// dropdown among them. Zoomed out further, a card shows only its title,
// and a click anywhere on it just selects it.
func (c *Canvas) detailed() bool {
	return c.model.view.zoom() >= detailZoom
}

// MouseDown remembers the modifier keys held, for the drag or click
// that follows.
func (c *Canvas) MouseDown(ev *desktop.MouseEvent) {
	c.pressMods = ev.Modifier
}

// MouseUp does nothing; Tapped and DragEnd finish the gesture.
func (c *Canvas) MouseUp(*desktop.MouseEvent) {}

// Dragged starts a gesture on the first step of a drag and moves it on
// every step.
func (c *Canvas) Dragged(ev *fyne.DragEvent) {
	if !c.dragging {
		c.dragging = true
		c.fitPending = false
		start := ev.Position.Subtract(ev.Dragged)
		band := c.BandSelect != (c.mods()&fyne.KeyModifierShift != 0)
		c.model.Press(start, band)
		c.focus()
		if c.r != nil {
			c.r.layoutAll()
		}
	}
	c.model.DragTo(ev.Position)
	if c.r != nil {
		c.r.refreshDrag()
	}
}

// DragEnd finishes the gesture.
func (c *Canvas) DragEnd() {
	c.dragging = false
	c.pressMods = 0
	err := c.model.Release()
	c.Refresh()
	if err != nil && c.OnError != nil {
		c.OnError(err)
	}
}

// Scrolled zooms around the pointer when Ctrl is held, and pans
// otherwise.
func (c *Canvas) Scrolled(ev *fyne.ScrollEvent) {
	c.fitPending = false
	if c.mods()&fyne.KeyModifierShortcutDefault != 0 {
		f := zoomStep
		if ev.Scrolled.DY < 0 {
			f = 1 / zoomStep
		}
		c.model.ZoomBy(f, ev.Position)
		c.zoomed()
	} else {
		c.model.view.Pan = c.model.view.Pan.Add(
			fyne.NewPos(ev.Scrolled.DX, ev.Scrolled.DY))
	}
	c.Refresh()
}

// mods returns the modifier keys held now, as well as it can tell.
func (c *Canvas) mods() fyne.KeyModifier {
	m := c.pressMods | c.keyMods
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		m |= d.CurrentKeyModifiers()
	}
	return m
}

func (c *Canvas) focus() {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
}
