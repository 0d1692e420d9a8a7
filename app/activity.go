package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/data"
)

// activityLimit is how many of the newest sends the Activity screen
// lists.
const activityLimit = 500

// activityScreen shows what was sent, newest first.
type activityScreen struct {
	a     *App
	sends []data.SendView
	stack *fyne.Container
	table *widget.Table
}

func newActivityScreen(a *App) *activityScreen {
	return &activityScreen{a: a}
}

func (s *activityScreen) view() fyne.CanvasObject {
	s.table = widget.NewTable(
		func() (int, int) { return len(s.sends), len(activityColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(
				activityColumns[id.Col].cell(s.sends[id.Row]))
		},
	)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabel("")
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(activityColumns[id.Col].title)
		}
	}
	for i, c := range activityColumns {
		s.table.SetColumnWidth(i, c.width)
	}

	s.stack = container.NewStack()
	s.reload()
	return s.stack
}

// shown reloads the list, since sends may have happened meanwhile.
func (s *activityScreen) shown() { s.reload() }

func (s *activityScreen) hidden() {}

func (s *activityScreen) reload() {
	sends, err := s.a.store.RecentSends(s.a.ctx, activityLimit)
	if err != nil {
		s.a.log.Error("activity: load", "err", err)
	}
	s.sends = sends

	if len(s.sends) == 0 {
		s.stack.Objects = []fyne.CanvasObject{emptyState(
			theme.HistoryIcon(), "Nothing sent yet",
			"When a campaign runs, every message it sends is listed "+
				"here with its delivery status.", nil)}
	} else {
		s.stack.Objects = []fyne.CanvasObject{s.table}
		s.table.Refresh()
	}
	s.stack.Refresh()
}

// activityColumn is one column of the Activity table.
type activityColumn struct {
	title string
	width float32
	cell  func(data.SendView) string
}

var activityColumns = []activityColumn{
	{"Time", 170, func(s data.SendView) string {
		return s.UpdatedAt.Local().Format("2006-01-02 15:04")
	}},
	{"Campaign", 180, func(s data.SendView) string {
		return s.CampaignName
	}},
	{"Contact", 200, func(s data.SendView) string {
		if s.ContactName == "" {
			return s.Phone
		}
		return s.ContactName + " (" + s.Phone + ")"
	}},
	{"Send", 100, func(s data.SendView) string { return string(s.State) }},
	{"Delivery", 110, func(s data.SendView) string { return s.Status }},
	{"Segments", 90, func(s data.SendView) string {
		return fmt.Sprint(s.Segments)
	}},
	{"Detail", 360, func(s data.SendView) string {
		if s.ErrorCode != 0 {
			return fmt.Sprintf("%s (error %d)", s.Reason, s.ErrorCode)
		}
		return s.Reason
	}},
}
