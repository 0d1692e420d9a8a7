package campaign

import (
	"strconv"
	"strings"
)

// Ports returns the output ports of a node of kind k: none for End,
// Yes and No for a Branch, and Next for the others.
func Ports(k NodeKind) []string {
	switch k {
	case KindEnd:
		return nil
	case KindBranch:
		return []string{PortYes, PortNo}
	}
	return []string{PortNext}
}

// HasPort reports whether a node of kind k has the output port.
func HasPort(k NodeKind, port string) bool {
	for _, p := range Ports(k) {
		if p == port {
			return true
		}
	}
	return false
}

// validKind reports whether k is one of the kinds of node.
func validKind(k NodeKind) bool {
	switch k {
	case KindStart, KindSend, KindWait, KindBranch, KindEnd:
		return true
	}
	return false
}

// Index returns the position of node id in g.Nodes, or -1.
func (g Graph) Index(id string) int {
	for i := range g.Nodes {
		if g.Nodes[i].ID == id {
			return i
		}
	}
	return -1
}

// Node returns the node with the given ID, and whether there is one.
func (g Graph) Node(id string) (Node, bool) {
	if i := g.Index(id); i >= 0 {
		return g.Nodes[i], true
	}
	return Node{}, false
}

// Start returns the graph's first Start node, and whether it has one.
func (g Graph) Start() (Node, bool) {
	for _, n := range g.Nodes {
		if n.Kind == KindStart {
			return n, true
		}
	}
	return Node{}, false
}

// Next returns the node that the output port of node from leads to.
func (g Graph) Next(from, port string) (string, bool) {
	for _, e := range g.Edges {
		if e.From == from && e.Port == port {
			return e.To, true
		}
	}
	return "", false
}

// Clone returns a deep copy of g that shares no memory with it, for
// undo history and for editing a copy.
func (g Graph) Clone() Graph {
	c := Graph{
		Nodes: make([]Node, len(g.Nodes)),
		Edges: append([]Edge(nil), g.Edges...),
	}
	for i, n := range g.Nodes {
		c.Nodes[i] = n.Clone()
	}
	return c
}

// Clone returns a deep copy of n.
func (n Node) Clone() Node {
	if n.Audience != nil {
		a := *n.Audience
		a.Tags = append([]string(nil), a.Tags...)
		if a.Condition != nil {
			cond := *a.Condition
			a.Condition = &cond
		}
		n.Audience = &a
	}
	if n.Wait != nil {
		w := *n.Wait
		n.Wait = &w
	}
	if n.Condition != nil {
		cond := *n.Condition
		n.Condition = &cond
	}
	return n
}

// NewNode returns a node of kind k with the default settings for that
// kind and the given ID and position. A Branch starts with an empty
// condition, which Validate asks the user to fill in.
func NewNode(id string, k NodeKind, x, y float32) Node {
	n := Node{ID: id, Kind: k, X: x, Y: y}
	switch k {
	case KindStart:
		n.Audience = &Audience{Mode: AudienceAll}
	case KindWait:
		n.Wait = &Wait{Mode: WaitFor, Amount: 1, Unit: Days}
	case KindBranch:
		n.Condition = &Condition{}
	}
	return n
}

// AddNode adds a node of kind k at (x, y) with a fresh ID and default
// settings, and returns it. A graph has one Start node: asking for a
// second one, or for an unknown kind, fails with EINVALID.
func (g *Graph) AddNode(k NodeKind, x, y float32) (Node, error) {
	if !validKind(k) {
		return Node{}, Errorf(EINVALID, "%q is not a kind of step.", k)
	}
	if _, ok := g.Start(); ok && k == KindStart {
		return Node{}, Errorf(EINVALID,
			"A campaign has one Start, and this one already has it.")
	}
	n := NewNode(g.freshID(), k, x, y)
	g.Nodes = append(g.Nodes, n)
	return n, nil
}

// freshID returns an ID that no node of g uses: "n" and a number above
// every number used so far, so that a deleted node's ID is not handed
// out again while the graph still holds higher ones.
func (g Graph) freshID() string {
	high := 0
	for _, n := range g.Nodes {
		num, ok := strings.CutPrefix(n.ID, "n")
		if !ok {
			continue
		}
		if v, err := strconv.Atoi(num); err == nil && v > high {
			high = v
		}
	}
	return "n" + strconv.Itoa(high+1)
}

// RemoveNodes removes the nodes with the given IDs and every edge that
// touches them, and returns how many nodes went. The Start node stays:
// a campaign always has one.
func (g *Graph) RemoveNodes(ids ...string) int {
	gone := make(map[string]bool, len(ids))
	for _, id := range ids {
		gone[id] = true
	}

	nodes := g.Nodes[:0]
	removed := 0
	for _, n := range g.Nodes {
		if gone[n.ID] && n.Kind != KindStart {
			removed++
			continue
		}
		nodes = append(nodes, n)
	}
	g.Nodes = nodes

	kept := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		kept[n.ID] = true
	}
	edges := g.Edges[:0]
	for _, e := range g.Edges {
		if kept[e.From] && kept[e.To] {
			edges = append(edges, e)
		}
	}
	g.Edges = edges
	return removed
}

// Connect joins the output port of node from to node to. An output port
// holds one edge, so an edge already on that port is replaced. It fails
// with EINVALID, leaving g as it was, when either node is missing, the
// edge would loop back to its own node, lead into a Start, leave an
// End, or use a port the node does not have.
func (g *Graph) Connect(from, port, to string) error {
	src, ok := g.Node(from)
	if !ok {
		return Errorf(EINVALID, "The step to connect from no longer exists.")
	}
	dst, ok := g.Node(to)
	if !ok {
		return Errorf(EINVALID, "The step to connect to no longer exists.")
	}

	switch {
	case from == to:
		return Errorf(EINVALID, "A step cannot lead to itself.")
	case dst.Kind == KindStart:
		return Errorf(EINVALID, "Nothing can lead into Start: "+
			"contacts enter the campaign there.")
	case src.Kind == KindEnd:
		return Errorf(EINVALID, "End finishes a path, so nothing follows it.")
	case !HasPort(src.Kind, port):
		return Errorf(EINVALID, "This step has no %q output.", port)
	}

	g.Disconnect(from, port)
	g.Edges = append(g.Edges, Edge{From: from, Port: port, To: to})
	return nil
}

// Disconnect removes the edge on the output port of node from, if any.
func (g *Graph) Disconnect(from, port string) {
	edges := g.Edges[:0]
	for _, e := range g.Edges {
		if e.From != from || e.Port != port {
			edges = append(edges, e)
		}
	}
	g.Edges = edges
}

// Move places node id at (x, y), snapped to the grid.
func (g *Graph) Move(id string, x, y float32) {
	if i := g.Index(id); i >= 0 {
		g.Nodes[i].X, g.Nodes[i].Y = Snap(x), Snap(y)
	}
}

// Label names the kind as the canvas and messages show it.
func (k NodeKind) Label() string {
	switch k {
	case KindStart:
		return "Start"
	case KindSend:
		return "Send SMS"
	case KindWait:
		return "Wait"
	case KindBranch:
		return "Branch"
	case KindEnd:
		return "End"
	}
	return string(k)
}
