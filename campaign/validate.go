package campaign

import (
	"fmt"
	"unicode/utf8"
)

// Severity says whether a Problem blocks starting a campaign.
type Severity int

// The severities of a Problem.
const (
	// SeverityError blocks starting the campaign until it is fixed. (The
	// name Error is taken by the domain error type.)
	SeverityError Severity = iota
	// SeverityWarning points at something allowed but likely a mistake.
	SeverityWarning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with a campaign's graph. NodeID names the
// node to highlight; it is "" for problems of the whole graph.
type Problem struct {
	NodeID   string
	Severity Severity
	Text     string
}

// Twilio's limits on one message.
const (
	// MaxBodyChars is the longest body Twilio accepts, in characters.
	MaxBodyChars = 1600
	// MaxSegments is the most Segments Twilio advises for one message;
	// longer ones cost more and may arrive out of order.
	MaxSegments = 10
)

// MessageFacts is what validation needs to know about a saved message.
type MessageFacts struct {
	Name string
	// Chars is the body's length in characters as written, merge
	// fields unfilled; Segments covers the filled-in worst case.
	Chars int
	// Segments is the worst-case number of Segments, 0 when unknown.
	Segments int
	// Problem says why the body cannot be sent as it stands (a merge
	// field no contact has, say), or is "".
	Problem string
}

// MessageInfo looks up a saved message by ID; ok is false when there is
// no such message (it was deleted, say).
type MessageInfo func(id int64) (facts MessageFacts, ok bool)

// LookupMessages returns a MessageInfo over msgs. segments counts the
// Segments of a body; nil leaves Segments at 0.
func LookupMessages(msgs []Message, segments func(body string) int) MessageInfo {
	byID := make(map[int64]MessageFacts, len(msgs))
	for _, m := range msgs {
		f := MessageFacts{Name: m.Name, Chars: utf8.RuneCountInString(m.Body)}
		if segments != nil {
			f.Segments = segments(m.Body)
		}
		byID[m.ID] = f
	}
	return func(id int64) (MessageFacts, bool) {
		f, ok := byID[id]
		return f, ok
	}
}

// Validate lists what is wrong with g, node by node in the graph's
// order. msgs looks up the messages that Send SMS nodes use; nil knows
// no messages.
func Validate(g Graph, msgs MessageInfo) []Problem {
	if msgs == nil {
		msgs = func(int64) (MessageFacts, bool) { return MessageFacts{}, false }
	}
	v := &validator{g: g, msgs: msgs, out: map[string][]Problem{},
		edges: g.outEdges(), byID: make(map[string]Node, len(g.Nodes))}
	for _, n := range g.Nodes {
		if _, dup := v.byID[n.ID]; !dup {
			v.byID[n.ID] = n
		}
	}

	v.checkStart()
	v.checkEdges()
	v.checkReachable()
	v.checkCycles()
	for _, n := range g.Nodes {
		v.checkNode(n)
	}
	v.checkBackToBack()
	return v.sorted()
}

// HasErrors reports whether any of ps is an Error.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// CanStart returns nil when g has no errors, and otherwise an EINVALID
// error that says how many there are and what the first one is.
func (g Graph) CanStart(msgs MessageInfo) error {
	var errs []Problem
	for _, p := range Validate(g, msgs) {
		if p.Severity == SeverityError {
			errs = append(errs, p)
		}
	}
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return Errorf(EINVALID, "The campaign can't start yet: %s",
			errs[0].Text)
	}
	return Errorf(EINVALID, "The campaign can't start yet: it has %d "+
		"problems to fix, the first being: %s", len(errs), errs[0].Text)
}

// validator collects the problems of one graph.
type validator struct {
	g    Graph
	msgs MessageInfo
	// out holds problems by node ID, "" for the whole graph.
	out map[string][]Problem
	// edges lists the edges leaving each node, and byID the nodes.
	edges map[string][]Edge
	byID  map[string]Node
}

func (v *validator) add(id string, sev Severity, format string, a ...any) {
	p := Problem{NodeID: id, Severity: sev, Text: fmt.Sprintf(format, a...)}
	v.out[id] = append(v.out[id], p)
}

