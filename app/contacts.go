package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
	"github.com/nurturesms/nurture/data"
)

// searchDelay is how long typing must pause before the list searches.
const searchDelay = 150 * time.Millisecond

// contactsScreen lists the contacts: a virtual list over paged queries,
// search and filters above it, the chosen contact's details beside it.
type contactsScreen struct {
	a     *App
	pager *contactPager

	search   *widget.Entry
	tag      *widget.Select
	consent  *widget.Select
	missing  *widget.Select
	count    *widget.Label
	allCheck *widget.Check
	list     *widget.List
	detail   *fyne.Container
	body     *fyne.Container
	listView fyne.CanvasObject

	// checked holds the IDs ticked in the list; all means every
	// contact the filter matches, whatever is ticked.
	checked map[int64]bool
	all     bool
	shownID int64
	total   int
	// gen numbers each refresh, so that a slow one never overwrites a
	// newer one.
	gen   int
	delay time.Duration
	timer *time.Timer
	// do hands work from background goroutines to the UI goroutine:
	// fyne.Do, or in tests a runner that takes the test's lock.
	do func(func())
	// busy counts background work, so that a test can wait for it.
	busy sync.WaitGroup
}

func newContactsScreen(a *App) *contactsScreen {
	return &contactsScreen{a: a, pager: newContactPager(a.store),
		checked: map[int64]bool{}, delay: searchDelay, do: a.do}
}

func (s *contactsScreen) view() fyne.CanvasObject {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search names, emails and numbers")
	s.search.OnChanged = func(string) { s.scheduleRefresh() }

	s.tag = widget.NewSelect(nil, func(string) { s.refresh() })
	s.tag.PlaceHolder = "Any tag"
	s.consent = widget.NewSelect(consentChoices,
		func(string) { s.refresh() })
	s.consent.Selected = consentChoices[0]
	s.missing = widget.NewSelect(nil, func(string) { s.refresh() })
	s.missing.PlaceHolder = "Missing nothing"

	s.count = widget.NewLabel("")
	s.allCheck = widget.NewCheck("Select all matching", s.onSelectAll)
	s.list = s.newList()
	s.detail = container.NewStack(s.noDetail())

	filters := container.NewGridWithColumns(3, s.tag, s.consent, s.missing)
	top := container.NewVBox(s.toolbar(),
		container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()),
			nil, s.search), filters,
		container.NewBorder(nil, nil, s.allCheck, s.bulkBar(), s.count))
	split := container.NewHSplit(s.list, container.NewVScroll(s.detail))
	split.Offset = 0.65
	s.listView = container.NewBorder(top, nil, nil, nil, split)

	s.body = container.NewStack()
	s.reloadChoices()
	s.load(s.filter())
	return s.body
}

// findShortcut puts the cursor in the search box: Ctrl+F, or Cmd+F on
// macOS.
var findShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF,
	Modifier: fyne.KeyModifierShortcutDefault}

// shown adds the search shortcut and brings the list up to date, since
// replies and other screens may have changed contacts meanwhile.
func (s *contactsScreen) shown() {
	s.a.win.Canvas().AddShortcut(findShortcut, func(fyne.Shortcut) {
		s.a.win.Canvas().Focus(s.search)
	})
	s.reloadChoices()
	s.load(s.filter())
}

// hidden takes the search shortcut off the window.
func (s *contactsScreen) hidden() {
	s.a.win.Canvas().RemoveShortcut(findShortcut)
}

// consentChoices are the options of the consent filter, in the order
// of data.OptOutFilter.
var consentChoices = []string{"Opted in or out", "Opted out only",
	"Not opted out"}

// builtinMissing maps the missing-field filter's fixed options to the
// filter values.
var builtinMissing = map[string]string{
	"Missing first name": data.MissingFirstName,
	"Missing last name":  data.MissingLastName,
	"Missing email":      data.MissingEmail,
}

func (s *contactsScreen) toolbar() fyne.CanvasObject {
	imp := widget.NewButtonWithIcon("Import CSV…", theme.UploadIcon(),
		s.chooseImportFile)
	imp.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon("Add contact", theme.ContentAddIcon(),
		func() { s.editContact(campaign.Contact{}) })
	export := widget.NewButtonWithIcon("Export…", theme.DownloadIcon(),
		s.chooseExport)
	return container.NewHBox(imp, add, export)
}

// filter reads the search box and the filters.
func (s *contactsScreen) filter() data.ContactFilter {
	f := data.ContactFilter{Search: s.search.Text}
	if s.tag.SelectedIndex() > 0 {
		f.Tag = s.tag.Selected
	}
	f.OptOut = data.OptOutFilter(max(s.consent.SelectedIndex(), 0))
	if m := s.missing.Selected; s.missing.SelectedIndex() > 0 {
		if v, ok := builtinMissing[m]; ok {
			f.Missing = v
		} else {
			f.Missing = strings.TrimPrefix(m, "Missing ")
		}
	}
	return f
}

// reload refreshes the filter choices, then the list. It runs after
// anything that may add tags or fields: an import, an edit.
func (s *contactsScreen) reload() {
	s.reloadChoices()
	s.refresh()
}

