package flow

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/nurturesms/nurture/campaign"
)

func TestHistory_UndoRedo(t *testing.T) {
	var h History
	g0 := campaign.NewGraph()
	g1 := g0.Clone()
	g1.AddNode(campaign.KindEnd, 0, 0)

	h.Record(g0, "")
	got, ok := h.Undo(g1)
	if !ok || len(got.Nodes) != 1 {
		t.Fatalf("Undo = %d nodes, %v; want 1 node, true", len(got.Nodes), ok)
	}
	got, ok = h.Redo(got)
	if !ok || len(got.Nodes) != 2 {
		t.Fatalf("Redo = %d nodes, %v; want 2 nodes, true", len(got.Nodes), ok)
	}
	if h.CanRedo() {
		t.Error("CanRedo after redoing everything = true, want false")
	}
}

func TestHistory_KeyedChangesMerge(t *testing.T) {
	var h History
	g := campaign.NewGraph()
	h.Record(g, "wait:n1")
	h.Record(g, "wait:n1")
	h.Record(g, "wait:n1")
	h.Seal()
	h.Record(g, "wait:n1")
	h.Record(g, "")

	n := 0
	for h.CanUndo() {
		h.Undo(g)
		n++
	}
	if n != 3 {
		t.Errorf("undo steps = %d, want 3", n)
	}
}

func TestHistory_RecordForgetsRedo(t *testing.T) {
	var h History
	g := campaign.NewGraph()
	h.Record(g, "")
	h.Undo(g)
	h.Record(g, "")
	if h.CanRedo() {
		t.Error("CanRedo after a new change = true, want false")
	}
}

func TestModel_AddConnectUndoRedo(t *testing.T) {
	m := NewModel(campaign.NewGraph())
	id, err := m.AddNode(campaign.KindSend, fyne.NewPos(305, 213))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := m.Graph().Node(id)
	if n.X != 200 || n.Y != 160 {
		t.Errorf("new node at (%v,%v), want snapped (200,160)", n.X, n.Y)
	}
	if got := m.Selected(); !slices.Equal(got, []string{id}) {
		t.Errorf("selection after add = %v, want [%s]", got, id)
	}
	if err := m.Connect(campaign.StartID, campaign.PortNext, id); err != nil {
		t.Fatal(err)
	}

	m.Undo()
	if got := len(m.Graph().Edges); got != 0 {
		t.Errorf("edges after undo = %d, want 0", got)
	}
	m.Undo()
	if got := len(m.Graph().Nodes); got != 1 {
		t.Errorf("nodes after second undo = %d, want 1", got)
	}
	m.Redo()
	m.Redo()
	if got := len(m.Graph().Edges); got != 1 {
		t.Errorf("edges after redo = %d, want 1", got)
	}
}

func TestModel_ReadOnlyRefusesChanges(t *testing.T) {
	m := NewModel(campaign.NewGraph())
	m.ReadOnly = true
	if _, err := m.AddNode(campaign.KindEnd, fyne.NewPos(0, 0)); err == nil {
		t.Error("AddNode on a read-only model: err = nil, want an error")
	}
	m.Select(campaign.StartID)
	if got := m.DeleteSelected(); got != 0 {
		t.Errorf("DeleteSelected on read-only = %d, want 0", got)
	}
}

