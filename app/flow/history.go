package flow

import "github.com/nurturesms/nurture/campaign"

// historyLimit is how many changes can be undone; older ones are dropped.
const historyLimit = 200

// History is the undo and redo stacks of a graph, kept as snapshots: each
// entry is a whole copy of the graph as it was. A 200-node graph copies
// in microseconds, and snapshots cannot drift from the graph the way
// inverse commands can.
type History struct {
	undo []snapshot
	redo []snapshot
}

// snapshot is one saved graph. key, when set, lets a run of small edits to
// the same setting (typing in a field) merge into one undo step.
type snapshot struct {
	graph campaign.Graph
	key   string
}

// Record saves before, the graph as it was just before a change, and
// forgets the redo stack. A non-empty key equal to the previous record's
// key merges the change into that record instead.
func (h *History) Record(before campaign.Graph, key string) {
	h.redo = nil
	if key != "" && len(h.undo) > 0 && h.undo[len(h.undo)-1].key == key {
		return
	}
	h.undo = append(h.undo, snapshot{graph: before.Clone(), key: key})
	if len(h.undo) > historyLimit {
		h.undo = h.undo[len(h.undo)-historyLimit:]
	}
}

// Seal ends a run of merged edits, so the next keyed change starts a new
// undo step even when its key is the same.
func (h *History) Seal() {
	if len(h.undo) > 0 {
		h.undo[len(h.undo)-1].key = ""
	}
}

// Undo returns the graph before the last change and saves current for
// Redo. ok is false when there is nothing to undo.
func (h *History) Undo(current campaign.Graph) (g campaign.Graph, ok bool) {
	return shift(&h.undo, &h.redo, current)
}

// Redo returns the graph the last Undo went back from and saves current
// for Undo. ok is false when there is nothing to redo.
func (h *History) Redo(current campaign.Graph) (g campaign.Graph, ok bool) {
	return shift(&h.redo, &h.undo, current)
}

// shift pops the last snapshot off from and pushes current onto to.
func shift(from, to *[]snapshot, current campaign.Graph) (campaign.Graph, bool) {
	if len(*from) == 0 {
		return current, false
	}
	last := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, snapshot{graph: current.Clone()})
	return last.graph, true
}

// CanUndo reports whether there is a change to undo.
func (h *History) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo reports whether there is an undone change to redo.
func (h *History) CanRedo() bool { return len(h.redo) > 0 }

// Clear forgets every change, as when another campaign is loaded.
func (h *History) Clear() {
	h.undo = nil
	h.redo = nil
}
