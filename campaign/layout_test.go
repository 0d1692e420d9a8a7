package campaign

import (
	"fmt"
	"testing"
)

// checkLayout fails t when two nodes' boxes overlap, a node is off the
// grid, or an edge that does not close a loop points upward.
func checkLayout(t *testing.T, g Graph) {
	t.Helper()
	for i, a := range g.Nodes {
		if a.X != Snap(a.X) || a.Y != Snap(a.Y) {
			t.Errorf("%s at (%v,%v) is off the grid", a.ID, a.X, a.Y)
		}
		for _, b := range g.Nodes[i+1:] {
			if a.X < b.X+NodeWidth && b.X < a.X+NodeWidth &&
				a.Y < b.Y+NodeHeight && b.Y < a.Y+NodeHeight {
				t.Errorf("%s (%v,%v) overlaps %s (%v,%v)",
					a.ID, a.X, a.Y, b.ID, b.X, b.Y)
			}
		}
	}

	for _, e := range g.Edges {
		from, _ := g.Node(e.From)
		to, _ := g.Node(e.To)
		closesLoop := g.reachable(e.To)[e.From]
		if !closesLoop && from.Y >= to.Y {
			t.Errorf("edge %s->%s: parent y %v not above child y %v",
				e.From, e.To, from.Y, to.Y)
		}
	}
}

func TestLayout_Sample(t *testing.T) {
	s := newSample(t)
	Layout(&s.g)
	checkLayout(t, s.g)

	start, _ := s.g.Node(StartID)
	minX := start.X
	for _, n := range s.g.Nodes {
		minX = min(minX, n.X)
	}
	if start.Y != margin || minX != margin {
		t.Errorf("start y %v, leftmost x %v, want both %v",
			start.Y, minX, margin)
	}
	yes, _ := s.g.Node(s.offer)
	no, _ := s.g.Node(s.end2)
	if yes.Y != no.Y || yes.X >= no.X {
		t.Errorf("branch children: yes (%v,%v), no (%v,%v); want side by "+
			"side with Yes on the left", yes.X, yes.Y, no.X, no.Y)
	}
}

func TestLayout_Shapes(t *testing.T) {
	tests := []struct {
		name  string
		graph func(t *testing.T) Graph
	}{
		{"empty", func(t *testing.T) Graph { return Graph{} }},
		{"start only", func(t *testing.T) Graph { return NewGraph() }},
		{"diamond", func(t *testing.T) Graph {
			s := newSample(t)
			mustConnect(t, &s.g, s.offer, PortNext, s.end2)
			return s.g
		}},
		{"loose nodes", func(t *testing.T) Graph {
			g := NewGraph()
			for range 5 {
				mustAdd(t, &g, KindWait)
			}
			return g
		}},
		{"loop", func(t *testing.T) Graph {
			s := newSample(t)
			s.g.RemoveNodes(s.end)
			mustConnect(t, &s.g, s.offer, PortNext, s.send)
			return s.g
		}},
		{"200 nodes", func(t *testing.T) Graph { return bigGraph(t, 200) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.graph(t)
			Layout(&g)
			checkLayout(t, g)
		})
	}
}

// bigGraph builds a campaign of about n nodes: a chain of Send, Wait and
// Branch steps whose No outputs each run a Send and an End.
func bigGraph(t testing.TB, n int) Graph {
	t.Helper()
	g := NewGraph()
	prev, port := StartID, PortNext
	for len(g.Nodes)+6 <= n {
		send := mustAdd(t, &g, KindSend)
		node(t, &g, send).MessageID = 1
		wait := mustAdd(t, &g, KindWait)
		branch := mustAdd(t, &g, KindBranch)
		node(t, &g, branch).Condition = &Condition{Field: "city",
			Op: OpEquals, Value: fmt.Sprint("City ", len(g.Nodes))}
		side := mustAdd(t, &g, KindSend)
		node(t, &g, side).MessageID = 2
		end := mustAdd(t, &g, KindEnd)
		mustConnect(t, &g, prev, port, send)
		mustConnect(t, &g, send, PortNext, wait)
		mustConnect(t, &g, wait, PortNext, branch)
		mustConnect(t, &g, branch, PortNo, side)
		mustConnect(t, &g, side, PortNext, end)
		prev, port = branch, PortYes
	}
	end := mustAdd(t, &g, KindEnd)
	mustConnect(t, &g, prev, port, end)
	return g
}
