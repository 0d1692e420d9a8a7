package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// campaignsScreen lists the campaigns and opens one in the editor in
// its place.
type campaignsScreen struct {
	a    *App
	rows []campaignRow
	// selected is the ID of the selected campaign, 0 for none.
	selected int64

	root     *fyne.Container // the list, or the open editor
	listView fyne.CanvasObject
	body     *fyne.Container // the list, or the empty state
	list     *widget.List
	editor   *campaignEditor

	// Buttons that act on the selected campaign.
	open, rename, duplicate, remove, export *widget.Button

	// counts numbers the audience counts started, so that only the
	// latest is shown; busy counts those running, for tests to wait on.
	counts atomic.Int64
	busy   sync.WaitGroup
}

// campaignRow is one line of the list.
type campaignRow struct {
	c        campaign.Campaign
	audience string
}

func newCampaignsScreen(a *App) *campaignsScreen {
	return &campaignsScreen{a: a}
}

func (s *campaignsScreen) view() fyne.CanvasObject {
	if s.root != nil {
		return s.root
	}
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			return newCampaignLine(s.list.Select, s.openRow)
		},
		s.updateRow,
	)
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.rows) {
			s.selected = s.rows[id].c.ID
		}
		s.updateButtons()
	}
	s.list.OnUnselected = func(widget.ListItemID) {
		s.selected = 0
		s.updateButtons()
	}

	header := campaignColumns("Name", "State", "Audience", "Last change")
	for _, o := range header.Objects {
		o.(*widget.Label).TextStyle = fyne.TextStyle{Bold: true}
	}
	top := container.NewVBox(
		s.toolbar(),
		widget.NewSeparator(), header)

	s.body = container.NewStack()
	s.listView = container.NewBorder(top, nil, nil, nil, s.body)
	s.root = container.NewStack(s.listView)
	s.refresh()
	return s.root
}

// toolbar holds the list's commands.
func (s *campaignsScreen) toolbar() fyne.CanvasObject {
	create := widget.NewButtonWithIcon("New campaign", theme.ContentAddIcon(),
		s.askCreate)
	create.Importance = widget.HighImportance
	s.open = widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(),
		s.openSelected)
	s.rename = widget.NewButtonWithIcon("Rename", theme.DocumentCreateIcon(),
		s.askRename)
	s.duplicate = widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(),
		s.duplicateSelected)
	s.remove = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(),
		s.askDelete)
	s.export = widget.NewButtonWithIcon("Export", theme.DownloadIcon(),
		s.askExport)
	imp := widget.NewButtonWithIcon("Import", theme.UploadIcon(),
		s.askImport)
	s.updateButtons()
	return container.NewHBox(create, s.open, s.rename, s.duplicate,
		s.remove, s.export, imp)
}

// campaignColumns lays out one row's four cells.
func campaignColumns(name, state, audience, changed string) *fyne.Container {
	cell := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	return container.NewGridWithColumns(4, cell(name), cell(state),
		cell(audience), cell(changed))
}

func (s *campaignsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	line := o.(*campaignLine)
	line.id = id
	cells := line.cells.Objects
	texts := []string{r.c.Name, stateLabel(r.c.State), r.audience,
		lastChange(r.c.UpdatedAt, s.a.clock.Now())}
	for i, t := range texts {
		cells[i].(*widget.Label).SetText(t)
	}
}

// openRow opens the campaign on row id, which was double-clicked.
func (s *campaignsScreen) openRow(id widget.ListItemID) {
	if id < len(s.rows) {
		s.list.Select(id)
		s.openSelected()
	}
}

// campaignLine is one row of the list: a click selects its campaign and
// a double click opens it. The window hands a click to the topmost
// object that takes clicks or double clicks, which is the line, not the
// list item under it, so the line must select by itself.
type campaignLine struct {
	widget.BaseWidget
	id       widget.ListItemID
	cells    *fyne.Container
	onTap    func(id widget.ListItemID)
	onDouble func(id widget.ListItemID)
}