func TestModel_DeleteCopyPaste(t *testing.T) {
	m := NewModel(campaign.NewGraph())
	a, _ := m.AddNode(campaign.KindWait, fyne.NewPos(100, 300))
	b, _ := m.AddNode(campaign.KindEnd, fyne.NewPos(100, 500))
	if err := m.Connect(a, campaign.PortNext, b); err != nil {
		t.Fatal(err)
	}

	m.Select(a, b, campaign.StartID)
	if got := m.Copy(); got != 2 {
		t.Errorf("Copy = %d nodes, want 2 (Start is never copied)", got)
	}
	pasted := m.Paste()
	g := m.Graph()
	if len(pasted) != 2 || len(g.Nodes) != 5 || len(g.Edges) != 2 {
		t.Fatalf("after paste: %d pasted, %d nodes, %d edges; want 2, 5, 2",
			len(pasted), len(g.Nodes), len(g.Edges))
	}
	if got := m.Selected(); !slices.Equal(got, pasted) {
		t.Errorf("selection after paste = %v, want %v", got, pasted)
	}

	if got := m.DeleteSelected(); got != 2 {
		t.Errorf("DeleteSelected = %d, want 2", got)
	}
	if got := len(m.Graph().Nodes); got != 3 {
		t.Errorf("nodes after delete = %d, want 3", got)
	}
	if got := m.Selected(); len(got) != 0 {
		t.Errorf("selection after delete = %v, want none", got)
	}
}

func TestModel_DragMovesSelectionAndSnaps(t *testing.T) {
	m := NewModel(sampleGraph())
	m.Select("n1", "n2")

	// Press on n1's title, zoomed to 50%, and drag 22 pixels right: 44 units, snapped to 40.
	m.SetViewport(Viewport{Zoom: 0.5})
	start := m.Viewport().ToScreen(fyne.NewPos(100, 210))
	if k := m.Press(start, false); k != GestureMove {
		t.Fatalf("Press on a card = %v, want GestureMove", k)
	}
	m.DragTo(start.AddXY(12, 0))
	m.DragTo(start.AddXY(22, 0))
	if err := m.Release(); err != nil {
		t.Fatal(err)
	}

	wantAt(t, m.Graph(), map[string]fyne.Position{
		"n1": {X: 40, Y: 200}, "n2": {X: 340, Y: 200}, "start": {}})

	m.Undo()
	if n, _ := m.Graph().Node("n1"); n.X != 0 {
		t.Errorf("n1.X after undoing the move = %v, want 0", n.X)
	}
}

