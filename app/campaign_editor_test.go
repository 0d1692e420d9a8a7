package app

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/app/flow"
	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// editorBench is an editor on screen in a test app, over a real store
// holding one message and one new campaign.
type editorBench struct {
	a      *App
	e      *campaignEditor
	msg    campaign.Message
	closed bool
}

func newEditorBench(t *testing.T, state campaign.State) *editorBench {
	t.Helper()
	a := newTestApp(t)
	ctx := context.Background()
	msg, err := a.store.SaveMessage(ctx, campaign.Message{Name: "Welcome",
		Body: "Hi {{first_name|there}}, welcome to the studio!"})
	if err != nil {
		t.Fatalf("save message: %v", err)
	}
	c, err := a.store.SaveCampaign(ctx, campaign.Campaign{
		Name: "Onboarding", State: state, Graph: campaign.NewGraph()})
	if err != nil {
		t.Fatalf("save campaign: %v", err)
	}

	b := &editorBench{a: a, msg: msg}
	b.e = newCampaignEditor(a, c, func() { b.closed = true })
	a.win.SetContent(b.e.view())
	a.win.Resize(fyne.NewSize(1280, 1000))
	return b
}

// paletteItem finds the palette entry for kind k.
func (b *editorBench) paletteItem(t *testing.T,
	k campaign.NodeKind) *flow.PaletteItem {

	t.Helper()
	var found *flow.PaletteItem
	eachObject(b.e.obj, func(o fyne.CanvasObject) {
		if it, ok := o.(*flow.PaletteItem); ok && it.Kind == k {
			found = it
		}
	})
	if found == nil {
		t.Fatalf("no palette item for %s", k)
	}
	return found
}

// dropAt drags a step of kind k from the palette and drops it with its
// centre at p, in canvas units, and returns the new Node's ID.
func (b *editorBench) dropAt(t *testing.T, k campaign.NodeKind,
	p fyne.Position) string {

	t.Helper()
	before := len(b.e.canvas.Model().Graph().Nodes)
	item := b.paletteItem(t, k)
	drv := fyne.CurrentApp().Driver()
	target := drv.AbsolutePositionForObject(b.e.canvas).
		Add(b.e.canvas.Model().Viewport().ToScreen(p))
	rel := target.Subtract(drv.AbsolutePositionForObject(item))
	dragSteps(item, fyne.NewPos(20, 10), rel)

	if got := len(b.e.canvas.Model().Graph().Nodes); got != before+1 {
		t.Fatalf("nodes after dropping %s at %v = %d, want %d",
			k, p, got, before+1)
	}
	sel := b.e.canvas.Model().Selected()
	if len(sel) != 1 {
		t.Fatalf("after the drop %v is selected, want the new step", sel)
	}
	return sel[0]
}

// connect drags from the output port of from to the card of to.
func (b *editorBench) connect(t *testing.T, from, port, to string) {
	t.Helper()
	g := b.e.canvas.Model().Graph()
	src, _ := g.Node(from)
	dst, _ := g.Node(to)
	vp := b.e.canvas.Model().Viewport()
	a := vp.ToScreen(flow.PortPos(src, port))
	z := vp.ToScreen(fyne.NewPos(dst.X+100, dst.Y+12))
	dragSteps(b.e.canvas, a, z)
}

// dragSteps drags obj from a to z in four steps.
func dragSteps(obj fyne.Draggable, a, z fyne.Position) {
	flow.Drag(obj, a, z, 4)
}

// pickOnCard opens the dropdown on Send SMS card id and picks entry i.
func (b *editorBench) pickOnCard(t *testing.T, id string, i int) {
	t.Helper()
	n, _ := b.e.canvas.Model().Graph().Node(id)
	at := b.e.canvas.Model().Viewport().ToScreen(
		fyne.NewPos(n.X+100, n.Y+45))
	test.TapAt(b.e.canvas, at)
	var menu *widget.PopUpMenu
	eachObject(b.a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if m, ok := o.(*widget.PopUpMenu); ok {
			menu = m
		}
	})
	if menu == nil {
		t.Fatal("no message menu after a click on the card's dropdown")
	}
	test.Tap(menu.Items[i].(fyne.Tappable))
}

