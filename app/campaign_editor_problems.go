package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/app/flow"
	"github.com/nurturesms/nurture/campaign"
)

// problemsView is the list of what is wrong with the campaign. Clicking
// a problem selects its Node and brings it into view.
func (e *campaignEditor) problemsView() fyne.CanvasObject {
	e.probTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	e.probList = newProblemList(
		func() int { return len(e.problems) },
		func(id widget.ListItemID) string {
			if id >= len(e.problems) {
				return ""
			}
			return e.problemText(e.problems[id])
		},
		func(id widget.ListItemID, icon *widget.Icon, label *widget.Label) {
			if id >= len(e.problems) {
				return
			}
			p := e.problems[id]
			var res fyne.Resource = theme.NewErrorThemedResource(
				theme.ErrorIcon())
			if p.Severity == campaign.SeverityWarning {
				res = theme.NewWarningThemedResource(theme.WarningIcon())
			}
			icon.SetResource(res)
			label.SetText(e.problemText(p))
		},
	)
	e.probList.OnSelected = func(id widget.ListItemID) {
		if id < len(e.problems) && e.problems[id].NodeID != "" {
			e.canvas.Reveal(e.problems[id].NodeID)
		}
		e.probList.UnselectAll()
	}
	e.refreshProblems()
	// The save status sits at the end of the heading, where its changing
	// width moves nothing else.
	e.status = widget.NewLabel("")
	head := container.NewBorder(nil, nil, nil, e.status, e.probTitle)
	return container.NewBorder(head, nil, nil, nil, e.probList)
}

// problemText names the step a problem is on, then says what is wrong.
func (e *campaignEditor) problemText(p campaign.Problem) string {
	n, ok := e.canvas.Model().Graph().Node(p.NodeID)
	if !ok {
		return p.Text
	}
	return flow.Title(n.Kind) + ": " + p.Text
}

// refreshProblems updates the list and its heading.
func (e *campaignEditor) refreshProblems() {
	if e.probList == nil {
		return
	}
	errs, warns := 0, 0
	for _, p := range e.problems {
		if p.Severity == campaign.SeverityError {
			errs++
		} else {
			warns++
		}
	}

	switch {
	case errs+warns == 0:
		e.probTitle.SetText("Problems: none." + e.readyText())
	default:
		e.probTitle.SetText(fmt.Sprintf("Problems: %s, %s",
			count(errs, "error"), count(warns, "warning")))
	}
	e.probList.fitRows()
	e.probList.Refresh()
}

// readyText says what a campaign with no problems can do next.
func (e *campaignEditor) readyText() string {
	switch e.c.State {
	case campaign.Draft:
		return " The campaign is ready to start."
	case campaign.Paused:
		return " The campaign is ready to resume."
	}
	return ""
}

// count returns "1 error" or "3 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// movesText tells the user where contacts went whose step was deleted:
// "2 contacts moved on to the Wait step (For 2 days). 1 contact had no
// step left and finished the campaign."
func (e *campaignEditor) movesText(g campaign.Graph,
	moves []campaign.Move) string {

	finished := 0
	to := map[string]int{}
	var order []string
	for _, m := range moves {
		if m.Finished {
			finished++
			continue
		}
		if to[m.Enrollment.NodeID] == 0 {
			order = append(order, m.Enrollment.NodeID)
		}
		to[m.Enrollment.NodeID]++
	}

	text := "Some contacts were at steps you deleted."
	for _, id := range order {
		name := "another step"
		if n, ok := g.Node(id); ok {
			name = e.stepName(n)
		}
		text += fmt.Sprintf(" %s moved on to %s.",
			count(to[id], "contact"), name)
	}
	if finished > 0 {
		text += fmt.Sprintf(" %s had no step left and finished the "+
			"campaign.", count(finished, "contact"))
	}
	return text
}

// stepName names Node n by its kind and what it does, since the canvas
// shows no Node IDs: the Send SMS step "Welcome".
func (e *campaignEditor) stepName(n campaign.Node) string {
	name := "the " + flow.Title(n.Kind) + " step"
	if n.Kind == campaign.KindSend {
		if m := e.book.messageName(n.MessageID); m != "" {
			name += fmt.Sprintf(" %q", m)
		}
		return name
	}
	if lines := flow.Summary(n); len(lines) > 0 {
		name += " (" + lines[0] + ")"
	}
	return name
}
