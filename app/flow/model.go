// Package flow holds the campaign canvas: a widget that draws a
// campaign's graph as cards joined by arrows, and lets the user build it
// with the mouse and keyboard. The logic (coordinates, hit testing,
// gestures, selection, undo) lives in plain types such as Model, which
// tests drive without a window; the widgets only turn events into calls
// on them and draw the result.
package flow

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"

	"github.com/nurturesms/nurture/campaign"
)

// pasteOffset is how far each paste lands from the copied Nodes, in
// canvas units, so that pasted cards never hide the originals.
const pasteOffset = 2 * campaign.GridSize

// Model is the state behind the canvas: the graph being edited, the
// selection, the viewport, the clipboard and the undo history. Every
// change to the graph goes through a Model method, so every change can be
// undone.
type Model struct {
	graph    campaign.Graph
	view     Viewport
	selected map[string]bool
	history  History
	clip     campaign.Graph
	pastes   int
	gesture  gesture

	// ReadOnly refuses every change to the graph; selecting, panning and
	// zooming still work. A running campaign is shown this way.
	ReadOnly bool
	// OnChange is called after each change to the graph. During a drag
	// it is called once, when the drag ends.
	OnChange func()
	// OnSelect is called after the selection changes.
	OnSelect func()
}

// NewModel returns a Model editing a copy of g at 100% zoom.
func NewModel(g campaign.Graph) *Model {
	m := &Model{view: NewViewport(), selected: map[string]bool{}}
	m.graph = g.Clone()
	return m
}

// Graph returns a copy of the graph being edited.
func (m *Model) Graph() campaign.Graph { return m.graph.Clone() }

// graphRef returns the graph itself, for drawing; callers must not keep
// or change it.
func (m *Model) graphRef() *campaign.Graph { return &m.graph }

// SetGraph replaces the graph, clearing the selection and the history.
func (m *Model) SetGraph(g campaign.Graph) {
	m.graph = g.Clone()
	m.history.Clear()
	m.selected = map[string]bool{}
	m.notifySelect()
	m.notifyChange()
}

// Viewport returns how the canvas is panned and zoomed.
func (m *Model) Viewport() Viewport { return m.view }

// SetViewport pans and zooms the canvas, clamping the zoom.
func (m *Model) SetViewport(v Viewport) {
	v.Zoom = ClampZoom(v.zoom())
	m.view = v
}

// ZoomBy zooms by factor around at, a point in widget pixels.
func (m *Model) ZoomBy(factor float32, at fyne.Position) {
	m.view = m.view.ZoomAt(at, factor)
}

// FitTo pans and zooms so that every Node shows in a widget of size.
func (m *Model) FitTo(size fyne.Size) {
	min, max, ok := Bounds(m.graph)
	if !ok {
		m.view = NewViewport()
		return
	}
	m.view = Fit(min, max, size, 2*campaign.GridSize)
}

// OpenTo sets the view for a campaign just opened in a widget of size:
// the whole graph when its cards stay readable that way, else cards at
// the smallest readable zoom with the Start node at the top centre.
func (m *Model) OpenTo(size fyne.Size) {
	m.FitTo(size)
	if m.view.Zoom >= detailZoom {
		return
	}

	min, _, _ := Bounds(m.graph)
	x := min.X + NodeWidth/2
	if start, ok := m.graph.Node(campaign.StartID); ok {
		x = start.X + NodeWidth/2
	}
	z := detailZoom
	m.view = Viewport{Zoom: z, Pan: fyne.NewPos(size.Width/2-x*z,
		2*campaign.GridSize-min.Y*z)}
}

// CanUndo reports whether there is a change to undo.
func (m *Model) CanUndo() bool { return !m.ReadOnly && m.history.CanUndo() }

// CanRedo reports whether there is an undone change to redo.
func (m *Model) CanRedo() bool { return !m.ReadOnly && m.history.CanRedo() }

// Undo takes back the last change to the graph.
func (m *Model) Undo() bool { return m.step(m.history.Undo) }

// Redo makes the last undone change again.
func (m *Model) Redo() bool { return m.step(m.history.Redo) }

// step replaces the graph with the one a history move returns.
func (m *Model) step(move func(campaign.Graph) (campaign.Graph, bool)) bool {
	if m.ReadOnly {
		return false
	}
	g, ok := move(m.graph)
	if ok {
		m.gesture = gesture{} // a drag under way no longer fits the graph
		m.graph = g
		m.notifyChange()
	}
	return ok
}

