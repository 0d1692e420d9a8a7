package campaign

import (
	"reflect"
	"testing"
)

func TestNewGraph(t *testing.T) {
	g := NewGraph()
	if got, want := len(g.Nodes), 1; got != want {
		t.Fatalf("nodes: got %d, want %d", got, want)
	}
	start := g.Nodes[0]
	if start.Kind != KindStart || start.ID != StartID {
		t.Errorf("got %s %q, want the Start node", start.Kind, start.ID)
	}
	if start.Audience == nil || start.Audience.Mode != AudienceAll {
		t.Errorf("got audience %+v, want all contacts", start.Audience)
	}
}

func TestGraph_AddNode(t *testing.T) {
	g := NewGraph()
	seen := map[string]bool{StartID: true}
	for _, k := range []NodeKind{KindSend, KindWait, KindBranch, KindEnd} {
		n, err := g.AddNode(k, 33, 47)
		if err != nil {
			t.Fatalf("AddNode(%s): %v", k, err)
		}
		if seen[n.ID] {
			t.Errorf("AddNode(%s) reused ID %q", k, n.ID)
		}
		seen[n.ID] = true
		if got, ok := g.Node(n.ID); !ok || got.Kind != k {
			t.Errorf("node %s: got %+v, want kind %s", n.ID, got, k)
		}
	}
	if w, _ := g.Node("n2"); w.Wait == nil || w.Wait.Amount != 1 {
		t.Errorf("new Wait: got %+v, want a default of 1 day", w.Wait)
	}

	for _, k := range []NodeKind{KindStart, "teleport"} {
		before := len(g.Nodes)
		if _, err := g.AddNode(k, 0, 0); ErrorCode(err) != EINVALID {
			t.Errorf("AddNode(%s): got %v, want EINVALID", k, err)
		}
		if len(g.Nodes) != before {
			t.Errorf("AddNode(%s) changed the graph", k)
		}
	}
}

func TestGraph_AddNodeAfterRemoveUsesNewID(t *testing.T) {
	g := NewGraph()
	a := mustAdd(t, &g, KindSend)
	b := mustAdd(t, &g, KindSend)
	g.RemoveNodes(a)
	c := mustAdd(t, &g, KindSend)
	if c == a || c == b {
		t.Errorf("got ID %q again after removing %q, want a fresh one", c, a)
	}
}

func TestGraph_RemoveNodes(t *testing.T) {
	s := newSample(t)
	got := s.g.RemoveNodes(s.wait, StartID, "missing")
	if got != 1 {
		t.Errorf("removed: got %d, want 1", got)
	}
	if _, ok := s.g.Node(StartID); !ok {
		t.Error("Start was removed, want it kept")
	}
	for _, e := range s.g.Edges {
		if e.From == s.wait || e.To == s.wait {
			t.Errorf("edge %+v still touches the removed node", e)
		}
	}
	if got, want := len(s.g.Edges), 4; got != want {
		t.Errorf("edges: got %d, want %d", got, want)
	}
}

func TestGraph_Connect(t *testing.T) {
	s := newSample(t)
	tests := []struct {
		name           string
		from, port, to string
	}{
		{"self loop", s.send, PortNext, s.send},
		{"into Start", s.send, PortNext, StartID},
		{"out of End", s.end, PortNext, s.send},
		{"Branch has no next", s.branch, PortNext, s.end},
		{"Send has no yes", s.send, PortYes, s.end},
		{"missing source", "nope", PortNext, s.end},
		{"missing target", s.send, PortNext, "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := s.g.Clone()
			err := s.g.Connect(tt.from, tt.port, tt.to)
			if ErrorCode(err) != EINVALID {
				t.Errorf("got %v, want EINVALID", err)
			}
			if !reflect.DeepEqual(s.g, before) {
				t.Error("a refused Connect changed the graph")
			}
		})
	}
}

func TestGraph_ConnectReplacesPortEdge(t *testing.T) {
	s := newSample(t)
	mustConnect(t, &s.g, s.send, PortNext, s.end)
	if got, _ := s.g.Next(s.send, PortNext); got != s.end {
		t.Errorf("next: got %q, want %q", got, s.end)
	}
	n := 0
	for _, e := range s.g.Edges {
		if e.From == s.send {
			n++
		}
	}
	if n != 1 {
		t.Errorf("edges from send: got %d, want 1", n)
	}
}

