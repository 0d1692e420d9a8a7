package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/sms"
	"github.com/nurturesms/nurture/data"
)

// messagesScreen is the message library: a list of saved Messages with
// their Segments and encoding, and the editor for one of them.
type messagesScreen struct {
	a    *App
	root *fyne.Container
	list *widget.List
	msgs []campaign.Message
	// details holds, per Message, its Segments and encoding.
	details  []string
	selected int
	editor   *messageEditor
	library  fyne.CanvasObject
	empty    fyne.CanvasObject
	actions  []*widget.Button
	visible  bool
}

func newMessagesScreen(a *App) *messagesScreen {
	return &messagesScreen{a: a, selected: -1}
}

func (s *messagesScreen) view() fyne.CanvasObject {
	s.list = widget.NewList(
		func() int { return len(s.msgs) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Message name",
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil,
				widget.NewLabel("10 Segments · UCS-2"), name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(s.msgs[id].Name)
			row.Objects[1].(*widget.Label).SetText(s.details[id])
		},
	)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.selected = id
		s.enableActions()
	}
	s.list.OnUnselected = func(widget.ListItemID) {
		s.selected = -1
		s.enableActions()
	}

	newBtn := widget.NewButtonWithIcon("New message", theme.ContentAddIcon(),
		s.create)
	newBtn.Importance = widget.HighImportance
	s.actions = []*widget.Button{
		widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(),
			func() { s.open(s.msgs[s.selected]) }),
		widget.NewButton("Rename", s.rename),
		widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(),
			s.duplicate),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.delete),
	}
	bar := container.NewHBox(newBtn, layout.NewSpacer())
	for _, b := range s.actions {
		bar.Add(b)
	}
	s.library = container.NewBorder(bar, nil, nil, nil, s.list)
	s.empty = emptyState(theme.DocumentIcon(), "No messages yet",
		"Write an SMS message to use in your campaigns.",
		widget.NewButtonWithIcon("New message", theme.ContentAddIcon(),
			s.create))

	s.root = container.NewStack()
	s.reload()
	return s.root
}

// reload reads the library again and shows it.
func (s *messagesScreen) reload() {
	msgs, err := s.a.store.Messages(s.a.ctx)
	if err != nil {
		s.a.log.Error("messages: list", "err", err)
		showMessageError(s.a, err)
	}
	s.msgs = msgs
	s.details = make([]string, len(msgs))
	opt := sms.Options{SmartEncoding: s.smartEncoding()}
	for i, m := range msgs {
		s.details[i] = messageDetail(m.Body, opt)
	}
	s.list.UnselectAll()
	s.selected = -1
	s.enableActions()
	s.list.Refresh()
	s.showLibrary()
}

// messageDetail says what a body takes with its merge fields filled by
// their fallbacks: "2 Segments · GSM-7".
func messageDetail(body string, opt sms.Options) string {
	tpl, err := sms.Parse(body)
	if err != nil {
		return "merge field mistake"
	}
	an := sms.Analyze(tpl.Render(sms.MapFields(nil)), opt)
	if len(an.Segments) == 0 {
		return "empty"
	}
	return fmt.Sprintf("%s · %s", plural(len(an.Segments), "Segment"),
		an.Encoding)
}

// smartEncoding reads the Smart Encoding choice; it is on by default.
func (s *messagesScreen) smartEncoding() bool {
	v, _ := s.a.store.Setting(s.a.ctx, settingSmartEncoding)
	return v != "off"
}

// showLibrary puts the list (or the empty state) on screen.
func (s *messagesScreen) showLibrary() {
	if s.editor != nil {
		return
	}
	content := s.library
	if len(s.msgs) == 0 {
		content = s.empty
	}
	s.root.Objects = []fyne.CanvasObject{content}
	s.root.Refresh()
}

