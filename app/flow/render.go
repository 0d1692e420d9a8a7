package flow

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/nurturesms/nurture/campaign"
)

// renderer draws a Canvas: the background and its grid, the Edges, the
// cards, and the rubber band or loose Edge of a drag in progress.
type renderer struct {
	c     *Canvas
	pal   *colors
	size  fyne.Size
	bg    *canvas.Rectangle
	grid  []*canvas.Line
	edges []*edgeView
	cards map[string]*cardView
	// order holds the card of each Node, in the graph's order.
	order []*cardView
	index map[string]int
	band  *canvas.Rectangle
	loose *canvas.Line
	// target is the card a loose Edge points at, or -1.
	target int

	objects []fyne.CanvasObject
}

func newRenderer(c *Canvas) *renderer {
	r := &renderer{c: c, cards: map[string]*cardView{}, target: -1}
	r.bg = &canvas.Rectangle{}
	r.band = &canvas.Rectangle{StrokeWidth: 1}
	r.loose = &canvas.Line{StrokeWidth: 2}
	r.Refresh()
	return r
}

func (r *renderer) Destroy() {}

func (r *renderer) MinSize() fyne.Size { return fyne.NewSize(200, 200) }

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) Layout(size fyne.Size) {
	r.size = size
	r.bg.Resize(size)
	if r.c.fitPending && size.Width > 0 && size.Height > 0 {
		r.c.model.OpenTo(size)
		r.layoutAll()
		r.c.zoomed()
	}
	r.layoutGrid()
	r.rebuild()
}

// Refresh matches the drawing to the model: it makes and drops cards
// and Edges as the graph changed, and places everything.
func (r *renderer) Refresh() {
	r.pal = loadColors(r.c.Theme())
	r.bg.FillColor = r.pal.bg
	r.syncCards()
	r.syncEdges()
	r.layoutGrid()
	r.layoutAll()
	r.rebuild()
	r.bg.Refresh()
}

// syncCards gives each Node a card of the right kind.
func (r *renderer) syncCards() {
	g := r.c.model.graphRef()
	seen := make(map[string]bool, len(g.Nodes))
	r.order = r.order[:0]
	r.index = make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		v := r.cards[n.ID]
		if v == nil || v.kind != n.Kind {
			v = newCardView(n.Kind)
			r.cards[n.ID] = v
		}
		seen[n.ID] = true
		r.order = append(r.order, v)
		r.index[n.ID] = i
	}
	for id := range r.cards {
		if !seen[id] {
			delete(r.cards, id)
		}
	}
}

// syncEdges keeps one edgeView per Edge, reusing the ones it has.
func (r *renderer) syncEdges() {
	want := len(r.c.model.graphRef().Edges)
	for len(r.edges) < want {
		r.edges = append(r.edges, newEdgeView())
	}
	r.edges = r.edges[:want]
}

// rebuild lists the objects in drawing order.
func (r *renderer) rebuild() {
	objs := r.objects[:0]
	objs = append(objs, r.bg)
	for _, l := range r.grid {
		objs = append(objs, l)
	}
	for _, e := range r.edges {
		objs = append(objs, e.objects...)
	}
	for _, v := range r.order {
		objs = append(objs, v.objects...)
	}
	r.objects = append(objs, r.loose, r.band)
}

// layoutAll places every card and Edge and the drag's marks.
func (r *renderer) layoutAll() {
	g := r.c.model.graphRef()
	for i, n := range g.Nodes {
		r.layoutCard(i, n)
	}
	for i := range g.Edges {
		r.layoutEdge(i)
	}
	r.layoutGesture()
}

func (r *renderer) layoutCard(i int, n campaign.Node) {
	look := r.c.look(n)
	look.target = i == r.target
	look.view = r.size
	r.order[i].layout(n, r.c.model.view, look, r.pal)
}

// refreshDrag redraws what one step of a drag changed: the moving cards
// and their Edges, or everything when the view pans.
func (r *renderer) refreshDrag() {
	m := r.c.model
	k, _, _ := m.Gesture()
	switch k {
	case GesturePan:
		r.layoutGrid()
		r.layoutAll()
		r.rebuild()
	case GestureMove:
		g := m.graphRef()
		moving := map[string]bool{}
		for i := range m.moving() {
			moving[g.Nodes[i].ID] = true
			r.layoutCard(i, g.Nodes[i])
		}
		for i, e := range g.Edges {
			if moving[e.From] || moving[e.To] {
				r.layoutEdge(i)
			}
		}
	default:
		r.layoutGesture()
	}
	r.bg.Refresh()
}

// layoutGesture draws the rubber band or the loose Edge of a drag.
func (r *renderer) layoutGesture() {
	k, start, now := r.c.model.Gesture()
	r.band.Hide()
	r.loose.Hide()
	if k != GestureConnect {
		r.retarget(-1)
	}

	switch k {
	case GestureBand:
		x1, x2 := order(start.X, now.X)
		y1, y2 := order(start.Y, now.Y)
		r.band.Move(fyne.NewPos(x1, y1))
		r.band.Resize(fyne.NewSize(x2-x1, y2-y1))
		r.band.FillColor = r.pal.band
		r.band.StrokeColor = r.pal.selected
		r.band.Show()
	case GestureConnect:
		m := r.c.model
		g := m.graphRef()
		r.retarget(m.target())
		i := r.index[m.gesture.from]
		r.loose.Position1 = m.view.ToScreen(PortPos(g.Nodes[i], m.gesture.port))
		r.loose.Position2 = now
		r.loose.StrokeColor = r.pal.selected
		r.loose.Show()
	}
}

// retarget highlights card t, and no longer the one before it.
func (r *renderer) retarget(t int) {
	if t == r.target {
		return
	}
	old := r.target
	r.target = t
	g := r.c.model.graphRef()
	for _, i := range []int{old, t} {
		if i >= 0 && i < len(g.Nodes) && i < len(r.order) {
			r.layoutCard(i, g.Nodes[i])
		}
	}
}

// layoutGrid draws grid lines across the widget, a grid cell apart, or a
// multiple of it so that lines stay at least 32 pixels apart.
func (r *renderer) layoutGrid() {
	if r.pal == nil {
		return
	}
	vp := r.c.model.view
	step := campaign.GridSize * vp.zoom()
	for step < 32 {
		step *= 2
	}

	n := 0
	line := func() *canvas.Line {
		if n == len(r.grid) {
			r.grid = append(r.grid, &canvas.Line{StrokeWidth: 1})
		}
		l := r.grid[n]
		n++
		l.StrokeColor = r.pal.grid
		return l
	}
	for x := mod(vp.Pan.X, step); x < r.size.Width; x += step {
		l := line()
		l.Position1 = fyne.NewPos(x, 0)
		l.Position2 = fyne.NewPos(x, r.size.Height)
	}
	for y := mod(vp.Pan.Y, step); y < r.size.Height; y += step {
		l := line()
		l.Position1 = fyne.NewPos(0, y)
		l.Position2 = fyne.NewPos(r.size.Width, y)
	}
	r.grid = r.grid[:n]
}

// mod returns a modulo m, between 0 and m.
func mod(a, m float32) float32 {
	v := float32(math.Mod(float64(a), float64(m)))
	if v < 0 {
		v += m
	}
	return v
}
