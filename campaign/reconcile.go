package campaign

import "fmt"

// Reconcile finds where a contact at nodeID in the old graph belongs in
// the edited new graph. A node that is still there keeps the contact.
// Otherwise the contact moves to the nearest node after it in old that
// new still has, counting steps, with a Branch's Yes before its No.
// finished is true when that node is an End, or when nothing after the
// node survives; newNodeID is then the End's ID or "".
func Reconcile(old, new Graph, nodeID string) (newNodeID string, finished bool) {
	if n, ok := new.Node(nodeID); ok {
		return nodeID, n.Kind == KindEnd
	}

	newNodeID, finished = "", true
	old.walk(nodeID, func(to string) (descend, stop bool) {
		n, ok := new.Node(to)
		if !ok {
			return true, false
		}
		newNodeID, finished = n.ID, n.Kind == KindEnd
		return false, true
	})
	return newNodeID, finished
}

// Move records an Enrollment that an edit of a paused campaign moved:
// From is the deleted node it was at, and Enrollment is its new state.
type Move struct {
	Enrollment Enrollment
	From       string
	// Finished is set when the contact had no step left and ended.
	Finished bool
}

// ReconcileEnrollments applies Reconcile to each active or held
// enrollment in es whose node new no longer has, and returns those that
// moved, with their NodeID, State and Note updated. Finished
// enrollments are left alone.
func ReconcileEnrollments(old, new Graph, es []Enrollment) []Move {
	var moves []Move
	for _, e := range es {
		if e.State == Finished {
			continue
		}
		if _, ok := new.Node(e.NodeID); ok {
			continue
		}

		to, finished := Reconcile(old, new, e.NodeID)
		m := Move{Enrollment: e, From: e.NodeID, Finished: finished}
		m.Enrollment.NodeID = to
		next, _ := new.Node(to)
		switch {
		case finished && to == "":
			m.Enrollment.State = Finished
			m.Enrollment.Note = "Ended: their step was deleted and no " +
				"step after it was left."
		case finished:
			m.Enrollment.State = Finished
			m.Enrollment.Note = "Ended: their step was deleted and the " +
				"next step left was an End."
		default:
			m.Enrollment.Note = fmt.Sprintf("Moved on to the next %s: "+
				"their step was deleted.", next.Kind.Label())
		}
		moves = append(moves, m)
	}
	return moves
}
