package campaign

// Copy returns the nodes with the given IDs and the edges between them,
// deep-copied, for the clipboard. The Start node is never copied.
func (g Graph) Copy(ids ...string) Graph {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}

	var clip Graph
	for _, n := range g.Nodes {
		if want[n.ID] && n.Kind != KindStart {
			clip.Nodes = append(clip.Nodes, n.Clone())
		}
	}
	for _, e := range g.Edges {
		if clip.Index(e.From) >= 0 && clip.Index(e.To) >= 0 {
			clip.Edges = append(clip.Edges, e)
		}
	}
	return clip
}

// Paste adds the nodes and edges of clip to g under fresh IDs, shifted
// by (dx, dy), and returns the new IDs in clip's order. Start nodes in
// clip are skipped, and so are edges that g's rules refuse.
func (g *Graph) Paste(clip Graph, dx, dy float32) []string {
	newID := make(map[string]string, len(clip.Nodes))
	var added []string
	for _, n := range clip.Nodes {
		if n.Kind == KindStart || !validKind(n.Kind) {
			continue
		}
		c := n.Clone()
		c.ID = g.freshID()
		c.X, c.Y = Snap(n.X+dx), Snap(n.Y+dy)
		g.Nodes = append(g.Nodes, c)
		newID[n.ID] = c.ID
		added = append(added, c.ID)
	}

	for _, e := range clip.Edges {
		from, ok1 := newID[e.From]
		to, ok2 := newID[e.To]
		if ok1 && ok2 {
			_ = g.Connect(from, e.Port, to)
		}
	}
	return added
}
