package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"github.com/nurturesms/nurture/campaign"
)

// maxMovesListed is how many moved contacts the report names one by
// one before it sums up the rest.
const maxMovesListed = 20

// showEnrollmentMoves tells the user which contacts an edit of a paused
// campaign moved, because the step they were at was deleted. The
// editor calls it with what data.Store.SaveCampaignMoves returns.
func (a *App) showEnrollmentMoves(moves []campaign.Move) {
	if len(moves) == 0 {
		return
	}
	dialog.ShowInformation("Contacts moved", movesReport(a, moves), a.win)
}

// movesReport writes one line per moved contact, naming the contact.
func movesReport(a *App, moves []campaign.Move) string {
	var b strings.Builder
	if len(moves) == 1 {
		b.WriteString("1 contact was at a step you deleted:\n\n")
	} else {
		fmt.Fprintf(&b, "%d contacts were at steps you deleted:\n\n",
			len(moves))
	}
	for i, m := range moves {
		if i == maxMovesListed {
			fmt.Fprintf(&b, "...and %d more. Each one's note in the "+
				"campaign's report says where it went.",
				len(moves)-maxMovesListed)
			break
		}
		fmt.Fprintf(&b, "%s: %s\n", contactLabel(a, m.Enrollment.ContactID),
			m.Enrollment.Note)
	}
	return strings.TrimRight(b.String(), "\n")
}

// contactLabel names a contact for the user: the name, else the phone.
func contactLabel(a *App, id int64) string {
	c, err := a.store.Contact(context.Background(), id)
	switch {
	case err != nil:
		return fmt.Sprintf("Contact %d", id)
	case c.Name() != "":
		return c.Name()
	}
	return c.Phone
}
