package flow

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/nurturesms/nurture/campaign"
)

// board is a canvas and its palette in a test window.
type board struct {
	w      fyne.Window
	canvas *Canvas
	items  map[campaign.NodeKind]*PaletteItem
}

func newBoard(t *testing.T, g campaign.Graph) *board {
	t.Helper()
	test.NewTempApp(t)
	c := NewCanvas(g)
	pal := NewPalette(c)
	b := &board{canvas: c, items: map[campaign.NodeKind]*PaletteItem{}}
	for _, o := range pal.Objects {
		if it, ok := o.(*PaletteItem); ok {
			b.items[it.Kind] = it
		}
	}
	b.w = test.NewWindow(container.NewBorder(nil, nil, nil, pal, c))
	b.w.Resize(fyne.NewSize(900, 600))
	t.Cleanup(b.w.Close)
	return b
}

// drag drags obj from a to b in three steps.
func drag(obj fyne.Draggable, a, b fyne.Position) { Drag(obj, a, b, 3) }

// toCanvas converts a point in window coordinates to canvas units.
func (b *board) toCanvas(p fyne.Position) fyne.Position {
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(b.canvas)
	return b.canvas.Model().Viewport().ToCanvas(p.Subtract(abs))
}

// screenOf returns where canvas point p is in b's canvas widget.
func (b *board) screenOf(p fyne.Position) fyne.Position {
	return b.canvas.Model().Viewport().ToScreen(p)
}

func TestPalette_DropAddsNodeWhereReleased(t *testing.T) {
	b := newBoard(t, campaign.NewGraph())
	b.canvas.Model().SetViewport(Viewport{Pan: fyne.NewPos(-40, 30),
		Zoom: 0.5})
	item := b.items[campaign.KindSend]

	// Drag from the item to a point over the canvas, left of the item.
	itemAbs := fyne.CurrentApp().Driver().AbsolutePositionForObject(item)
	target := fyne.NewPos(300, 400)
	item.Dragged(&fyne.DragEvent{
		PointEvent: fyne.PointEvent{Position: fyne.NewPos(10, 10)},
		Dragged:    fyne.NewDelta(-5, 0),
	})
	if !item.Dragging() {
		t.Fatal("no ghost card while dragging a palette item")
	}
	if got := len(b.w.Canvas().Overlays().List()); got != 1 {
		t.Errorf("overlays while dragging = %d, want 1", got)
	}
	rel := target.Subtract(itemAbs)
	item.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: rel}})
	item.DragEnd()

	if item.Dragging() || len(b.w.Canvas().Overlays().List()) != 0 {
		t.Error("ghost card still shown after the drop")
	}
	g := b.canvas.Model().Graph()
	if len(g.Nodes) != 2 || g.Nodes[1].Kind != campaign.KindSend {
		t.Fatalf("nodes after drop = %+v, want Start and a Send SMS", g.Nodes)
	}

	want := b.toCanvas(target)
	size := NodeSize(campaign.KindSend)
	n := g.Nodes[1]
	if got := fyne.NewPos(n.X+size.Width/2, n.Y+size.Height/2); !within(got, want, campaign.GridSize) {
		t.Errorf("dropped card centred at %v, want near %v", got, want)
	}
}

func TestPalette_DropOutsideCanvasAddsNothing(t *testing.T) {
	b := newBoard(t, campaign.NewGraph())
	item := b.items[campaign.KindWait]
	drag(item, fyne.NewPos(10, 10), fyne.NewPos(20, 15))
	if got := len(b.canvas.Model().Graph().Nodes); got != 1 {
		t.Errorf("nodes after a drop on the palette = %d, want 1", got)
	}
}

