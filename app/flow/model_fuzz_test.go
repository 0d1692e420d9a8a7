package flow

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/nurturesms/nurture/campaign"
)

// FuzzModel drives a Model with a stream of user actions read from the
// input, two bytes each: an action and a place. Whatever the order, the
// Model must not panic, the graph must keep its Start, every Edge must
// join Nodes that exist, and undoing everything must give back the
// graph the Model began with.
func FuzzModel(f *testing.F) {
	f.Add([]byte{0, 10, 1, 40, 2, 50, 3, 0, 7, 0, 8, 0})
	f.Add([]byte{0, 200, 0, 90, 4, 13, 5, 13, 6, 0, 9, 9, 10, 30, 11, 2})
	f.Fuzz(func(t *testing.T, ops []byte) {
		start := campaign.NewGraph()
		m := NewModel(start)
		for i := 0; i+1 < len(ops); i += 2 {
			// Pasting a doubled selection again and again grows the
			// graph without end; past a few hundred cards it says no
			// more.
			if len(m.graph.Nodes) > 300 {
				break
			}
			act(m, ops[i], ops[i+1])
			checkGraph(t, m.Graph())
		}
		m.Release()

		for m.Undo() {
		}
		got := m.Graph()
		if len(got.Nodes) != len(start.Nodes) || len(got.Edges) != 0 {
			t.Fatalf("after undoing all: %d nodes, %d edges; want 1, 0",
				len(got.Nodes), len(got.Edges))
		}
	})
}

// act performs one action at a place on a 16 x 16 grid of 40-pixel
// squares.
func act(m *Model, op, place byte) {
	at := fyne.NewPos(float32(place%16)*40, float32(place/16)*40)
	kinds := []campaign.NodeKind{campaign.KindSend, campaign.KindWait,
		campaign.KindBranch, campaign.KindEnd}
	switch op % 12 {
	case 0:
		m.AddNode(kinds[int(place)%len(kinds)], m.view.ToCanvas(at))
	case 1:
		m.Press(at, place%2 == 0)
	case 2:
		m.DragTo(at)
	case 3:
		m.Release()
	case 4:
		m.Tap(at, place%3 == 0)
	case 5:
		m.DeleteSelected()
	case 6:
		m.Copy()
	case 7:
		m.Paste()
	case 8:
		m.Undo()
	case 9:
		m.Redo()
	case 10:
		m.ZoomBy(float32(place%5+1)/3, at)
	case 11:
		m.Nudge(int(place%3)-1, int(place/3%3)-1)
	}
}

func checkGraph(t *testing.T, g campaign.Graph) {
	t.Helper()
	if _, ok := g.Start(); !ok {
		t.Fatal("the graph lost its Start")
	}
	for _, e := range g.Edges {
		if g.Index(e.From) < 0 || g.Index(e.To) < 0 {
			t.Fatalf("edge %v joins a missing Node", e)
		}
	}
}
