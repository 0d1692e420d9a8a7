package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign/contactcsv"
)

// askTags asks which tags to add to, or remove from, the ticked
// contacts.
func (s *contactsScreen) askTags(add bool) {
	if s.selectedCount() == 0 {
		dialog.ShowInformation("No contacts selected",
			"Tick the contacts to change first, or tick "+
				"\"Select all matching\".", s.a.win)
		return
	}
	entry := widget.NewEntry()
	entry.SetPlaceHolder("spring-sale, vip")
	title, verb := "Add tags", "Add"
	if !add {
		title, verb = "Remove tags", "Remove"
	}
	items := []*widget.FormItem{widget.NewFormItem("Tags", entry)}
	d := dialog.NewForm(title, verb, "Cancel", items, func(ok bool) {
		if ok {
			s.changeTags(add, contactcsv.CleanTags(
				contactcsv.SplitTags(entry.Text)))
		}
	}, s.a.win)
	d.Show()
}

// changeTags applies a tag change to the selection and refreshes.
func (s *contactsScreen) changeTags(add bool, tags []string) {
	if len(tags) == 0 {
		return
	}
	ctx := context.Background()
	change := s.a.store.RemoveTags
	if add {
		change = s.a.store.AddTags
	}
	n, err := change(ctx, s.selection(), tags)
	if err != nil {
		s.showError(fmt.Errorf("change tags: %w", err))
		return
	}
	s.a.log.Info("contacts: tags changed", "contacts", n, "add", add)
	s.reload()
	s.refreshDetail()
}

// confirmDeleteSelected deletes the ticked contacts once the user
// agrees.
func (s *contactsScreen) confirmDeleteSelected() {
	if s.selectedCount() == 0 {
		dialog.ShowInformation("No contacts selected",
			"Tick the contacts to delete first.", s.a.win)
		return
	}
	msg := fmt.Sprintf("Delete %s? Their consent history is kept for "+
		"your records. This cannot be undone.", s.describeSelection())
	dialog.ShowConfirm("Delete contacts", msg, func(ok bool) {
		if !ok {
			return
		}
		n, err := s.a.store.DeleteContacts(context.Background(),
			s.selection())
		if err != nil {
			s.showError(fmt.Errorf("delete contacts: %w", err))
			return
		}
		s.a.log.Info("contacts: deleted", "contacts", n)
		s.clearSelection()
		s.reload()
	}, s.a.win)
}

// clearSelection unticks everything.
func (s *contactsScreen) clearSelection() {
	s.all = false
	s.checked = map[int64]bool{}
	s.allCheck.SetChecked(false)
}
