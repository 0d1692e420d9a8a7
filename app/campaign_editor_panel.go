package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/app/flow"
	"github.com/nurturesms/nurture/campaign"
)

// The audience choices of the Start step, in AudienceMode order.
var audienceLabels = []string{"All contacts",
	"Contacts with any of these tags", "Contacts with all of these tags",
	"Contacts matching a condition"}

var audienceModes = []campaign.AudienceMode{campaign.AudienceAll,
	campaign.AudienceAnyTag, campaign.AudienceAllTags,
	campaign.AudienceCondition}

var waitUnits = []campaign.WaitUnit{campaign.Minutes, campaign.Hours,
	campaign.Days}

// Labels of the two kinds of Wait.
const (
	waitForLabel   = "For a time"
	waitUntilLabel = "Until a day and time"
)

// showSettings fills the side panel with the settings of the selected
// Node, or with a hint when none or several are selected.
func (e *campaignEditor) showSettings() {
	if e.panel == nil {
		return
	}
	m := e.canvas.Model()
	ids := m.Selected()
	var items []fyne.CanvasObject
	switch len(ids) {
	case 0:
		items = []fyne.CanvasObject{hint("Select a step to change its " +
			"settings. Drag steps from the list above onto the canvas, " +
			"then drag from a step's dot to another step to connect them.")}
	case 1:
		n, _ := m.Graph().Node(ids[0])
		items = e.nodeSettings(n)
	default:
		items = []fyne.CanvasObject{hint(fmt.Sprintf("%d steps selected. "+
			"Delete removes them; Ctrl+C and Ctrl+V copy them.", len(ids)))}
	}

	if m.ReadOnly {
		for _, o := range items {
			if d, ok := o.(fyne.Disableable); ok {
				d.Disable()
			}
		}
	}
	e.panel.Objects = items
	e.panel.Refresh()
}

