package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
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
	title, verb, hint := "Add tags", "Add", "Added to "
	if !add {
		title, verb, hint = "Remove tags", "Remove", "Removed from "
	}
	item := widget.NewFormItem("Tags", entry)
	item.HintText = hint + s.describeSelection() +
		". Separate tags with commas."
	d := dialog.NewForm(title, verb, "Cancel", []*widget.FormItem{item},
		func(ok bool) {
			if ok {
				s.changeTags(add, contactcsv.CleanTags(
					contactcsv.SplitTags(entry.Text)))
			}
		}, s.a.win)
	showSmallForm(s.a.win, d, entry)
}

// smallFormWidth is the least width of a one-field dialog, so that its
// entry shows the placeholder and what is typed.
const smallFormWidth = 460

// showSmallForm shows a one-field form dialog wide enough to type in,
// with the cursor in the entry and Enter pressing the confirm button.
func showSmallForm(win fyne.Window, d *dialog.FormDialog,
	entry *widget.Entry) {

	entry.OnSubmitted = func(string) { d.Submit() }
	size := d.MinSize()
	size.Width = max(size.Width, smallFormWidth)
	d.Resize(size)
	d.Show()
	win.Canvas().Focus(entry)
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
