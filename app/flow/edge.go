package flow

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// edgeGap is how far, in canvas units, an Edge runs straight out of a
// port and into a card before it turns.
const edgeGap float32 = 20

// edgeView is the drawing of an Edge: up to five straight segments and a
// two-stroke arrow head.
type edgeView struct {
	segs        [5]*canvas.Line
	left, right *canvas.Line
	objects     []fyne.CanvasObject
}

func newEdgeView() *edgeView {
	v := &edgeView{left: &canvas.Line{}, right: &canvas.Line{}}
	for i := range v.segs {
		v.segs[i] = &canvas.Line{}
		v.objects = append(v.objects, v.segs[i])
	}
	v.objects = append(v.objects, v.left, v.right)
	return v
}

func (v *edgeView) hide() {
	for _, o := range v.objects {
		o.Hide()
	}
}

// Route returns the corners of an Edge from output port a down to the
// input b, in widget pixels at zoom z: straight down when b is right
// below a, an elbow when b is lower but aside, and a loop around the
// right when b is higher up, as when an Edge leads back.
func Route(a, b fyne.Position, z float32) []fyne.Position {
	switch {
	case a.X == b.X && b.Y >= a.Y:
		return []fyne.Position{a, b}
	case b.Y >= a.Y:
		mid := (a.Y + b.Y) / 2
		return []fyne.Position{a, {X: a.X, Y: mid}, {X: b.X, Y: mid}, b}
	}

	// Go round the right of both ends, clear of half a card.
	gap := edgeGap * z
	side := float32(math.Max(float64(a.X), float64(b.X))) +
		NodeWidth/2*z + gap
	return []fyne.Position{a, {X: a.X, Y: a.Y + gap},
		{X: side, Y: a.Y + gap}, {X: side, Y: b.Y - gap},
		{X: b.X, Y: b.Y - gap}, b}
}

func (r *renderer) layoutEdge(i int) {
	m := r.c.model
	g := m.graphRef()
	e := g.Edges[i]
	v := r.edges[i]
	fi, ok1 := r.index[e.From]
	ti, ok2 := r.index[e.To]
	if !ok1 || !ok2 {
		v.hide()
		return
	}

	col := r.pal.edge
	if m.IsSelected(e.From) || m.IsSelected(e.To) {
		col = r.pal.selected
	}
	z := m.view.zoom()
	from := m.view.ToScreen(PortPos(g.Nodes[fi], e.Port))
	to := m.view.ToScreen(InputPos(g.Nodes[ti]))
	to.Y -= portRadius * z
	r.drawRoute(v, Route(from, to, z), col)
}

// drawRoute draws the segments between points and a head at the last.
func (r *renderer) drawRoute(v *edgeView, points []fyne.Position,
	col color.Color) {

	z := r.c.model.view.zoom()
	width := float32(math.Max(1, float64(2*z)))
	v.hide()
	for i := 1; i < len(points) && i <= len(v.segs); i++ {
		l := v.segs[i-1]
		l.Position1, l.Position2 = points[i-1], points[i]
		l.StrokeColor, l.StrokeWidth = col, width
		l.Show()
	}

	a, b := points[len(points)-2], points[len(points)-1]
	dx, dy := b.X-a.X, b.Y-a.Y
	length := float32(math.Hypot(float64(dx), float64(dy)))
	if length < 1 {
		return
	}
	ux, uy := dx/length, dy/length
	head := float32(math.Max(5, float64(10*z)))
	back := fyne.NewPos(b.X-ux*head, b.Y-uy*head)
	side := head / 2
	v.left.Position1 = b
	v.left.Position2 = fyne.NewPos(back.X-uy*side, back.Y+ux*side)
	v.right.Position1 = b
	v.right.Position2 = fyne.NewPos(back.X+uy*side, back.Y-ux*side)
	for _, l := range []*canvas.Line{v.left, v.right} {
		l.StrokeColor, l.StrokeWidth = col, width
		l.Show()
	}
}