func TestCanvas_MessageDropdownOnCard(t *testing.T) {
	g := campaign.NewGraph()
	g.AddNode(campaign.KindSend, 200, 200)
	b := newBoard(t, g)
	b.canvas.SetMessages([]MessageChoice{
		{ID: 7, Name: "Welcome", Detail: "1 Segment"},
		{ID: 9, Name: "Reminder", Detail: "2 Segments"},
	})

	at := b.screenOf(fyne.NewPos(300, 245))
	test.TapAt(b.canvas, at)
	menu := b.canvas.menu
	if menu == nil || b.w.Canvas().Overlays().Top() == nil {
		t.Fatal("no message menu after a click on the dropdown")
	}
	test.Tap(menu.Items[1].(fyne.Tappable))

	n, _ := b.canvas.Model().Graph().Node("n1")
	if n.MessageID != 9 {
		t.Errorf("MessageID = %d, want 9", n.MessageID)
	}
	if got := b.canvas.look(n).choice; got != "Reminder" {
		t.Errorf("dropdown shows %q, want %q", got, "Reminder")
	}
}

func TestCanvas_ZoomedOutCardHasNoDropdown(t *testing.T) {
	g := campaign.NewGraph()
	g.AddNode(campaign.KindSend, 200, 200)
	b := newBoard(t, g)
	b.canvas.SetMessages([]MessageChoice{{ID: 7, Name: "Welcome"}})
	b.canvas.Model().SetViewport(Viewport{Zoom: detailZoom / 2})

	// Where the dropdown would be: the card shows only its title here,
	// so a click selects the card and opens nothing.
	at := b.screenOf(fyne.NewPos(300, 245))
	test.TapAt(b.canvas, at)
	if b.canvas.menu != nil || b.w.Canvas().Overlays().Top() != nil {
		t.Error("a click on a card showing only its title opened a menu")
	}
	if got, want := b.canvas.Model().Selected(), []string{"n1"}; !slices.
		Equal(got, want) {
		t.Errorf("selected %q, want %q", got, want)
	}

	b.canvas.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{
		Position: at}})
	if got := b.canvas.Cursor(); got != desktop.DefaultCursor {
		t.Errorf("cursor over the hidden dropdown = %v, want the default",
			got)
	}
}

func TestCanvas_DragConnectsAndDeleteKey(t *testing.T) {
	g := campaign.NewGraph()
	g.AddNode(campaign.KindWait, 200, 200)
	b := newBoard(t, g)
	start, _ := g.Start()

	from := b.screenOf(PortPos(start, campaign.PortNext))
	to := b.screenOf(fyne.NewPos(300, 220))
	drag(b.canvas, from, to)

	want := campaign.Edge{From: start.ID, Port: campaign.PortNext, To: "n1"}
	if got := b.canvas.Model().Graph().Edges; len(got) != 1 || got[0] != want {
		t.Fatalf("edges = %v, want [%v]", got, want)
	}

	test.TapAt(b.canvas, to)
	b.canvas.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if n, _ := b.canvas.Model().Graph().Node("n1"); n.X != 220 {
		t.Errorf("x after the Right key = %v, want 220", n.X)
	}
	b.canvas.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got := len(b.canvas.Model().Graph().Nodes); got != 1 {
		t.Errorf("nodes after Delete = %d, want 1", got)
	}
}

func TestCanvas_CtrlWheelZoomsShiftDragBands(t *testing.T) {
	b := newBoard(t, sampleGraph())
	c := b.canvas
	c.SetViewport(NewViewport())

	c.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 10)})
	if got := c.Model().Viewport().Zoom; got != 1 {
		t.Errorf("zoom after a plain wheel = %v, want 1", got)
	}
	c.KeyDown(&fyne.KeyEvent{Name: "LeftControl"})
	c.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 10)})
	c.KeyUp(&fyne.KeyEvent{Name: "LeftControl"})
	if got := c.Model().Viewport().Zoom; got != zoomStep {
		t.Errorf("zoom after Ctrl+wheel = %v, want %v", got, zoomStep)
	}

	c.SetViewport(NewViewport())
	c.KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
	drag(c, fyne.NewPos(150, 150), fyne.NewPos(700, 500))
	c.KeyUp(&fyne.KeyEvent{Name: "LeftShift"})
	if got := c.Model().Selected(); len(got) != 2 {
		t.Errorf("Shift+drag selected %v, want n1 and n2", got)
	}
}

func within(a, b fyne.Position, d float32) bool {
	dx, dy := a.X-b.X, a.Y-b.Y
	return dx*dx+dy*dy <= 2*d*d
}