// Change applies edit to the graph as one undoable step. Successive
// changes with the same non-empty key merge into one step, so typing a
// word into a setting is undone at once. An edit that returns an error
// leaves the graph as it was.
func (m *Model) Change(key string, edit func(g *campaign.Graph) error) error {
	if m.ReadOnly {
		return campaign.Errorf(campaign.EINVALID,
			"This campaign is running, so it can't be changed. "+
				"Pause it first.")
	}
	work := m.graph.Clone()
	if err := edit(&work); err != nil {
		return err
	}
	m.history.Record(m.graph, key)
	m.gesture = gesture{} // a drag under way no longer fits the graph
	m.graph = work
	m.notifyChange()
	return nil
}

// AddNode adds a Node of kind k centred on at, a point in canvas units,
// snapped to the grid, and selects it.
func (m *Model) AddNode(k campaign.NodeKind, at fyne.Position) (string, error) {
	size := NodeSize(k)
	x := campaign.Snap(at.X - size.Width/2)
	y := campaign.Snap(at.Y - size.Height/2)

	var id string
	err := m.Change("", func(g *campaign.Graph) error {
		n, err := g.AddNode(k, x, y)
		id = n.ID
		return err
	})
	if err != nil {
		return "", err
	}
	m.Select(id)
	return id, nil
}

// Connect joins the output port of Node from to Node to.
func (m *Model) Connect(from, port, to string) error {
	return m.Change("", func(g *campaign.Graph) error {
		return g.Connect(from, port, to)
	})
}

// DeleteSelected removes the selected Nodes and their edges, and returns
// how many went. The Start Node always stays, and deleting nothing adds
// no undo step.
func (m *Model) DeleteSelected() int {
	ids := m.Selected()
	removed := 0
	_ = m.Change("", func(g *campaign.Graph) error {
		removed = g.RemoveNodes(ids...)
		if removed == 0 {
			return errNothing
		}
		return nil
	})
	return removed
}

// errNothing aborts a change that would change nothing.
var errNothing = errors.New("nothing to change")

// Copy puts the selected Nodes and the edges between them on the
// canvas's clipboard, and returns how many Nodes it holds.
func (m *Model) Copy() int {
	m.clip = m.graph.Copy(m.Selected()...)
	m.pastes = 0
	return len(m.clip.Nodes)
}

// Paste adds a copy of the clipboard under fresh IDs, a little below and
// to the right of the last copy, and selects it.
func (m *Model) Paste() []string {
	if len(m.clip.Nodes) == 0 {
		return nil
	}
	m.pastes++
	d := float32(m.pastes) * pasteOffset

	var added []string
	err := m.Change("", func(g *campaign.Graph) error {
		added = g.Paste(m.clip, d, d)
		return nil
	})
	if err != nil {
		return nil
	}
	m.Select(added...)
	return added
}

// Select makes ids the selection. It also ends any run of typing merged
// into one undo step, so that editing another step undoes on its own.
func (m *Model) Select(ids ...string) {
	m.history.Seal()
	m.selected = make(map[string]bool, len(ids))
	for _, id := range ids {
		m.selected[id] = true
	}
	m.notifySelect()
}

// Toggle adds id to the selection, or takes it out if it was in.
func (m *Model) Toggle(id string) {
	if m.selected[id] {
		delete(m.selected, id)
	} else {
		m.selected[id] = true
	}
	m.notifySelect()
}

// IsSelected reports whether Node id is selected.
func (m *Model) IsSelected(id string) bool { return m.selected[id] }

// Selected returns the IDs of the selected Nodes in the graph's order.
func (m *Model) Selected() []string {
	var ids []string
	for _, n := range m.graph.Nodes {
		if m.selected[n.ID] {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

// notifyChange drops selected IDs that no longer exist and tells the
// listener.
func (m *Model) notifyChange() {
	before := len(m.selected)
	for id := range m.selected {
		if m.graph.Index(id) < 0 {
			delete(m.selected, id)
		}
	}
	if len(m.selected) != before {
		m.notifySelect()
	}
	if m.OnChange != nil {
		m.OnChange()
	}
}

func (m *Model) notifySelect() {
	if m.OnSelect != nil {
		m.OnSelect()
	}
}

// selectedIndexes returns the positions in the graph of the selected
// Nodes.
func (m *Model) selectedIndexes() []int {
	var idx []int
	for i, n := range m.graph.Nodes {
		if m.selected[n.ID] {
			idx = append(idx, i)
		}
	}
	return slices.Clip(idx)
}