func TestGraph_Disconnect(t *testing.T) {
	s := newSample(t)
	s.g.Disconnect(s.branch, PortYes)
	if _, ok := s.g.Next(s.branch, PortYes); ok {
		t.Error("yes edge still there")
	}
	if got, _ := s.g.Next(s.branch, PortNo); got != s.end2 {
		t.Errorf("no edge: got %q, want %q", got, s.end2)
	}
}

func TestGraph_CloneSharesNothing(t *testing.T) {
	s := newSample(t)
	node(t, &s.g, StartID).Audience = &Audience{Mode: AudienceAnyTag,
		Tags: []string{"vip"}, Condition: &Condition{Field: "city"}}
	c := s.g.Clone()
	if !reflect.DeepEqual(c, s.g) {
		t.Fatal("clone differs from the original")
	}

	node(t, &c, StartID).Audience.Tags[0] = "changed"
	node(t, &c, StartID).Audience.Condition.Field = "changed"
	node(t, &c, s.wait).Wait.Amount = 99
	node(t, &c, s.branch).Condition.Value = "changed"
	c.Edges[0].To = "changed"

	a := node(t, &s.g, StartID).Audience
	if a.Tags[0] != "vip" || a.Condition.Field != "city" ||
		node(t, &s.g, s.wait).Wait.Amount != 2 ||
		node(t, &s.g, s.branch).Condition.Value != "customer" ||
		s.g.Edges[0].To == "changed" {
		t.Error("changing the clone changed the original")
	}
}

func TestGraph_CopyPaste(t *testing.T) {
	s := newSample(t)
	clip := s.g.Copy(StartID, s.wait, s.branch, s.end2)
	if got, want := len(clip.Nodes), 3; got != want {
		t.Fatalf("copied nodes: got %d, want %d (Start is never copied)",
			got, want)
	}
	if got, want := len(clip.Edges), 2; got != want {
		t.Fatalf("copied edges: got %d, want %d", got, want)
	}

	before := len(s.g.Nodes)
	ids := s.g.Paste(clip, 40, 60)
	if got, want := len(ids), 3; got != want {
		t.Fatalf("pasted: got %d, want %d", got, want)
	}
	if got, want := len(s.g.Nodes), before+3; got != want {
		t.Errorf("nodes: got %d, want %d", got, want)
	}
	for i, id := range ids {
		if id == clip.Nodes[i].ID {
			t.Errorf("pasted node kept its ID %q", id)
		}
		n, _ := s.g.Node(id)
		if n.X != clip.Nodes[i].X+40 || n.Y != clip.Nodes[i].Y+60 {
			t.Errorf("pasted at (%v,%v), want shifted by (40,60)", n.X, n.Y)
		}
	}
	if got, _ := s.g.Next(ids[0], PortNext); got != ids[1] {
		t.Errorf("pasted wait leads to %q, want the pasted branch %q",
			got, ids[1])
	}
	if got, _ := s.g.Next(ids[1], PortNo); got != ids[2] {
		t.Errorf("pasted branch no leads to %q, want %q", got, ids[2])
	}

	node(t, &s.g, ids[0]).Wait.Amount = 7
	if node(t, &s.g, s.wait).Wait.Amount != 2 {
		t.Error("editing the pasted Wait changed the original")
	}
}

func TestSnap(t *testing.T) {
	tests := []struct{ in, want float32 }{
		{0, 0}, {9, 0}, {10, 20}, {29, 20}, {-9, 0}, {-11, -20}, {401, 400},
	}
	for _, tt := range tests {
		if got := Snap(tt.in); got != tt.want {
			t.Errorf("Snap(%v): got %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestGraph_MoveSnaps(t *testing.T) {
	g := NewGraph()
	g.Move(StartID, 113, 47)
	if n, _ := g.Node(StartID); n.X != 120 || n.Y != 40 {
		t.Errorf("got (%v,%v), want (120,40)", n.X, n.Y)
	}
}