// nodeSettings returns the fields that edit n.
func (e *campaignEditor) nodeSettings(n campaign.Node) []fyne.CanvasObject {
	head := widget.NewLabelWithStyle(flow.Title(n.Kind)+" step",
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	items := []fyne.CanvasObject{head}
	switch n.Kind {
	case campaign.KindStart:
		items = append(items, e.startSettings(n)...)
	case campaign.KindSend:
		items = append(items, e.sendSettings(n)...)
	case campaign.KindWait:
		items = append(items, e.waitSettings(n)...)
	case campaign.KindBranch:
		cond := campaign.Condition{Op: campaign.OpEquals}
		if n.Condition != nil {
			cond = *n.Condition
		}
		items = append(items, hint("Contacts who match go down Yes; "+
			"the others go down No."))
		items = append(items, e.conditionForm(n.ID, cond,
			func(n *campaign.Node, c campaign.Condition) { n.Condition = &c })...)
	case campaign.KindEnd:
		items = append(items, hint("Contacts who reach this step have "+
			"finished the campaign."))
	}
	return items
}

// edit changes Node id as one undoable step. key, when set, merges a run
// of changes to the same field (typing) into one step.
func (e *campaignEditor) edit(id, key string, change func(n *campaign.Node)) {
	if key != "" {
		key = id + ":" + key
	}
	e.editing = true
	defer func() { e.editing = false }()
	err := e.canvas.Model().Change(key, func(g *campaign.Graph) error {
		i := g.Index(id)
		if i < 0 {
			return campaign.Errorf(campaign.ENOTFOUND,
				"That step no longer exists.")
		}
		change(&g.Nodes[i])
		return nil
	})
	if err != nil {
		e.showError(err)
	}
}

func (e *campaignEditor) startSettings(n campaign.Node) []fyne.CanvasObject {
	aud := campaign.Audience{Mode: campaign.AudienceAll}
	if n.Audience != nil {
		aud = *n.Audience
	}
	set := func(key string, change func(a *campaign.Audience)) {
		e.edit(n.ID, key, func(n *campaign.Node) {
			a := aud
			if n.Audience != nil {
				a = *n.Audience
			}
			change(&a)
			n.Audience = &a
		})
	}

	mode := widget.NewSelect(audienceLabels, nil)
	mode.SetSelectedIndex(max(0, slices.Index(audienceModes, aud.Mode)))
	mode.OnChanged = func(string) {
		set("", func(a *campaign.Audience) {
			a.Mode = audienceModes[mode.SelectedIndex()]
			if a.Mode == campaign.AudienceCondition && a.Condition == nil {
				a.Condition = &campaign.Condition{Op: campaign.OpEquals}
			}
		})
		e.showSettings()
	}
	items := []fyne.CanvasObject{widget.NewLabel("Who enters"), mode}

	switch aud.Mode {
	case campaign.AudienceAnyTag, campaign.AudienceAllTags:
		tags := e.newEntry()
		tags.SetPlaceHolder("customer, vip")
		tags.SetText(strings.Join(aud.Tags, ", "))
		tags.OnChanged = func(s string) {
			set("tags", func(a *campaign.Audience) { a.Tags = splitTags(s) })
		}
		items = append(items, widget.NewLabel("Tags, separated by commas"),
			tags)
	case campaign.AudienceCondition:
		cond := campaign.Condition{Op: campaign.OpEquals}
		if aud.Condition != nil {
			cond = *aud.Condition
		}
		items = append(items, e.conditionForm(n.ID, cond,
			func(n *campaign.Node, c campaign.Condition) {
				if n.Audience != nil {
					n.Audience.Condition = &c
				}
			})...)
	}

	later := widget.NewCheck("Contacts who join later enter too",
		func(on bool) {
			set("", func(a *campaign.Audience) { a.IncludeNew = on })
		})
	later.Checked = aud.IncludeNew
	return append(items, later)
}

// splitTags reads "a, b,,c" as [a b c].
func splitTags(s string) []string {
	var tags []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return tags
}

func (e *campaignEditor) sendSettings(n campaign.Node) []fyne.CanvasObject {
	if len(e.book.msgs) == 0 {
		return []fyne.CanvasObject{hint("There are no saved messages " +
			"yet. Write one under Messages, then come back to pick it.")}
	}
	var names []string
	for _, c := range e.book.choices {
		names = append(names, c.Name)
	}
	detail := widget.NewLabel("")
	pick := widget.NewSelect(names, nil)
	pick.PlaceHolder = "Choose a message"
	for i, c := range e.book.choices {
		if c.ID == n.MessageID {
			pick.SetSelectedIndex(i)
			detail.SetText(c.Detail)
		}
	}
	pick.OnChanged = func(string) {
		c := e.book.choices[pick.SelectedIndex()]
		detail.SetText(c.Detail)
		e.edit(n.ID, "", func(n *campaign.Node) { n.MessageID = c.ID })
	}
	return []fyne.CanvasObject{widget.NewLabel("Message"), pick, detail}
}

func (e *campaignEditor) waitSettings(n campaign.Node) []fyne.CanvasObject {
	w := campaign.Wait{Mode: campaign.WaitFor, Amount: 1,
		Unit: campaign.Days}
	if n.Wait != nil {
		w = *n.Wait
	}
	set := func(key string, change func(w *campaign.Wait)) {
		e.edit(n.ID, key, func(n *campaign.Node) {
			cur := w
			if n.Wait != nil {
				cur = *n.Wait
			}
			change(&cur)
			n.Wait = &cur
		})
	}

	mode := widget.NewRadioGroup([]string{waitForLabel, waitUntilLabel}, nil)
	mode.SetSelected(waitForLabel)
	if w.Mode == campaign.WaitUntil {
		mode.SetSelected(waitUntilLabel)
	}
	mode.Required = true
	mode.OnChanged = func(s string) {
		set("", func(w *campaign.Wait) {
			w.Mode = campaign.WaitFor
			if s == waitUntilLabel {
				w.Mode = campaign.WaitUntil
			}
		})
		e.showSettings()
	}
	items := []fyne.CanvasObject{mode}
	if w.Mode == campaign.WaitUntil {
		return append(items, e.untilFields(w, set)...)
	}
	return append(items, e.forFields(w, set)...)
}

func (e *campaignEditor) forFields(w campaign.Wait,
	set func(string, func(*campaign.Wait))) []fyne.CanvasObject {

	amount := e.newEntry()
	amount.SetText(strconv.Itoa(w.Amount))
	problem := hint("")
	amount.OnChanged = func(s string) {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || v < 1 {
			problem.SetText("Type a whole number, 1 or more.")
			return
		}
		problem.SetText("")
		set("amount", func(w *campaign.Wait) { w.Amount = v })
	}

	var labels []string
	for _, u := range waitUnits {
		labels = append(labels, string(u))
	}
	unit := widget.NewSelect(labels, nil)
	unit.SetSelected(string(w.Unit))
	unit.OnChanged = func(s string) {
		set("", func(w *campaign.Wait) { w.Unit = campaign.WaitUnit(s) })
	}
	return []fyne.CanvasObject{widget.NewLabel("How long"), amount,
		unit, problem}
}

func (e *campaignEditor) untilFields(w campaign.Wait,
	set func(string, func(*campaign.Wait))) []fyne.CanvasObject {

	days := []string{"Any day"}
	for d := time.Sunday; d <= time.Saturday; d++ {
		days = append(days, d.String())
	}
	day := widget.NewSelect(days, nil)
	day.SetSelectedIndex(0)
	if w.Weekday >= 0 && w.Weekday <= 6 {
		day.SetSelectedIndex(w.Weekday + 1)
	}
	day.OnChanged = func(string) {
		set("", func(w *campaign.Wait) { w.Weekday = day.SelectedIndex() - 1 })
	}

	at := e.newEntry()
	at.SetPlaceHolder("09:00")
	at.SetText(flow.ClockTime(w.TimeOfDay))
	problem := hint("")
	at.OnChanged = func(s string) {
		mins, ok := parseClock(s)
		if !ok {
			problem.SetText("Type a time of day as hours and minutes, " +
				"such as 09:30 or 17:00.")
			return
		}
		problem.SetText("")
		set("time", func(w *campaign.Wait) { w.TimeOfDay = mins })
	}
	return []fyne.CanvasObject{widget.NewLabel("Until the next"), day,
		widget.NewLabel("At (24-hour time)"), at, problem}
}

// parseClock reads "9:30" or "09:30" as minutes after midnight.
func parseClock(s string) (int, bool) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return 0, false
	}
	hours, err1 := strconv.Atoi(h)
	mins, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hours < 0 || hours > 23 ||
		mins < 0 || mins > 59 {
		return 0, false
	}
	return hours*60 + mins, true
}

// hint is a wrapping label for guidance in the side panel.
func hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
