package flow

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/nurturesms/nurture/campaign"
)

// bigGraph returns a campaign of n Nodes: a chain of Send SMS and Wait
// steps with a Branch every tenth step whose No side ends.
func bigGraph(tb testing.TB, n int) campaign.Graph {
	tb.Helper()
	g := campaign.NewGraph()
	prev, port := campaign.StartID, campaign.PortNext
	for len(g.Nodes) < n {
		k := campaign.KindSend
		switch {
		case len(g.Nodes)%10 == 0:
			k = campaign.KindBranch
		case len(g.Nodes)%2 == 0:
			k = campaign.KindWait
		}
		node, _ := g.AddNode(k, 0, 0)
		if err := g.Connect(prev, port, node.ID); err != nil {
			tb.Fatal(err)
		}
		prev, port = node.ID, campaign.PortNext
		if k == campaign.KindBranch {
			end, _ := g.AddNode(campaign.KindEnd, 0, 0)
			g.Connect(node.ID, campaign.PortNo, end.ID)
			port = campaign.PortYes
		}
	}
	return g
}

// BenchmarkCanvas_Load200 measures loading a 200-node campaign into the
// canvas: laying the graph out, building every card and fitting the view.
func BenchmarkCanvas_Load200(b *testing.B) {
	test.NewTempApp(b)
	g := bigGraph(b, 200)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1200, 800))
	defer w.Close()

	b.ResetTimer()
	for b.Loop() {
		work := g.Clone()
		campaign.Layout(&work)
		c := NewCanvas(work)
		w.SetContent(c)
		c.Fit()
	}
}

// BenchmarkCanvas_DragStep200 measures one step of dragging a card on a
// 200-node campaign: the Dragged handler and the redraw it causes.
func BenchmarkCanvas_DragStep200(b *testing.B) {
	c := benchCanvas(b)
	n := c.Model().graph.Nodes[5]
	at := c.Model().Viewport().ToScreen(fyne.NewPos(n.X+100, n.Y+10))
	benchDrag(b, c, at, GestureMove, nil)
}

// BenchmarkCanvas_DragStepFullRefresh200 measures a drag step followed
// by a full refresh of the widget, which re-syncs and places every card
// and Edge: an upper bound for a step, should a partial redraw not do.
func BenchmarkCanvas_DragStepFullRefresh200(b *testing.B) {
	c := benchCanvas(b)
	n := c.Model().graph.Nodes[5]
	at := c.Model().Viewport().ToScreen(fyne.NewPos(n.X+100, n.Y+10))
	benchDrag(b, c, at, GestureMove, c.Refresh)
}

// BenchmarkCanvas_PanStep200 measures one step of panning a 200-node
// campaign, which moves every card.
func BenchmarkCanvas_PanStep200(b *testing.B) {
	c := benchCanvas(b)
	benchDrag(b, c, fyne.NewPos(5, 5), GesturePan, nil)
}

func benchCanvas(b *testing.B) *Canvas {
	b.Helper()
	test.NewTempApp(b)
	g := bigGraph(b, 200)
	campaign.Layout(&g)
	c := NewCanvas(g)
	w := test.NewWindow(c)
	w.Resize(fyne.NewSize(1200, 800))
	b.Cleanup(w.Close)
	return c
}

// benchDrag times drag steps on c from at, each followed by after when
// it is set.
func benchDrag(b *testing.B, c *Canvas, at fyne.Position, want GestureKind,
	after func()) {

	b.Helper()
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}})
	if k, _, _ := c.Model().Gesture(); k != want {
		b.Fatalf("gesture = %v, want %v", k, want)
	}
	b.ResetTimer()
	step := float32(3)
	for b.Loop() {
		at = at.AddXY(step, step)
		step = -step
		c.Dragged(&fyne.DragEvent{
			PointEvent: fyne.PointEvent{Position: at},
			Dragged:    fyne.NewDelta(step, step),
		})
		if after != nil {
			after()
		}
	}
	b.StopTimer()
	c.DragEnd()
}
