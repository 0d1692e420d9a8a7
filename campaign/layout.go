package campaign

import "sort"

// The box Layout leaves for each node, in canvas units. A node drawn
// within NodeWidth x NodeHeight never overlaps another after Layout.
const (
	NodeWidth  = 11 * GridSize
	NodeHeight = 5 * GridSize
	// columnStep and rowStep are the distances between the top-left
	// corners of neighbouring nodes.
	columnStep = NodeWidth + 2*GridSize
	rowStep    = NodeHeight + 3*GridSize
	// margin is the space above and left of the laid-out graph.
	margin = 2 * GridSize
)

// Layout places g's nodes top to bottom in layers: each node sits below
// every node that leads to it, and a node sits under the middle of the
// nodes above it as far as its row allows. Edges that loop back are
// ignored for layering. Positions are on the grid.
func Layout(g *Graph) {
	if len(g.Nodes) == 0 {
		return
	}
	order, forward := g.layoutOrder()
	layers := layerNodes(order, forward)

	parents := map[string][]string{}
	for from, tos := range forward {
		for _, to := range tos {
			parents[to] = append(parents[to], from)
		}
	}

	x := map[string]float32{}
	for depth, layer := range layers {
		placeLayer(layer, parents, x)
		for _, id := range layer {
			i := g.Index(id)
			g.Nodes[i].X = x[id]
			g.Nodes[i].Y = float32(depth) * rowStep
		}
	}
	shiftToMargin(g)
}

// layoutOrder lists node IDs in the order a walk from Start, then from
// each node not yet reached, first meets them, and returns the edges
// that do not close a loop, by source.
func (g Graph) layoutOrder() ([]string, map[string][]string) {
	out := g.outEdges()
	state := map[string]int{} // 0 unseen, 1 on the walk's path, 2 done
	var order []string
	forward := map[string][]string{}

	var visit func(id string)
	visit = func(id string) {
		state[id] = 1
		order = append(order, id)
		for _, e := range out[id] {
			if g.Index(e.To) < 0 {
				continue
			}
			switch state[e.To] {
			case 0:
				forward[id] = append(forward[id], e.To)
				visit(e.To)
			case 2:
				forward[id] = append(forward[id], e.To)
			}
		}
		state[id] = 2
	}

	if s, ok := g.Start(); ok {
		visit(s.ID)
	}
	for _, n := range g.Nodes {
		if state[n.ID] == 0 {
			visit(n.ID)
		}
	}
	return order, forward
}

// layerNodes puts each node one layer below its lowest parent, keeping
// the walk's order within each layer.
func layerNodes(order []string, forward map[string][]string) [][]string {
	// The walk found every node before its children except across
	// edges to nodes already done; a topological pass settles depths.
	indeg := map[string]int{}
	for _, tos := range forward {
		for _, to := range tos {
			indeg[to]++
		}
	}
	depth := map[string]int{}
	var queue []string
	for _, id := range order {
		if indeg[id] == 0 {
			queue = append(queue, id)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, to := range forward[id] {
			depth[to] = max(depth[to], depth[id]+1)
			if indeg[to]--; indeg[to] == 0 {
				queue = append(queue, to)
			}
		}
	}

	var layers [][]string
	for _, id := range order {
		d := depth[id]
		for len(layers) <= d {
			layers = append(layers, nil)
		}
		layers[d] = append(layers[d], id)
	}
	return layers
}

// placeLayer sets x for the nodes of one layer: each as near the mean
// of its parents' x as it can be, a column apart from its neighbours.
func placeLayer(layer []string, parents map[string][]string,
	x map[string]float32) {

	want := make(map[string]float32, len(layer))
	for i, id := range layer {
		want[id] = float32(i) * columnStep
		var sum float32
		n := 0
		for _, p := range parents[id] {
			if px, ok := x[p]; ok {
				sum += px
				n++
			}
		}
		if n > 0 {
			want[id] = Snap(sum / float32(n))
		}
	}
	sort.SliceStable(layer, func(i, j int) bool {
		return want[layer[i]] < want[layer[j]]
	})

	// Pack left to right, then shift the row back so it is centred on
	// where its nodes wanted to be.
	var drift float32
	for i, id := range layer {
		x[id] = want[id]
		if i > 0 {
			x[id] = max(x[id], x[layer[i-1]]+columnStep)
		}
		drift += x[id] - want[id]
	}
	shift := Snap(drift / float32(len(layer)))
	for _, id := range layer {
		x[id] -= shift
	}
}

// shiftToMargin moves the whole graph so its top-left node corner is
// margin from the canvas origin.
func shiftToMargin(g *Graph) {
	minX, minY := g.Nodes[0].X, g.Nodes[0].Y
	for _, n := range g.Nodes {
		minX, minY = min(minX, n.X), min(minY, n.Y)
	}
	for i := range g.Nodes {
		g.Nodes[i].X += margin - minX
		g.Nodes[i].Y += margin - minY
	}
}
