package campaign

import (
	"strings"
	"testing"
)

func TestReconcile(t *testing.T) {
	old := newSample(t)
	tests := []struct {
		name         string
		remove       []string
		at           string
		want         string
		wantFinished bool
	}{
		{"node kept", []string{old.offer}, old.wait, old.wait, false},
		{"next node", []string{old.send}, old.send, old.wait, false},
		{"skips deleted run", []string{old.send, old.wait}, old.send,
			old.branch, false},
		{"branch prefers yes", []string{old.branch}, old.branch,
			old.offer, false},
		{"goes past deleted yes to no", []string{old.branch, old.offer},
			old.branch, old.end2, true},
		{"nearest is an End", []string{old.offer}, old.offer, old.end, true},
		{"nothing left", []string{old.offer, old.end}, old.offer, "", true},
		{"at an End that stays", nil, old.end, old.end, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := old.g.Clone()
			edited.RemoveNodes(tt.remove...)
			got, finished := Reconcile(old.g, edited, tt.at)
			if got != tt.want || finished != tt.wantFinished {
				t.Errorf("got %q, %v, want %q, %v",
					got, finished, tt.want, tt.wantFinished)
			}
		})
	}
}

func TestReconcile_BreadthBeforeDepth(t *testing.T) {
	// The deleted Branch's Yes path has two deleted steps before a Wait;
	// its No path reaches an End directly. The End is nearer.
	old := newSample(t)
	edited := old.g.Clone()
	edited.RemoveNodes(old.branch, old.offer)
	got, finished := Reconcile(old.g, edited, old.branch)
	if got != old.end2 || !finished {
		t.Errorf("got %q, %v, want %q, true", got, finished, old.end2)
	}
}

func TestReconcileEnrollments(t *testing.T) {
	old := newSample(t)
	edited := old.g.Clone()
	edited.RemoveNodes(old.send, old.offer, old.end)

	es := []Enrollment{
		{ID: 1, NodeID: old.send, State: Active},
		{ID: 2, NodeID: old.wait, State: Active},
		{ID: 3, NodeID: old.offer, State: Held},
		{ID: 4, NodeID: old.send, State: Finished},
	}
	moves := ReconcileEnrollments(old.g, edited, es)
	if got, want := len(moves), 2; got != want {
		t.Fatalf("moves: got %d, want %d: %+v", got, want, moves)
	}

	m := moves[0]
	if m.Enrollment.ID != 1 || m.From != old.send ||
		m.Enrollment.NodeID != old.wait || m.Finished ||
		m.Enrollment.State != Active {
		t.Errorf("first move: got %+v, want 1 moved to the Wait", m)
	}
	if !strings.Contains(m.Enrollment.Note, "Wait") {
		t.Errorf("note: got %q, want it to name the Wait", m.Enrollment.Note)
	}

	m = moves[1]
	if m.Enrollment.ID != 3 || !m.Finished ||
		m.Enrollment.State != Finished || m.Enrollment.NodeID != "" {
		t.Errorf("second move: got %+v, want 3 finished", m)
	}
}
