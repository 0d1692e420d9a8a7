package flow

import (
	"math"

	"fyne.io/fyne/v2"

	"github.com/nurturesms/nurture/campaign"
)

// NodeWidth is the width of every Node card, in canvas units.
const NodeWidth float32 = 200

// portRadius is the radius of a drawn port, in canvas units; portReach is
// how far from its centre a press still picks it up.
const (
	portRadius float32 = 6
	portReach  float32 = 12
)

// NodeSize returns the size of a Node card of the given kind, in canvas
// units. Heights are whole grid cells so that snapped cards line up.
func NodeSize(k campaign.NodeKind) fyne.Size {
	h := float32(60)
	switch k {
	case campaign.KindStart, campaign.KindBranch:
		h = 80
	case campaign.KindSend:
		h = 100
	case campaign.KindEnd:
		h = 40
	}
	return fyne.NewSize(NodeWidth, h)
}

// HasInput reports whether edges may end at a Node of kind k.
func HasInput(k campaign.NodeKind) bool { return k != campaign.KindStart }

// PortPos returns the centre of output port on n, in canvas units.
func PortPos(n campaign.Node, port string) fyne.Position {
	size := NodeSize(n.Kind)
	x := size.Width / 2
	switch port {
	case campaign.PortYes:
		x = size.Width / 4
	case campaign.PortNo:
		x = size.Width * 3 / 4
	}
	return fyne.NewPos(n.X+x, n.Y+size.Height)
}

// InputPos returns where edges end on n: the middle of its top side.
func InputPos(n campaign.Node) fyne.Position {
	return fyne.NewPos(n.X+NodeSize(n.Kind).Width/2, n.Y)
}

// dropdownRect returns the message dropdown of a Send SMS card, relative
// to the card, in canvas units.
func dropdownRect() (fyne.Position, fyne.Size) {
	return fyne.NewPos(10, 32), fyne.NewSize(NodeWidth-20, 28)
}

// HitKind says what part of the canvas a point is over.
type HitKind int

// What a point can be over.
const (
	HitNone     HitKind = iota // the background
	HitNode                    // a Node's card
	HitPort                    // a Node's output port
	HitDropdown                // the message dropdown on a Send SMS card
)

// Hit is what lies under a point: Node is the index into the graph's
// Nodes, and Port is set for HitPort.
type Hit struct {
	Kind HitKind
	Node int
	Port string
}

// HitTest returns what lies under p, in canvas units. Cards drawn later
// are on top, so they are tried first; ports stick out below their card
// and win over the card they overlap.
func HitTest(g campaign.Graph, p fyne.Position) Hit {
	for i := len(g.Nodes) - 1; i >= 0; i-- {
		n := g.Nodes[i]
		for _, port := range campaign.Ports(n.Kind) {
			if near(PortPos(n, port), p, portReach) {
				return Hit{Kind: HitPort, Node: i, Port: port}
			}
		}
	}
	for i := len(g.Nodes) - 1; i >= 0; i-- {
		n := g.Nodes[i]
		if !inside(p, fyne.NewPos(n.X, n.Y), NodeSize(n.Kind)) {
			continue
		}
		if n.Kind == campaign.KindSend {
			pos, size := dropdownRect()
			if inside(p, fyne.NewPos(n.X+pos.X, n.Y+pos.Y), size) {
				return Hit{Kind: HitDropdown, Node: i}
			}
		}
		return Hit{Kind: HitNode, Node: i}
	}
	return Hit{Kind: HitNone, Node: -1}
}

// NodesIn returns the IDs of the Nodes whose cards touch the rectangle
// spanned by corners a and b, in canvas units.
func NodesIn(g campaign.Graph, a, b fyne.Position) []string {
	minX, maxX := order(a.X, b.X)
	minY, maxY := order(a.Y, b.Y)
	var ids []string
	for _, n := range g.Nodes {
		s := NodeSize(n.Kind)
		if n.X <= maxX && n.X+s.Width >= minX &&
			n.Y <= maxY && n.Y+s.Height >= minY {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

// Bounds returns the smallest rectangle holding every card, in canvas
// units; ok is false for an empty graph.
func Bounds(g campaign.Graph) (min, max fyne.Position, ok bool) {
	for i, n := range g.Nodes {
		s := NodeSize(n.Kind)
		if i == 0 {
			min, max = fyne.NewPos(n.X, n.Y),
				fyne.NewPos(n.X+s.Width, n.Y+s.Height)
			continue
		}
		min.X = float32(math.Min(float64(min.X), float64(n.X)))
		min.Y = float32(math.Min(float64(min.Y), float64(n.Y)))
		max.X = float32(math.Max(float64(max.X), float64(n.X+s.Width)))
		max.Y = float32(math.Max(float64(max.Y), float64(n.Y+s.Height)))
	}
	return min, max, len(g.Nodes) > 0
}

func inside(p, pos fyne.Position, size fyne.Size) bool {
	return p.X >= pos.X && p.X <= pos.X+size.Width &&
		p.Y >= pos.Y && p.Y <= pos.Y+size.Height
}

func near(a, b fyne.Position, r float32) bool {
	dx, dy := a.X-b.X, a.Y-b.Y
	return dx*dx+dy*dy <= r*r
}

func order(a, b float32) (float32, float32) {
	if a > b {
		return b, a
	}
	return a, b
}