func newCampaignLine(onTap, onDouble func(widget.ListItemID)) *campaignLine {
	l := &campaignLine{cells: campaignColumns("", "", "", ""),
		onTap: onTap, onDouble: onDouble}
	l.ExtendBaseWidget(l)
	return l
}

// Tapped selects the line's campaign.
func (l *campaignLine) Tapped(*fyne.PointEvent) { l.onTap(l.id) }

// DoubleTapped opens the line's campaign.
func (l *campaignLine) DoubleTapped(*fyne.PointEvent) { l.onDouble(l.id) }

// CreateRenderer draws the line's cells.
func (l *campaignLine) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.cells)
}

// refresh reloads the campaigns and keeps the selection when it can.
func (s *campaignsScreen) refresh() {
	ctx := context.Background()
	list, err := s.a.store.Campaigns(ctx)
	if err != nil {
		s.a.log.Error("campaigns: list", "err", err)
		s.showError(fmt.Errorf("list campaigns: %w", err))
	}

	// Counting an audience can take a while with many contacts, so a
	// row shows its last count, or that counting is under way, until
	// the count in the background is done.
	last := map[int64]string{}
	for _, r := range s.rows {
		last[r.c.ID] = r.audience
	}
	s.rows = s.rows[:0]
	for _, c := range list {
		text, ok := last[c.ID]
		if !ok {
			text = countingText
		}
		s.rows = append(s.rows, campaignRow{c: c, audience: text})
	}

	if len(s.rows) == 0 {
		create := widget.NewButtonWithIcon("New campaign",
			theme.ContentAddIcon(), s.askCreate)
		s.body.Objects = []fyne.CanvasObject{emptyState(theme.MailSendIcon(),
			"No campaigns yet", "A campaign walks contacts through "+
				"messages, waits and branches. Create one, or import one "+
				"exported from Nurture.", create)}
	} else {
		s.body.Objects = []fyne.CanvasObject{s.list}
	}
	s.body.Refresh()
	s.list.Refresh()
	s.reselect()
	s.countAudiences()
}

// reselect selects the row of s.selected again after a reload.
func (s *campaignsScreen) reselect() {
	want := s.selected
	s.list.UnselectAll()
	for i, r := range s.rows {
		if r.c.ID == want {
			s.list.Select(i)
			s.list.ScrollTo(i)
			return
		}
	}
	s.selected = 0
	s.updateButtons()
}

// stateLabel names a campaign state for the list.
func stateLabel(st campaign.State) string {
	switch st {
	case campaign.Running:
		return "Running"
	case campaign.Paused:
		return "Paused"
	case campaign.Done:
		return "Done"
	}
	return "Draft"
}

// lastChange says when t was, briefly: the time today, else the date.
func lastChange(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	t, now = t.Local(), now.Local()
	switch {
	case sameDay(t, now):
		return "Today " + t.Format("15:04")
	case sameDay(t, now.AddDate(0, 0, -1)):
		return "Yesterday " + t.Format("15:04")
	case t.Year() == now.Year():
		return t.Format("Jan 2")
	}
	return t.Format("Jan 2, 2006")
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// selectedRow returns the selected campaign, and whether there is one.
func (s *campaignsScreen) selectedRow() (campaign.Campaign, bool) {
	for _, r := range s.rows {
		if r.c.ID == s.selected && s.selected != 0 {
			return r.c, true
		}
	}
	return campaign.Campaign{}, false
}

func (s *campaignsScreen) updateButtons() {
	if s.open == nil {
		return
	}
	_, ok := s.selectedRow()
	for _, b := range []*widget.Button{s.open, s.rename, s.duplicate,
		s.remove, s.export} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// showError shows err in plain language.
func (s *campaignsScreen) showError(err error) {
	dialog.ShowError(errors.New(campaign.ErrorMessage(err)), s.a.win)
}
