package app

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

func TestContacts_BulkTagsAndExport(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	for i := 0; i < 6; i++ {
		_, err := a.store.SaveContact(ctx, campaign.Contact{
			Phone: fmt.Sprintf("+447700900%03d", i), FirstName: "Ada"})
		if err != nil {
			t.Fatal(err)
		}
	}
	s := contactsFor(t, a)
	tagged := func() int {
		n, err := a.store.CountContacts(ctx, data.ContactFilter{Tag: "spring"})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	onUI(func() {
		s.tick(s.pager.at(0).ID, true)
		s.tick(s.pager.at(1).ID, true)
		s.changeTags(true, []string{"spring"})
	})
	if got, want := tagged(), 2; got != want {
		t.Errorf("ticked two: %d tagged, want %d", got, want)
	}

	// The tag dialog names the selection, has room to type, and Enter
	// removes the tag from the two ticked contacts.
	onUI(func() {
		s.askTags(false)
		top := a.win.Canvas().Overlays().Top()
		if got, want := top.Size().Width, float32(smallFormWidth); got < want {
			t.Errorf("tag dialog is %v wide, want at least %v", got, want)
		}
		var entry *widget.Entry
		var texts []string
		walkObjects(top, func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *widget.Entry:
				entry = o
			case *canvas.Text:
				texts = append(texts, o.Text)
			}
		})
		if got, want := strings.Join(texts, "|"),
			"Removed from 2 contacts"; !strings.Contains(got, want) {
			t.Errorf("tag dialog says %s, want %q", got, want)
		}
		if got := a.win.Canvas().Focused(); got != entry {
			t.Errorf("focus is on %T, want the tags entry", got)
		}
		test.Type(entry, "spring")
		entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	if got, want := tagged(), 0; got != want {
		t.Errorf("Enter in the remove dialog: %d tagged, want %d", got, want)
	}
	onUI(func() { s.changeTags(true, []string{"spring"}) })

	onUI(func() {
		s.allCheck.SetChecked(true)
		s.changeTags(true, []string{"spring"})
	})
	if got, want := tagged(), 6; got != want {
		t.Errorf("all matching: %d tagged, want %d", got, want)
	}

	var out bytes.Buffer
	var msg string
	onUI(func() {
		s.search.SetText("7700 900 003")
		s.load(s.filter())
		var err error
		msg, err = s.exportContacts(&out, s.pager.filter)
		if err != nil {
			t.Error(err)
		}
	})
	if msg != "Exported 1 contact." || !strings.Contains(out.String(),
		"+447700900003,Ada,,,spring") {
		t.Errorf("export said %q and wrote:\n%s", msg, out.String())
	}

	// With a search on, the export offers the match and all contacts.
	var options []string
	var filters map[string]data.ContactFilter
	onUI(func() { options, filters = s.exportChoices() })
	want := []string{"The 1 contact that matches the search and filters",
		"All 6 contacts", "The consent log"}
	if got := strings.Join(options, "|"); got != strings.Join(want, "|") {
		t.Errorf("export choices = %q, want %q", options, want)
	}
	if f := filters["All 6 contacts"]; f != (data.ContactFilter{}) {
		t.Errorf("all contacts export with filter %+v", f)
	}
	if f := filters[want[0]]; f.Search == "" {
		t.Errorf("the matching contacts export without the search: %+v", f)
	}
}