func TestCampaignEditor_BuildUndoSaveReload(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	m := b.e.canvas.Model()
	start, _ := m.Graph().Start()

	// Drag Send SMS under Start, connect it and choose its message.
	send := b.dropAt(t, campaign.KindSend,
		fyne.NewPos(start.X+100, start.Y+160))
	b.connect(t, start.ID, campaign.PortNext, send)
	b.pickOnCard(t, send, 0)

	n, _ := m.Graph().Node(send)
	if n.MessageID != b.msg.ID {
		t.Fatalf("Send SMS message = %d, want %d", n.MessageID, b.msg.ID)
	}

	// Add a Wait and a Branch below it.
	wait := b.dropAt(t, campaign.KindWait,
		fyne.NewPos(start.X+100, start.Y+320))
	b.connect(t, send, campaign.PortNext, wait)
	branch := b.dropAt(t, campaign.KindBranch,
		fyne.NewPos(start.X+100, start.Y+460))
	b.connect(t, wait, campaign.PortNext, branch)

	built := m.Graph()
	wantEdges := []campaign.Edge{
		{From: start.ID, Port: campaign.PortNext, To: send},
		{From: send, Port: campaign.PortNext, To: wait},
		{From: wait, Port: campaign.PortNext, To: branch},
	}
	if !reflect.DeepEqual(built.Edges, wantEdges) {
		t.Fatalf("edges = %v, want %v", built.Edges, wantEdges)
	}
	if !b.e.hasProblemOn(branch) {
		t.Error("the Branch with open outputs is not in the Problems list")
	}

	// Undo the last connection and the Branch, then redo both.
	typeShortcut(b.a, &fyne.ShortcutUndo{})
	typeShortcut(b.a, &fyne.ShortcutUndo{})
	if got := len(m.Graph().Nodes); got != 3 {
		t.Errorf("nodes after two undos = %d, want 3", got)
	}
	typeShortcut(b.a, &fyne.ShortcutRedo{})
	typeShortcut(b.a, ctrlShift(fyne.KeyZ))
	if got := m.Graph(); !reflect.DeepEqual(got, built) {
		t.Errorf("graph after redo differs:\n got %+v\nwant %+v", got, built)
	}

	// Save with Ctrl+S, reload from the store and compare.
	typeShortcut(b.a, ctrl(fyne.KeyS))
	if b.e.dirty {
		t.Error("editor still has unsaved changes after Ctrl+S")
	}
	stored, err := b.a.store.Campaign(context.Background(), b.e.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored.Graph, built) {
		t.Errorf("stored graph differs:\n got %+v\nwant %+v",
			stored.Graph, built)
	}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k,
		Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// hasProblemOn reports whether the Problems list names Node id.
func (e *campaignEditor) hasProblemOn(id string) bool {
	for _, p := range e.problems {
		if p.NodeID == id {
			return true
		}
	}
	return false
}

func TestCampaignEditor_ProblemClickSelectsNode(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	send := b.dropAt(t, campaign.KindSend, fyne.NewPos(700, 300))
	b.e.canvas.Model().Select()

	i := -1
	for j, p := range b.e.problems {
		if p.NodeID == send {
			i = j
		}
	}
	if i < 0 {
		t.Fatalf("no problem listed for the lone Send SMS: %v", b.e.problems)
	}
	b.e.probList.Select(i)
	if got := b.e.canvas.Model().Selected(); len(got) != 1 || got[0] != send {
		t.Errorf("selection after clicking the problem = %v, want [%s]",
			got, send)
	}
}

func TestCampaignEditor_SidePanelEditsWait(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	wait := b.dropAt(t, campaign.KindWait, fyne.NewPos(300, 300))

	amount := findEntry(t, b.e.panel, "1")
	amount.SetText("")
	test.Type(amount, "12")
	n, _ := b.e.canvas.Model().Graph().Node(wait)
	if n.Wait == nil || n.Wait.Amount != 12 {
		t.Fatalf("wait after typing 12 = %+v, want amount 12", n.Wait)
	}

	// Typing is one undo step: undo goes back to the default of 1.
	b.e.doUndo()
	n, _ = b.e.canvas.Model().Graph().Node(wait)
	if n.Wait.Amount != 1 {
		t.Errorf("amount after one undo = %d, want 1", n.Wait.Amount)
	}
}

func TestCampaignEditor_RunningIsLocked(t *testing.T) {
	b := newEditorBench(t, campaign.Running)
	if !b.e.canvas.Model().ReadOnly {
		t.Fatal("canvas of a running campaign is editable")
	}
	if len(b.e.lockNote.Objects) == 0 {
		t.Error("no note says the running campaign is locked")
	}
	if !b.e.arrangeBtn.Disabled() {
		t.Error("Arrange is enabled on a locked canvas")
	}

	b.e.canvas.Reveal(campaign.StartID)
	mode := panelWidget(t, b.e, first[*widget.Select])
	if !mode.Disabled() {
		t.Error("the Start step's audience can be changed while running")
	}

	item := b.paletteItem(t, campaign.KindEnd)
	dragSteps(item, fyne.NewPos(20, 10), fyne.NewPos(-600, 200))
	if got := len(b.e.canvas.Model().Graph().Nodes); got != 1 {
		t.Errorf("nodes after a drop on a locked canvas = %d, want 1", got)
	}
}

func TestCampaignEditor_Autosave(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	b.e.delay = 10 * time.Millisecond
	id := b.e.c.ID
	b.dropAt(t, campaign.KindEnd, fyne.NewPos(300, 300))

	// The test driver runs the save on the timer's goroutine, so the
	// editor is left alone here: only the store is read.
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		c, err := b.a.store.Campaign(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Graph.Nodes) == 2 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("the change was not saved by itself within 5 seconds")
}

func TestCampaignEditor_BackSavesAndCloses(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	b.dropAt(t, campaign.KindEnd, fyne.NewPos(300, 300))
	b.e.confirmLeave(b.e.close)
	if !b.closed {
		t.Fatal("editor did not close")
	}
	c, _ := b.a.store.Campaign(context.Background(), b.e.c.ID)
	if got := len(c.Graph.Nodes); got != 2 {
		t.Errorf("stored nodes after leaving = %d, want 2", got)
	}
}

// findEntry returns the entry in o's tree whose text is text.
func findEntry(t *testing.T, o fyne.CanvasObject, text string) *panelEntry {
	t.Helper()
	var found *panelEntry
	eachObject(o, func(obj fyne.CanvasObject) {
		if en, ok := obj.(*panelEntry); ok && en.Text == text {
			found = en
		}
	})
	if found == nil {
		t.Fatalf("no entry holding %q", text)
	}
	return found
}

// eachObject calls fn on o and everything under it. Unlike
// test.LaidOutObjects it reuses the widgets' renderers, so lists and
// the canvas keep the state they are drawn with.
func eachObject(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			eachObject(child, fn)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			eachObject(child, fn)
		}
	}
}

