package app

import (
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
)

func TestMovesReport(t *testing.T) {
	a := newTestApp(t)
	_, err := a.store.DB().Exec(`INSERT INTO contacts (id, phone,
		first_name, last_name, created_at, updated_at) VALUES
		(1, '+15555550100', 'Ana', 'Diaz', 'x', 'x'),
		(2, '+15555550101', '', '', 'x', 'x')`)
	if err != nil {
		t.Fatal(err)
	}
	moves := []campaign.Move{
		{Enrollment: campaign.Enrollment{ContactID: 1,
			Note: "Moved on to the next Wait: their step was deleted."}},
		{Enrollment: campaign.Enrollment{ContactID: 2, Note: "Ended."},
			Finished: true},
		{Enrollment: campaign.Enrollment{ContactID: 99, Note: "Ended."}},
	}
	got := movesReport(a, moves)
	for _, want := range []string{"3 contacts were at steps you deleted",
		"Ana Diaz: Moved on to the next Wait", "+15555550101: Ended.",
		"Contact 99: Ended."} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to contain %q", got, want)
		}
	}

	many := make([]campaign.Move, maxMovesListed+5)
	if got := movesReport(a, many); !strings.Contains(got, "and 5 more") {
		t.Errorf("got %q, want it to sum up the last 5", got)
	}
}