// sorted returns the problems of the whole graph first, then those of
// each node in the graph's order.
func (v *validator) sorted() []Problem {
	ps := append([]Problem(nil), v.out[""]...)
	seen := map[string]bool{"": true}
	for _, n := range v.g.Nodes {
		if !seen[n.ID] {
			seen[n.ID] = true
			ps = append(ps, v.out[n.ID]...)
		}
	}
	return ps
}

// checkStart makes sure there is exactly one Start and it leads on.
func (v *validator) checkStart() {
	starts := 0
	for _, n := range v.g.Nodes {
		if n.Kind == KindStart {
			starts++
			if starts > 1 {
				v.add(n.ID, SeverityError, "A campaign has one Start. "+
					"Delete this one.")
			}
		}
	}
	if starts == 0 {
		v.add("", SeverityError, "This campaign has no Start step.")
		return
	}

	start, _ := v.g.Start()
	if _, ok := v.g.Next(start.ID, PortNext); !ok {
		v.add(start.ID, SeverityError, "Connect Start to the first step.")
	}
}

// checkEdges reports edges that break the graph's rules: these come
// only from files edited by hand, since Connect refuses them.
func (v *validator) checkEdges() {
	ids := make(map[string]int, len(v.g.Nodes))
	for _, n := range v.g.Nodes {
		ids[n.ID]++
		if ids[n.ID] == 2 {
			v.add(n.ID, SeverityError, "Two steps share the ID %q. "+
				"Delete one of them.", n.ID)
		}
	}

	used := map[Edge]bool{}
	for _, e := range v.g.Edges {
		src, ok1 := v.byID[e.From]
		dst, ok2 := v.byID[e.To]
		port := Edge{From: e.From, Port: e.Port}
		switch {
		case !ok1 || !ok2:
			v.add("", SeverityError, "A connection leads to or from a step "+
				"that no longer exists.")
		case !HasPort(src.Kind, e.Port):
			v.add(src.ID, SeverityError, "This step has a connection on an "+
				"output it does not have (%q).", e.Port)
		case dst.Kind == KindStart:
			v.add(src.ID, SeverityError, "This step leads into Start. "+
				"Connect it to another step.")
		case e.From == e.To:
			v.add(src.ID, SeverityError, "This step leads to itself.")
		case used[port]:
			v.add(src.ID, SeverityError, "An output of this step has two "+
				"connections. Remove one.")
		}
		used[port] = true
	}
}

// checkReachable reports nodes that no path from Start reaches.
func (v *validator) checkReachable() {
	start, ok := v.g.Start()
	if !ok {
		return
	}
	seen := v.g.reachable(start.ID)
	for _, n := range v.g.Nodes {
		if !seen[n.ID] && n.Kind != KindStart {
			v.add(n.ID, SeverityError, "No path from Start reaches this step. "+
				"Connect it, or delete it.")
		}
	}
}

// reachable returns the IDs of the nodes that paths from id reach,
// id included.
func (g Graph) reachable(id string) map[string]bool {
	seen := map[string]bool{id: true}
	g.walk(id, func(to string) (descend, stop bool) {
		seen[to] = true
		return true, false
	})
	return seen
}

// walk visits the nodes after id breadth first, each once, following a
// Branch's Yes before its No. visit says whether to go on past a node,
// and whether to stop the whole walk.
func (g Graph) walk(id string, visit func(to string) (descend, stop bool)) {
	walkEdges(g.outEdges(), id, visit)
}

// walkEdges is walk over the edges out lists by source node.
func walkEdges(out map[string][]Edge, id string,
	visit func(to string) (descend, stop bool)) {

	seen := map[string]bool{id: true}
	queue := []string{id}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, e := range out[cur] {
			if seen[e.To] {
				continue
			}
			seen[e.To] = true
			descend, stop := visit(e.To)
			if stop {
				return
			}
			if descend {
				queue = append(queue, e.To)
			}
		}
	}
}

// outEdges returns the edges leaving each node, by node ID, with a
// Branch's Yes before its No.
func (g Graph) outEdges() map[string][]Edge {
	out := make(map[string][]Edge, len(g.Nodes))
	for _, e := range g.Edges {
		out[e.From] = append(out[e.From], e)
	}
	for id, es := range out {
		if len(es) == 2 && es[0].Port == PortNo && es[1].Port == PortYes {
			out[id] = []Edge{es[1], es[0]}
		}
	}
	return out
}