func TestCanvas_OpensLargeCampaignReadableFromStart(t *testing.T) {
	g := bigGraph(t, 40)
	campaign.Layout(&g)
	b := newBoard(t, g)
	b.w.Resize(fyne.NewSize(1000, 700))

	vp := b.canvas.Model().Viewport()
	if vp.Zoom < detailZoom {
		t.Errorf("opened at zoom %v, below %v where cards lose their "+
			"details", vp.Zoom, detailZoom)
	}
	start, _ := g.Node(campaign.StartID)
	s := b.screenOf(fyne.NewPos(start.X+NodeWidth/2, start.Y))
	size := b.canvas.Size()
	if s.X < 0 || s.Y < 0 || s.X > size.Width || s.Y > size.Height {
		t.Errorf("Start drawn at %v, outside the canvas %v", s, size)
	}
}

func TestCanvas_FitsLoadedCampaignUntilUserMoves(t *testing.T) {
	g := bigGraph(t, 5)
	campaign.Layout(&g)
	b := newBoard(t, g)
	b.w.Resize(fyne.NewSize(1000, 700))

	min, max, _ := Bounds(g)
	size := b.canvas.Size()
	for _, p := range []fyne.Position{min, max} {
		s := b.screenOf(p)
		if s.X < 0 || s.Y < 0 || s.X > size.Width || s.Y > size.Height {
			t.Errorf("corner %v drawn at %v, outside the canvas %v", p, s, size)
		}
	}

	b.canvas.ZoomIn()
	zoom := b.canvas.Model().Viewport().Zoom
	b.w.Resize(fyne.NewSize(1100, 800))
	if got := b.canvas.Model().Viewport().Zoom; got != zoom {
		t.Errorf("zoom after the user zoomed and the window grew = %v, "+
			"want %v kept", got, zoom)
	}
}

func TestCanvas_CursorShowsWhatAPressWouldDo(t *testing.T) {
	b := newBoard(t, sampleGraph())
	c := b.canvas
	c.SetViewport(NewViewport())
	tests := []struct {
		name string
		at   fyne.Position
		want desktop.Cursor
	}{
		{"port", fyne.NewPos(100, 80), desktop.CrosshairCursor},
		{"dropdown", fyne.NewPos(100, 245), desktop.PointerCursor},
		{"card", fyne.NewPos(100, 10), desktop.DefaultCursor},
		{"background", fyne.NewPos(250, 50), desktop.DefaultCursor},
	}
	for _, tt := range tests {
		c.MouseMoved(&desktop.MouseEvent{
			PointEvent: fyne.PointEvent{Position: tt.at}})
		if got := c.Cursor(); got != tt.want {
			t.Errorf("%s: cursor = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCanvas_ContextMenuDeletesCard(t *testing.T) {
	b := newBoard(t, sampleGraph())
	c := b.canvas
	c.SetViewport(NewViewport())

	test.TapSecondaryAt(c, fyne.NewPos(100, 210)) // the Send SMS card
	if got := c.Model().Selected(); len(got) != 1 || got[0] != "n1" {
		t.Fatalf("selection after a right click = %v, want [n1]", got)
	}
	var del fyne.Tappable
	for i, it := range c.contextItems() {
		if it.Label == "Delete (Delete)" {
			del = c.menu.Items[i].(fyne.Tappable)
		}
	}
	if del == nil {
		t.Fatal("no Delete in the menu")
	}
	test.Tap(del)
	if _, ok := c.Model().Graph().Node("n1"); ok {
		t.Error("n1 still there after Delete from the menu")
	}
}

func TestCanvas_HidesCardsOutOfSight(t *testing.T) {
	g := campaign.NewGraph()
	far, _ := g.AddNode(campaign.KindEnd, 5000, 5000)
	b := newBoard(t, g)
	c := b.canvas
	c.SetViewport(NewViewport())

	card := c.r.cards[far.ID]
	if card.box.Visible() {
		t.Error("a card 5000 units away is drawn")
	}
	c.Reveal(far.ID)
	if !card.box.Visible() || !card.title.Visible() {
		t.Error("a card brought into view is still hidden")
	}
}