func TestModel_GestureByPlace(t *testing.T) {
	tests := []struct {
		name string
		at   fyne.Position
		band bool
		want GestureKind
	}{
		{"background pans", fyne.NewPos(250, 50), false, GesturePan},
		{"background with band selects", fyne.NewPos(250, 50), true,
			GestureBand},
		{"card moves", fyne.NewPos(100, 10), true, GestureMove},
		{"port connects", fyne.NewPos(100, 80), false, GestureConnect},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewModel(sampleGraph())
			if got := m.Press(tt.at, tt.band); got != tt.want {
				t.Errorf("Press = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestModel_ConnectByDrag(t *testing.T) {
	m := NewModel(sampleGraph())
	m.Press(fyne.NewPos(350, 280), false) // the Branch's Yes port
	m.DragTo(fyne.NewPos(100, 230))       // onto the Send SMS card
	if err := m.Release(); err != nil {
		t.Fatal(err)
	}
	want := []campaign.Edge{{From: "n2", Port: campaign.PortYes, To: "n1"}}
	if got := m.Graph().Edges; !slices.Equal(got, want) {
		t.Errorf("edges = %v, want %v", got, want)
	}

	m.Press(fyne.NewPos(100, 300), false) // Send SMS's port
	m.DragTo(fyne.NewPos(100, 10))        // onto Start
	if err := m.Release(); err == nil {
		t.Error("edge into Start: err = nil, want a refusal")
	}
}

func TestModel_PanAndBand(t *testing.T) {
	m := NewModel(sampleGraph())
	m.Press(fyne.NewPos(250, 50), false)
	m.DragTo(fyne.NewPos(260, 70))
	m.Release()
	if got, want := m.Viewport().Pan, fyne.NewPos(10, 20); got != want {
		t.Errorf("pan after drag = %v, want %v", got, want)
	}

	m.Press(fyne.NewPos(220, 160), true)
	m.DragTo(fyne.NewPos(700, 400))
	m.Release()
	if got, want := m.Selected(), []string{"n2"}; !slices.Equal(got, want) {
		t.Errorf("band selection = %v, want %v", got, want)
	}
}

func TestModel_Tap(t *testing.T) {
	m := NewModel(sampleGraph())
	m.Tap(fyne.NewPos(100, 10), false)
	m.Tap(fyne.NewPos(100, 210), true)
	if got, want := m.Selected(), []string{"start", "n1"}; !slices.Equal(got, want) {
		t.Errorf("after click and Ctrl+click = %v, want %v", got, want)
	}
	m.Tap(fyne.NewPos(100, 10), true)
	if got, want := m.Selected(), []string{"n1"}; !slices.Equal(got, want) {
		t.Errorf("after Ctrl+click again = %v, want %v", got, want)
	}
	m.Tap(fyne.NewPos(250, 50), false)
	if got := m.Selected(); len(got) != 0 {
		t.Errorf("after background click = %v, want none", got)
	}
}

func TestModel_DragEdgeOffDeletesIt(t *testing.T) {
	g := sampleGraph()
	if err := g.Connect("start", campaign.PortNext, "n1"); err != nil {
		t.Fatal(err)
	}
	m := NewModel(g)

	m.Press(fyne.NewPos(100, 80), false) // Start's output
	m.DragTo(fyne.NewPos(100, 210))      // over n1's card
	if got := m.target(); got != 1 {
		t.Errorf("target while over n1 = %d, want 1", got)
	}
	m.DragTo(fyne.NewPos(250, 120)) // over the background
	if got := m.target(); got != -1 {
		t.Errorf("target over the background = %d, want -1", got)
	}
	if err := m.Release(); err != nil {
		t.Fatal(err)
	}
	if got := m.Graph().Edges; len(got) != 0 {
		t.Errorf("edges after dragging the Edge off = %v, want none", got)
	}
	m.Undo()
	if got := len(m.Graph().Edges); got != 1 {
		t.Errorf("edges after undo = %d, want 1", got)
	}
}

func TestModel_NudgeAndSelectAll(t *testing.T) {
	m := NewModel(sampleGraph())
	m.SelectAll()
	if got := len(m.Selected()); got != 3 {
		t.Fatalf("SelectAll selected %d, want 3", got)
	}
	m.Select("n1", "n2")
	m.Nudge(1, -2)

	wantAt(t, m.Graph(), map[string]fyne.Position{
		"n1": {X: 20, Y: 160}, "n2": {X: 320, Y: 160}, "start": {}})
}

// wantAt checks that each Node stands where want says.
func wantAt(t *testing.T, g campaign.Graph, want map[string]fyne.Position) {
	t.Helper()
	for id, w := range want {
		n, _ := g.Node(id)
		if got := fyne.NewPos(n.X, n.Y); got != w {
			t.Errorf("%s at %v, want %v", id, got, w)
		}
	}
}

func TestModel_DeletingOnlyStartChangesNothing(t *testing.T) {
	m := NewModel(campaign.NewGraph())
	changes := 0
	m.OnChange = func() { changes++ }
	m.Select(campaign.StartID)
	if got := m.DeleteSelected(); got != 0 {
		t.Errorf("DeleteSelected = %d, want 0", got)
	}
	if changes != 0 || m.CanUndo() {
		t.Errorf("changes = %d, CanUndo = %v; want 0, false",
			changes, m.CanUndo())
	}
}

func TestModel_UndoDuringDragCancelsIt(t *testing.T) {
	m := NewModel(campaign.NewGraph())
	id, _ := m.AddNode(campaign.KindWait, fyne.NewPos(300, 300))
	n, _ := m.Graph().Node(id)

	at := fyne.NewPos(n.X+100, n.Y+10)
	if k := m.Press(at, false); k != GestureMove {
		t.Fatalf("Press = %v, want GestureMove", k)
	}
	m.Undo() // the card being dragged goes away
	m.DragTo(at.AddXY(40, 40))
	if err := m.Release(); err != nil {
		t.Fatal(err)
	}
	if got := len(m.Graph().Nodes); got != 1 {
		t.Errorf("nodes = %d, want 1", got)
	}
}