// BenchmarkCampaignEditor_Open200 measures opening a 200-node campaign
// in the editor: building the screen, checking the graph and fitting it.
func BenchmarkCampaignEditor_Open200(b *testing.B) {
	s, err := data.Open(filepath.Join(b.TempDir(), "nurture.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := New(Options{FyneApp: test.NewTempApp(b), Store: s})
	defer a.cancel()

	g := campaign.NewGraph()
	prev := campaign.StartID
	for len(g.Nodes) < 200 {
		k := campaign.KindSend
		if len(g.Nodes)%2 == 0 {
			k = campaign.KindWait
		}
		n, _ := g.AddNode(k, 0, 0)
		g.Connect(prev, campaign.PortNext, n.ID)
		prev = n.ID
	}
	campaign.Layout(&g)
	c := campaign.Campaign{ID: 1, Name: "Big", Graph: g}
	a.win.Resize(fyne.NewSize(1280, 800))

	b.ResetTimer()
	for b.Loop() {
		e := newCampaignEditor(a, c, nil)
		a.win.SetContent(e.view())
		e.hidden()
	}
}

func TestCampaignEditor_UnknownMergeFieldIsAProblem(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	ctx := context.Background()
	typo, err := b.a.store.SaveMessage(ctx, campaign.Message{
		Name: "Typo", Body: "Hi {{frist_name}}, see you soon"})
	if err != nil {
		t.Fatal(err)
	}
	b.e.reloadMessages()

	send := b.dropAt(t, campaign.KindSend, fyne.NewPos(200, 240))
	b.connect(t, campaign.StartID, campaign.PortNext, send)
	err = b.e.canvas.Model().Change("", func(g *campaign.Graph) error {
		for i := range g.Nodes {
			if g.Nodes[i].ID == send {
				g.Nodes[i].MessageID = typo.ID
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.e.validate()

	var text string
	for _, p := range b.e.problems {
		if p.NodeID == send && strings.Contains(p.Text, "frist_name") {
			text = p.Text
		}
	}
	if text == "" {
		t.Fatalf("no problem names the unknown field: %+v", b.e.problems)
	}
}