// reloadChoices lists the tags and custom fields in the filters.
func (s *contactsScreen) reloadChoices() {
	ctx := context.Background()
	tags, err := s.a.store.ContactTags(ctx)
	if err != nil {
		s.a.log.Error("contacts: list tags", "err", err)
	}
	s.tag.Options = append([]string{"Any tag"}, tags...)
	if s.tag.SelectedIndex() < 0 && s.tag.Selected != "" {
		s.tag.ClearSelected()
	}
	s.tag.Refresh()

	fields, err := s.a.store.CustomFieldNames(ctx)
	if err != nil {
		s.a.log.Error("contacts: list fields", "err", err)
	}
	opts := []string{"Missing nothing", "Missing first name",
		"Missing last name", "Missing email"}
	for _, f := range fields {
		opts = append(opts, "Missing "+f)
	}
	s.missing.Options = opts
	s.missing.Refresh()
}

// scheduleRefresh refreshes once typing pauses.
func (s *contactsScreen) scheduleRefresh() {
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.delay <= 0 {
		s.refresh()
		return
	}
	s.timer = time.AfterFunc(s.delay, func() { s.do(s.refresh) })
}

// refresh counts and loads the first page for the current filter in
// the background, then shows it.
func (s *contactsScreen) refresh() {
	if s.search == nil {
		return
	}
	s.gen++
	gen, f := s.gen, s.filter()
	s.background("searching contacts", func() {
		total, n, first, err := s.query(f)
		s.do(func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				s.showError(fmt.Errorf("list contacts: %w", err))
				return
			}
			s.show(f, total, n, first)
		})
	})
}

// load shows the list for f at once, on the UI goroutine: the first
// page is a few milliseconds even at 100,000 contacts.
func (s *contactsScreen) load(f data.ContactFilter) {
	total, n, first, err := s.query(f)
	if err != nil {
		s.showError(fmt.Errorf("list contacts: %w", err))
	}
	s.show(f, total, n, first)
}

// query counts all contacts and those f matches, and loads the first
// page of the matches.
func (s *contactsScreen) query(f data.ContactFilter) (total, n int,
	first []campaign.Contact, err error) {

	ctx := context.Background()
	total, err = s.a.store.CountContacts(ctx, data.ContactFilter{})
	n = total
	if err == nil && f != (data.ContactFilter{}) {
		n, err = s.a.store.CountContacts(ctx, f)
	}
	if err == nil {
		first, err = s.a.store.ListContacts(ctx, f, 0, pageSize)
	}
	return total, n, first, err
}

// show puts a fresh result in the list.
func (s *contactsScreen) show(f data.ContactFilter, total, n int,
	first []campaign.Contact) {

	s.total = total
	s.pager.set(f, n, first)
	if total == 0 {
		s.body.Objects = []fyne.CanvasObject{s.emptyView()}
		s.body.Refresh()
		return
	}
	if len(s.body.Objects) == 0 || s.body.Objects[0] != s.listView {
		s.body.Objects = []fyne.CanvasObject{s.listView}
		s.body.Refresh()
	}
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.ScrollToTop()
	s.updateCount()
}

// updateCount says how many contacts are listed and ticked.
func (s *contactsScreen) updateCount() {
	n := s.pager.count
	text := countOf(n, "contact")
	if n != s.total {
		text = fmt.Sprintf("%s of %s match", contactcsv.Thousands(n),
			contactcsv.Thousands(s.total))
	}
	if k := s.selectedCount(); k > 0 {
		text += fmt.Sprintf(" · %s selected", contactcsv.Thousands(k))
	}
	s.count.SetText(text)
}

func (s *contactsScreen) emptyView() fyne.CanvasObject {
	imp := widget.NewButton("Import a CSV file", s.chooseImportFile)
	add := widget.NewButton("Add a contact",
		func() { s.editContact(campaign.Contact{}) })
	return container.NewVBox(emptyState(theme.AccountIcon(),
		"No contacts yet", "Import a CSV file of names and phone "+
			"numbers, or add a contact by hand.", imp),
		container.NewCenter(add))
}

func (s *contactsScreen) noDetail() fyne.CanvasObject {
	l := widget.NewLabel("Choose a contact to see their details and " +
		"consent history.")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// background runs fn on its own goroutine, counted in s.busy.
func (s *contactsScreen) background(name string, fn func()) {
	s.busy.Add(1)
	s.a.goSafe(name, func() {
		defer s.busy.Done()
		fn()
	})
}

// showError shows a failure in plain words. Internal failures are
// logged in full; a refusal the user can fix is logged by its code
// only, since its message may quote a phone number.
func (s *contactsScreen) showError(err error) {
	if code := campaign.ErrorCode(err); code != campaign.EINTERNAL {
		s.a.log.Info("contacts: refused", "code", code)
	} else {
		s.a.log.Error("contacts", "err", err)
	}
	dialog.ShowError(fmt.Errorf("%s", campaign.ErrorMessage(err)), s.a.win)
}