// enableActions turns the buttons that act on a selection on or off.
func (s *messagesScreen) enableActions() {
	for _, b := range s.actions {
		if s.selected >= 0 {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// open shows the editor for m.
func (s *messagesScreen) open(m campaign.Message) {
	s.editor = newMessageEditor(s.a, m, s.closeEditor)
	s.root.Objects = []fyne.CanvasObject{s.editor.view()}
	s.root.Refresh()
	if s.visible {
		s.editor.shown()
	}
}

// closeEditor goes back to the list.
func (s *messagesScreen) closeEditor() {
	if s.editor != nil {
		s.editor.audience().stop()
		s.editor.hidden()
		s.editor = nil
	}
	s.reload()
}

// create saves a new, empty Message with a free name and opens it.
func (s *messagesScreen) create() {
	for i := 1; ; i++ {
		name := "New message"
		if i > 1 {
			name = fmt.Sprintf("New message %d", i)
		}
		m, err := s.a.store.SaveMessage(s.a.ctx,
			campaign.Message{Name: name})
		if campaign.ErrorCode(err) == campaign.ECONFLICT && i < 1000 {
			continue
		}
		if err != nil {
			showMessageError(s.a, err)
			return
		}
		s.a.log.Info("messages: created", "message", m.ID)
		s.open(m)
		return
	}
}

// rename asks for a new name for the selected Message.
func (s *messagesScreen) rename() {
	if s.selected < 0 {
		return
	}
	m := s.msgs[s.selected]
	entry := widget.NewEntry()
	entry.SetText(m.Name)
	d := dialog.NewForm("Rename message", "Rename", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Name", entry)},
		func(ok bool) {
			if !ok {
				return
			}
			_, err := s.a.store.RenameMessage(s.a.ctx, m.ID, entry.Text)
			if err != nil {
				showMessageError(s.a, err)
				return
			}
			s.reload()
		}, s.a.win)
	entry.OnSubmitted = func(string) { d.Submit() }

	// Wide enough to show a long name; ready to type into.
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Show()
	s.a.win.Canvas().Focus(entry)
}

// duplicate saves a copy of the selected Message.
func (s *messagesScreen) duplicate() {
	if s.selected < 0 {
		return
	}
	c, err := s.a.store.DuplicateMessage(s.a.ctx, s.msgs[s.selected].ID)
	if err != nil {
		showMessageError(s.a, err)
		return
	}
	s.a.log.Info("messages: duplicated", "message", c.ID)
	s.reload()
}

// delete asks, then deletes the selected Message. The store refuses a
// Message that a campaign sends, and says which campaign.
func (s *messagesScreen) delete() {
	if s.selected < 0 {
		return
	}
	m := s.msgs[s.selected]

	// Say at once when a campaign holds on to it, rather than after
	// asking to confirm.
	users, err := s.a.store.MessageUsers(s.a.ctx, m.ID)
	if err != nil {
		s.a.log.Warn("messages: find users", "message", m.ID, "err", err)
	}
	if len(users) > 0 {
		showMessageError(s.a, data.MessageInUse(users))
		return
	}

	dialog.ShowConfirm("Delete message",
		fmt.Sprintf("Delete %q? This cannot be undone.", m.Name),
		func(ok bool) {
			if !ok {
				return
			}
			if err := s.a.store.DeleteMessage(s.a.ctx, m.ID); err != nil {
				showMessageError(s.a, err)
				return
			}
			s.a.log.Info("messages: deleted", "message", m.ID)
			s.reload()
		}, s.a.win)
}

// confirmLeave lets the editor ask about unsaved edits.
func (s *messagesScreen) confirmLeave(proceed func()) {
	if s.editor == nil {
		proceed()
		return
	}
	s.editor.confirmLeave(proceed)
}

// shown reads the library or the editor's figures again, and adds the
// editor's shortcuts while the screen is visible.
func (s *messagesScreen) shown() {
	s.visible = true
	if s.editor != nil {
		// Settings and contacts may have changed meanwhile.
		s.editor.reload()
		s.editor.shown()
		return
	}
	if s.list != nil {
		s.reload()
	}
}

// hidden removes them.
func (s *messagesScreen) hidden() {
	s.visible = false
	if s.editor != nil {
		s.editor.hidden()
	}
}

// showMessageError shows what went wrong in words the user can act on.
func showMessageError(a *App, err error) {
	dialog.ShowError(errors.New(campaign.ErrorMessage(err)), a.win)
}
