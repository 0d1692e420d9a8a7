package flow

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/nurturesms/nurture/campaign"
)

// sampleGraph returns Start at (0,0), a Send SMS at (0,200) and a Branch
// at (300,200).
func sampleGraph() campaign.Graph {
	return campaign.Graph{Nodes: []campaign.Node{
		campaign.NewNode("start", campaign.KindStart, 0, 0),
		campaign.NewNode("n1", campaign.KindSend, 0, 200),
		campaign.NewNode("n2", campaign.KindBranch, 300, 200),
	}}
}

func TestHitTest(t *testing.T) {
	g := sampleGraph()
	tests := []struct {
		name string
		p    fyne.Position
		want Hit
	}{
		{"background", fyne.NewPos(250, 50), Hit{Kind: HitNone, Node: -1}},
		{"card", fyne.NewPos(100, 10), Hit{Kind: HitNode, Node: 0}},
		{"output port below card", fyne.NewPos(100, 84),
			Hit{Kind: HitPort, Node: 0, Port: campaign.PortNext}},
		{"dropdown", fyne.NewPos(100, 245), Hit{Kind: HitDropdown, Node: 1}},
		{"send card outside dropdown", fyne.NewPos(100, 210),
			Hit{Kind: HitNode, Node: 1}},
		{"yes port", fyne.NewPos(350, 280),
			Hit{Kind: HitPort, Node: 2, Port: campaign.PortYes}},
		{"no port", fyne.NewPos(450, 281),
			Hit{Kind: HitPort, Node: 2, Port: campaign.PortNo}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HitTest(g, tt.p); got != tt.want {
				t.Errorf("HitTest(%v) = %+v, want %+v", tt.p, got, tt.want)
			}
		})
	}
}

func TestHitTest_TopCardWins(t *testing.T) {
	g := campaign.Graph{Nodes: []campaign.Node{
		campaign.NewNode("a", campaign.KindWait, 0, 0),
		campaign.NewNode("b", campaign.KindWait, 20, 20),
	}}
	got := HitTest(g, fyne.NewPos(30, 30))
	if got.Kind != HitNode || got.Node != 1 {
		t.Errorf("overlap hit = %+v, want the later card (1)", got)
	}
}

func TestNodesIn(t *testing.T) {
	g := sampleGraph()
	tests := []struct {
		name string
		a, b fyne.Position
		want []string
	}{
		{"nothing", fyne.NewPos(210, 0), fyne.NewPos(290, 100), nil},
		{"one touched", fyne.NewPos(190, 190), fyne.NewPos(250, 250),
			[]string{"n1"}},
		{"corners reversed", fyne.NewPos(600, 400), fyne.NewPos(-10, 150),
			[]string{"n1", "n2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NodesIn(g, tt.a, tt.b)
			if !slices.Equal(got, tt.want) {
				t.Errorf("NodesIn = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBounds(t *testing.T) {
	min, max, ok := Bounds(sampleGraph())
	if !ok || min != fyne.NewPos(0, 0) || max != fyne.NewPos(500, 300) {
		t.Errorf("Bounds = %v %v %v, want (0,0) (500,300) true",
			min, max, ok)
	}
	if _, _, ok := Bounds(campaign.Graph{}); ok {
		t.Error("Bounds of an empty graph: ok = true, want false")
	}
}

func TestRoute(t *testing.T) {
	tests := []struct {
		name string
		a, b fyne.Position
		want []fyne.Position
	}{
		{"straight down", fyne.NewPos(100, 80), fyne.NewPos(100, 200),
			[]fyne.Position{{X: 100, Y: 80}, {X: 100, Y: 200}}},
		{"elbow", fyne.NewPos(100, 80), fyne.NewPos(300, 200),
			[]fyne.Position{{X: 100, Y: 80}, {X: 100, Y: 140},
				{X: 300, Y: 140}, {X: 300, Y: 200}}},
		{"back up, round the right", fyne.NewPos(100, 300),
			fyne.NewPos(100, 0),
			[]fyne.Position{{X: 100, Y: 300}, {X: 100, Y: 320},
				{X: 220, Y: 320}, {X: 220, Y: -20}, {X: 100, Y: -20},
				{X: 100, Y: 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Route(tt.a, tt.b, 1); !slices.Equal(got, tt.want) {
				t.Errorf("Route = %v, want %v", got, tt.want)
			}
		})
	}
}
