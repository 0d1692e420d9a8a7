package flow

import (
	"fyne.io/fyne/v2"

	"github.com/nurturesms/nurture/campaign"
)

// GestureKind says what a drag on the canvas is doing.
type GestureKind int

// The drags the canvas knows.
const (
	GestureNone    GestureKind = iota
	GesturePan                 // dragging the background moves the view
	GestureMove                // dragging a card moves the selected Nodes
	GestureConnect             // dragging from an output port draws an Edge
	GestureBand                // a rubber band selects the Nodes it touches
)

// gesture is the drag in progress. Points are in widget pixels.
type gesture struct {
	kind  GestureKind
	start fyne.Position
	last  fyne.Position

	// For GestureMove: the graph before the drag, for undo, and where
	// each moving Node (by index) started.
	before campaign.Graph
	origin map[int]fyne.Position
	moved  bool

	// For GestureConnect: the output port the Edge leaves from.
	from string
	port string
}

// Press starts a drag at p, in widget pixels. What the drag does depends
// on what lies under p: an output port starts an Edge, a card moves the
// selection (selecting the card first if needed), and the background pans
// the view, or draws a rubber band when band is true. A read-only canvas
// only pans and selects.
func (m *Model) Press(p fyne.Position, band bool) GestureKind {
	m.gesture = gesture{kind: GesturePan, start: p, last: p}
	hit := HitTest(m.graph, m.view.ToCanvas(p))

	switch {
	case hit.Kind == HitNone && band:
		m.gesture.kind = GestureBand
	case hit.Kind == HitNone || m.ReadOnly:
		if hit.Kind != HitNone {
			m.selectFor(m.graph.Nodes[hit.Node].ID)
		}
	case hit.Kind == HitPort:
		m.gesture.kind = GestureConnect
		m.gesture.from = m.graph.Nodes[hit.Node].ID
		m.gesture.port = hit.Port
	default:
		m.selectFor(m.graph.Nodes[hit.Node].ID)
		m.startMove()
	}
	return m.gesture.kind
}

// selectFor makes id the selection unless it is already part of it, so
// that dragging one of several selected cards moves them all.
func (m *Model) selectFor(id string) {
	if !m.selected[id] {
		m.Select(id)
	}
}

func (m *Model) startMove() {
	g := &m.gesture
	g.kind = GestureMove
	g.before = m.graph.Clone()
	g.origin = map[int]fyne.Position{}
	for _, i := range m.selectedIndexes() {
		n := m.graph.Nodes[i]
		g.origin[i] = fyne.NewPos(n.X, n.Y)
	}
}

// DragTo moves the drag in progress to p, in widget pixels. Moving cards
// snap to the grid as they go.
func (m *Model) DragTo(p fyne.Position) {
	g := &m.gesture
	switch g.kind {
	case GesturePan:
		m.view.Pan = m.view.Pan.Add(p.Subtract(g.last))
	case GestureMove:
		z := m.view.zoom()
		dx := (p.X - g.start.X) / z
		dy := (p.Y - g.start.Y) / z
		for i, o := range g.origin {
			n := &m.graph.Nodes[i]
			x, y := campaign.Snap(o.X+dx), campaign.Snap(o.Y+dy)
			if x != n.X || y != n.Y {
				n.X, n.Y = x, y
				g.moved = true
			}
		}
	}
	g.last = p
}

// Release ends the drag in progress: a move becomes one undoable step, an
// Edge joins the port to the card under the pointer, and a rubber band
// selects what it touches. The error says why an Edge was refused.
func (m *Model) Release() error {
	g := m.gesture
	m.gesture = gesture{}

	switch g.kind {
	case GestureMove:
		if m.movedFrom(g.before) {
			m.history.Record(g.before, "")
			m.notifyChange()
		}
	case GestureConnect:
		hit := HitTest(m.graph, m.view.ToCanvas(g.last))
		if hit.Kind == HitNone {
			return m.disconnect(g.from, g.port)
		}
		return m.Connect(g.from, g.port, m.graph.Nodes[hit.Node].ID)
	case GestureBand:
		a := m.view.ToCanvas(g.start)
		b := m.view.ToCanvas(g.last)
		m.Select(NodesIn(m.graph, a, b)...)
	}
	return nil
}

// disconnect removes the Edge on an output port, if it has one: dragging
// an Edge off into empty space is how the user deletes it.
func (m *Model) disconnect(from, port string) error {
	if _, ok := m.graph.Next(from, port); !ok {
		return nil
	}
	return m.Change("", func(g *campaign.Graph) error {
		g.Disconnect(from, port)
		return nil
	})
}

// target returns the index of the card a loose Edge would join if
// released now, or -1.
func (m *Model) target() int {
	g := m.gesture
	if g.kind != GestureConnect {
		return -1
	}
	hit := HitTest(m.graph, m.view.ToCanvas(g.last))
	if hit.Kind == HitNone || m.graph.Nodes[hit.Node].ID == g.from {
		return -1
	}
	return hit.Node
}

// Nudge moves the selected Nodes by dx, dy grid cells, as one undoable
// step.
func (m *Model) Nudge(dx, dy int) {
	ids := m.Selected()
	if len(ids) == 0 {
		return
	}
	_ = m.Change("", func(g *campaign.Graph) error {
		for _, id := range ids {
			n := g.Nodes[g.Index(id)]
			g.Move(id, n.X+float32(dx)*campaign.GridSize,
				n.Y+float32(dy)*campaign.GridSize)
		}
		return nil
	})
}

// SelectAll selects every Node.
func (m *Model) SelectAll() {
	ids := make([]string, len(m.graph.Nodes))
	for i, n := range m.graph.Nodes {
		ids[i] = n.ID
	}
	m.Select(ids...)
}

// movedFrom reports whether any Node stands elsewhere than in before.
func (m *Model) movedFrom(before campaign.Graph) bool {
	if len(before.Nodes) != len(m.graph.Nodes) {
		return true
	}
	for i, n := range m.graph.Nodes {
		b := before.Nodes[i]
		if n.X != b.X || n.Y != b.Y {
			return true
		}
	}
	return false
}

// Gesture returns the drag in progress and where it started and now is,
// in widget pixels, for drawing a rubber band or a loose Edge.
func (m *Model) Gesture() (k GestureKind, start, now fyne.Position) {
	return m.gesture.kind, m.gesture.start, m.gesture.last
}

// moving returns where each Node a drag is moving started, by index.
func (m *Model) moving() map[int]fyne.Position {
	if m.gesture.kind != GestureMove {
		return nil
	}
	return m.gesture.origin
}

// Tap handles a click at p, in widget pixels, and returns what was under
// it. A click on a card selects it; with toggle (Ctrl or Shift held) it
// adds the card to the selection or takes it out. A click on the
// background clears the selection unless toggle is held.
func (m *Model) Tap(p fyne.Position, toggle bool) Hit {
	hit := HitTest(m.graph, m.view.ToCanvas(p))
	if hit.Kind == HitNone {
		if !toggle && len(m.selected) > 0 {
			m.Select()
		}
		return hit
	}

	id := m.graph.Nodes[hit.Node].ID
	if toggle {
		m.Toggle(id)
	} else {
		m.Select(id)
	}
	return hit
}
