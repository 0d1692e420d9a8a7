package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// showContact shows one contact's details and consent history beside
// the list.
func (s *contactsScreen) showContact(id int64) {
	ctx := context.Background()
	c, err := s.a.store.Contact(ctx, id)
	if err != nil {
		s.showError(err)
		return
	}
	history, err := s.a.store.ConsentHistory(ctx, id)
	if err != nil {
		s.showError(err)
		return
	}
	s.shownID = id
	s.detail.Objects = []fyne.CanvasObject{s.detailView(c, history)}
	s.detail.Refresh()
}

// refreshDetail reloads the contact shown, if any.
func (s *contactsScreen) refreshDetail() {
	if s.shownID == 0 {
		return
	}
	if _, err := s.a.store.Contact(context.Background(),
		s.shownID); err != nil {
		s.shownID = 0
		s.detail.Objects = []fyne.CanvasObject{s.noDetail()}
		s.detail.Refresh()
		return
	}
	s.showContact(s.shownID)
}

func (s *contactsScreen) detailView(c campaign.Contact,
	history []campaign.ConsentEvent) fyne.CanvasObject {

	name := c.Name()
	if name == "" {
		name = c.Phone
	}
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})

	form := widget.NewForm(
		widget.NewFormItem("Phone", selectable(phoneNote(c))),
		widget.NewFormItem("Email", selectable(c.Email)),
		widget.NewFormItem("Tags", selectable(strings.Join(c.Tags, ", "))),
		widget.NewFormItem("Consent", wrappedText(consentState(c,
			history))),
	)
	keys := make([]string, 0, len(c.Fields))
	for k := range c.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		form.Append(k, selectable(c.Fields[k]))
	}

	edit := widget.NewButton("Edit", func() { s.editContact(c) })
	del := widget.NewButton("Delete", func() { s.confirmDelete(c) })
	del.Importance = widget.DangerImportance
	kind, label := campaign.OptOut, "Record opt-out"
	if c.OptedOut {
		kind, label = campaign.OptIn, "Record opt-in"
	}
	consent := widget.NewButton(label, func() { s.askConsent(c, kind) })

	items := []fyne.CanvasObject{title, form,
		container.NewHBox(edit, consent, del),
		widget.NewLabelWithStyle("Consent history", fyne.TextAlignLeading,
			fyne.TextStyle{Bold: true})}
	if len(history) == 0 {
		items = append(items, widget.NewLabel("No consent recorded yet."))
	}
	for i := len(history) - 1; i >= 0; i-- {
		l := widget.NewLabel(describeConsent(history[i]))
		l.Wrapping = fyne.TextWrapWord
		items = append(items, l)
	}
	return container.NewVBox(items...)
}

func wrappedText(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func phoneNote(c campaign.Contact) string {
	if c.NotMobile {
		return c.Phone + " (not a mobile number: texts may not arrive)"
	}
	return c.Phone
}

// consentState sums up where a contact stands; history is oldest
// first.
func consentState(c campaign.Contact,
	history []campaign.ConsentEvent) string {

	if c.OptedOut {
		return "Opted out: Nurture will not enroll or message them"
	}
	for i := len(history) - 1; i >= 0; i-- {
		if history[i].Kind == campaign.OptIn {
			return "Opted in on " + history[i].At.Local().Format(
				"2 Jan 2006")
		}
	}
	return "Not opted out, but no opt-in is recorded"
}

// sourceNames are the consent sources as people read them.
var sourceNames = map[campaign.ConsentSource]string{
	campaign.SourceImport:      "import",
	campaign.SourceManual:      "recorded by hand",
	campaign.SourceKeyword:     "keyword reply",
	campaign.SourceTwilio21610: "Twilio error 21610",
}

// describeConsent writes one consent event as a line of history.
func describeConsent(e campaign.ConsentEvent) string {
	kind := "Opted in"
	if e.Kind == campaign.OptOut {
		kind = "Opted out"
	}
	src := sourceNames[e.Source]
	if src == "" {
		src = string(e.Source)
	}
	line := fmt.Sprintf("%s · %s · %s", e.At.Local().Format(
		"2 Jan 2006 15:04"), kind, src)
	if e.Details != "" {
		line += "\n" + e.Details
	}
	return line
}

// askConsent records a manual opt-in or opt-out with a note on how the
// contact said so.
func (s *contactsScreen) askConsent(c campaign.Contact,
	kind campaign.ConsentKind) {

	note := widget.NewEntry()
	note.SetPlaceHolder("How did they tell you? e.g. asked by phone")
	title := "Record opt-out"
	if kind == campaign.OptIn {
		title = "Record opt-in"
	}
	items := []*widget.FormItem{widget.NewFormItem("Note", note)}
	d := dialog.NewForm(title, "Record", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		err := s.a.store.RecordConsent(context.Background(),
			campaign.ConsentEvent{ContactID: c.ID, Kind: kind,
				Source: campaign.SourceManual, Details: note.Text,
				At: s.a.clock.Now()})
		if err != nil {
			s.showError(err)
			return
		}
		s.a.log.Info("contacts: consent recorded", "contact", c.ID,
			"kind", string(kind))
		s.refresh()
		s.showContact(c.ID)
	}, s.a.win)
	showSmallForm(s.a.win, d, note)
}

// confirmDelete deletes one contact once the user agrees.
func (s *contactsScreen) confirmDelete(c campaign.Contact) {
	msg := fmt.Sprintf("Delete %s? Their consent history is kept for "+
		"your records.", c.Phone)
	dialog.ShowConfirm("Delete contact", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := s.a.store.DeleteContact(context.Background(),
			c.ID); err != nil {
			s.showError(err)
			return
		}
		s.shownID = 0
		s.detail.Objects = []fyne.CanvasObject{s.noDetail()}
		s.detail.Refresh()
		s.reload()
	}, s.a.win)
}
