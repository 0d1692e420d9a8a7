package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
	"github.com/nurturesms/nurture/data"
)

// newList builds the contact list. Rows come from the pager, so only
// the rows on screen and a few pages around them are ever loaded.
func (s *contactsScreen) newList() *widget.List {
	l := widget.NewList(
		func() int { return s.pager.count },
		newContactRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			s.fillRow(id, o)
		})
	l.OnSelected = func(id widget.ListItemID) {
		c := s.pager.at(id)
		if c.ID != 0 {
			s.showContact(c.ID)
		}
	}
	return l
}

// contactRow is one line of the list: a tick box, the name, number,
// tags and consent state.
type contactRow struct {
	widget.BaseWidget
	check                      *widget.Check
	name, phone, tags, consent *widget.Label
}

func newContactRow() fyne.CanvasObject {
	r := &contactRow{check: widget.NewCheck("", nil),
		name: widget.NewLabel("Contact name"), phone: widget.NewLabel(""),
		tags: widget.NewLabel(""), consent: widget.NewLabel("")}
	for _, l := range []*widget.Label{r.name, r.phone, r.tags} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.name.TextStyle.Bold = true
	r.consent.Importance = widget.DangerImportance
	r.ExtendBaseWidget(r)
	return r
}

func (r *contactRow) CreateRenderer() fyne.WidgetRenderer {
	cols := container.New(weighted{4, 4, 3}, r.name, r.phone, r.tags)
	// The badge keeps one width whether it shows text or not.
	badgeWidth := canvas.NewRectangle(color.Transparent)
	badgeWidth.SetMinSize(fyne.NewSize(100, 1))
	badge := container.NewStack(badgeWidth, r.consent)
	return widget.NewSimpleRenderer(
		container.NewBorder(nil, nil, r.check, badge, cols))
}

// weighted lays objects out side by side, each as wide as its share
// of the weights.
type weighted []float32

func (w weighted) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var total float32
	for _, x := range w {
		total += x
	}
	pad := theme.Padding()
	avail := size.Width - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		width := avail * w[i] / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(width, size.Height))
		x += width + pad
	}
}

func (w weighted) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		min = min.Max(fyne.NewSize(0, o.MinSize().Height))
	}
	return min
}

// fillRow shows the contact at list position id in a row.
func (s *contactsScreen) fillRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*contactRow)
	c := s.pager.at(id)
	name := c.Name()
	if name == "" {
		name = "(no name)"
	}
	r.name.SetText(name)
	r.phone.SetText(c.Phone)
	r.tags.SetText(strings.Join(c.Tags, ", "))
	r.consent.SetText(consentBadge(c))

	r.check.OnChanged = nil
	r.check.SetChecked(s.all || s.checked[c.ID])
	r.check.OnChanged = func(on bool) { s.tick(c.ID, on) }
}

// consentBadge is the short state shown at the end of a row.
func consentBadge(c campaign.Contact) string {
	switch {
	case c.OptedOut:
		return "Opted out"
	case c.NotMobile:
		return "Not mobile"
	}
	return ""
}

// tick records a tick box change in the list.
func (s *contactsScreen) tick(id int64, on bool) {
	if s.all && !on {
		// Unticking one row ends "all matching".
		s.all = false
		s.allCheck.SetChecked(false)
	}
	if on {
		s.checked[id] = true
	} else {
		delete(s.checked, id)
	}
	s.updateCount()
}

func (s *contactsScreen) onSelectAll(on bool) {
	s.all = on
	if !on {
		s.checked = map[int64]bool{}
	}
	s.list.Refresh()
	s.updateCount()
}

// selection is what the bulk actions act on.
func (s *contactsScreen) selection() data.Selection {
	if s.all {
		return data.Selection{All: true, Filter: s.pager.filter}
	}
	ids := make([]int64, 0, len(s.checked))
	for id := range s.checked {
		ids = append(ids, id)
	}
	return data.Selection{IDs: ids}
}

func (s *contactsScreen) selectedCount() int {
	if s.all {
		return s.pager.count
	}
	return len(s.checked)
}

// bulkBar holds the actions on ticked contacts.
func (s *contactsScreen) bulkBar() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add tag…", theme.ContentAddIcon(),
		func() { s.askTags(true) })
	remove := widget.NewButtonWithIcon("Remove tag…",
		theme.ContentRemoveIcon(), func() { s.askTags(false) })
	del := widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(),
		s.confirmDeleteSelected)
	return container.NewHBox(add, remove, del)
}

// describeSelection says "3 contacts" or "all 12,000 matching
// contacts", for confirmations.
func (s *contactsScreen) describeSelection() string {
	n := s.selectedCount()
	if s.all {
		return fmt.Sprintf("all %s matching contacts",
			contactcsv.Thousands(n))
	}
	return countOf(n, "contact")
}

// countOf writes "1 contact", "12,000 contacts".
func countOf(n int, noun string) string { return contactcsv.Count(n, noun) }
