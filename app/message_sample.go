package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign/sms"
	"github.com/nurturesms/nurture/data"
)

// sampleLimit is how many contacts the sample picker offers at once.
const sampleLimit = 200

// samplePicker chooses the contact the preview is rendered for. A search
// box narrows the list; the search runs off the UI goroutine.
type samplePicker struct {
	a       *App
	onPick  func()
	samples []data.Recipient
	search  *widget.Entry
	pick    *widget.Select
	// none stands in for the search and the choice while there are no
	// contacts at all.
	none *widget.Label
	box  *fyne.Container

	// gen makes an older search's result stale; UI goroutine only.
	gen int
	// do hands work to the UI goroutine: fyne.Do, or a test's queue.
	do func(func())
}

func newSamplePicker(a *App, onPick func()) *samplePicker {
	sp := &samplePicker{a: a, onPick: onPick, do: a.do}
	sp.pick = widget.NewSelect(nil, func(string) { sp.onPick() })
	sp.search = widget.NewEntry()
	sp.search.SetPlaceHolder("Find a contact by name, email or number")
	sp.search.OnChanged = sp.find
	sp.none = widget.NewLabel("No contacts yet: merge fields show " +
		"their fallbacks.")
	sp.box = container.NewVBox(sp.search, container.NewBorder(nil, nil,
		widget.NewLabel("Preview for"), nil, sp.pick))
	sp.reload()
	return sp
}

func (sp *samplePicker) view() fyne.CanvasObject {
	return container.NewVBox(sp.none, sp.box)
}

// reload reads the contacts that match the search again, and keeps the
// contact picked when it is still there.
func (sp *samplePicker) reload() {
	list, err := sp.a.store.SampleRecipients(sp.a.ctx, sp.search.Text,
		sampleLimit)
	if err != nil {
		sp.a.log.Warn("messages: list sample contacts", "err", err)
		return
	}
	picked := int64(0)
	if i := sp.pick.SelectedIndex(); i >= 0 && i < len(sp.samples) {
		picked = sp.samples[i].ID
	}
	sp.set(list)
	for i, r := range list {
		if r.ID == picked {
			sp.pick.Selected = sp.pick.Options[i]
			sp.pick.Refresh()
		}
	}
}

// fields returns the chosen contact's merge field values.
func (sp *samplePicker) fields() sms.Fields {
	i := sp.pick.SelectedIndex()
	if i < 0 || i >= len(sp.samples) {
		return sms.MapFields(nil)
	}
	return sms.MapFields(sp.samples[i].Values)
}

// name returns the chosen contact's name, or "" when there is none.
func (sp *samplePicker) name() string {
	i := sp.pick.SelectedIndex()
	if i < 0 || i >= len(sp.samples) {
		return ""
	}
	return sp.samples[i].Name
}

// find looks for contacts matching the search text in the background.
func (sp *samplePicker) find(text string) {
	sp.gen++
	gen := sp.gen
	sp.a.goSafe("the contact search", func() {
		list, err := sp.a.store.SampleRecipients(sp.a.ctx, text,
			sampleLimit)
		if err != nil {
			sp.a.log.Warn("messages: search sample contacts", "err", err)
			return
		}
		sp.do(func() {
			if gen != sp.gen {
				return
			}
			sp.set(list)
			sp.onPick()
		})
	})
}

// show puts r first in the list and picks it.
func (sp *samplePicker) show(r data.Recipient) {
	list := []data.Recipient{r}
	for _, s := range sp.samples {
		if s.ID != r.ID {
			list = append(list, s)
		}
	}
	sp.set(list)
	sp.onPick()
}

// set replaces the list and picks its first contact. The number keeps
// two contacts with one name apart.
func (sp *samplePicker) set(list []data.Recipient) {
	sp.samples = list
	names := make([]string, len(list))
	for i, r := range list {
		names[i] = r.Name
		if phone := r.Values[sms.FieldPhone]; phone != r.Name {
			names[i] += " (" + phone + ")"
		}
	}
	sp.pick.Options = names
	sp.pick.Selected = ""
	if len(names) > 0 {
		sp.pick.Selected = names[0]
	}
	sp.pick.Refresh()

	// A search that finds no one keeps its box, to be changed.
	empty := len(list) == 0 && sp.search.Text == ""
	sp.none.Hidden, sp.box.Hidden = !empty, empty
	sp.none.Refresh()
	sp.box.Refresh()
}
