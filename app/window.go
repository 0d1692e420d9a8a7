package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one page of the main window.
type screen interface {
	view() fyne.CanvasObject
}

// leaver is a screen that may hold unsaved edits. confirmLeave calls
// proceed only when it is safe to move away.
type leaver interface {
	confirmLeave(proceed func())
}

// shownHider is a screen that wants to know when it comes and goes, to
// add and remove its keyboard shortcuts, say.
type shownHider interface {
	shown()
	hidden()
}

// page is one entry of the navigation.
type page struct {
	title string
	icon  fyne.Resource
	make  func(a *App) screen
	scr   screen
	obj   fyne.CanvasObject
}

// shell is the window's frame: navigation on the left, the current
// screen on the right, and a banner across the top when there is
// something the user must always see.
type shell struct {
	a       *App
	pages   []*page
	current int
	nav     *widget.List
	content *fyne.Container
	banner  *fyne.Container
	// moving is set while the navigation list is put back by hand.
	moving bool
}

func newShell(a *App) *shell {
	s := &shell{a: a, current: -1}
	s.pages = []*page{
		{title: "Campaigns", icon: theme.MailSendIcon(),
			make: func(a *App) screen { return newCampaignsScreen(a) }},
		{title: "Messages", icon: theme.DocumentIcon(),
			make: func(a *App) screen { return newMessagesScreen(a) }},
		{title: "Contacts", icon: theme.AccountIcon(),
			make: func(a *App) screen { return newContactsScreen(a) }},
		{title: "Activity", icon: theme.HistoryIcon(),
			make: func(a *App) screen { return newActivityScreen(a) }},
		{title: "Settings", icon: theme.SettingsIcon(),
			make: func(a *App) screen { return newSettingsScreen(a) }},
	}
	return s
}

func (s *shell) view() fyne.CanvasObject {
	s.nav = widget.NewList(
		func() int { return len(s.pages) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()),
				widget.NewLabel("Navigation"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(s.pages[id].icon)
			row.Objects[1].(*widget.Label).SetText(s.pages[id].title)
		},
	)
	s.nav.OnSelected = func(id widget.ListItemID) {
		if s.moving {
			return
		}
		s.show(id)
	}

	s.content = container.NewStack()
	s.banner = container.NewVBox()
	s.addShortcuts()

	split := container.NewHSplit(s.nav, s.content)
	split.Offset = 0.16
	s.nav.Select(0)
	return container.NewBorder(s.banner, nil, nil, nil, split)
}

// show moves to page i, asking the current screen first.
func (s *shell) show(i int) {
	if i == s.current {
		return
	}
	s.leave(func() { s.switchTo(i) })

	// Until the screen agrees, the selection stays where it was.
	if s.current != i && s.current >= 0 {
		s.selectNav(s.current)
	}
}

// leave asks the current screen whether it may be left.
func (s *shell) leave(proceed func()) {
	if s.current < 0 {
		proceed()
		return
	}
	if l, ok := s.pages[s.current].scr.(leaver); ok {
		l.confirmLeave(proceed)
		return
	}
	proceed()
}

func (s *shell) switchTo(i int) {
	if s.current >= 0 {
		if sh, ok := s.pages[s.current].scr.(shownHider); ok {
			sh.hidden()
		}
	}

	p := s.pages[i]
	if p.scr == nil {
		p.scr = p.make(s.a)
		p.obj = p.scr.view()
	}
	s.current = i
	s.content.Objects = []fyne.CanvasObject{p.obj}
	s.content.Refresh()
	s.selectNav(i)
	s.a.win.SetTitle("Nurture - " + p.title)

	if sh, ok := p.scr.(shownHider); ok {
		sh.shown()
	}
}

// selectNav highlights entry i without navigating again.
func (s *shell) selectNav(i int) {
	s.moving = true
	s.nav.Select(i)
	s.moving = false
}

// addShortcuts binds Ctrl+1 to Ctrl+5 (Cmd on macOS) to the pages, and
// puts the pages in a Go menu that shows those keys.
func (s *shell) addShortcuts() {
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4,
		fyne.Key5}
	var items []*fyne.MenuItem
	for i, k := range keys {
		sc := &desktop.CustomShortcut{KeyName: k,
			Modifier: fyne.KeyModifierShortcutDefault}
		s.a.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { s.show(i) })

		item := fyne.NewMenuItem(s.pages[i].title, func() { s.show(i) })
		item.Icon, item.Shortcut = s.pages[i].icon, sc
		items = append(items, item)
	}
	// Quit asks the current screen first, like closing the window;
	// Fyne would otherwise add a Quit that does not.
	quit := fyne.NewMenuItem("Quit", s.a.quit)
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ,
		Modifier: fyne.KeyModifierShortcutDefault}
	s.a.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File", quit),
		fyne.NewMenu("Go", items...),
		fyne.NewMenu("Help", fyne.NewMenuItem("About Nurture", s.about)),
	))
}

// about shows the version and where the data lives.
func (s *shell) about() {
	dialog.ShowInformation("About Nurture", "Nurture "+s.a.version+
		"\nSMS nurture campaigns through your own Twilio account.\n\n"+
		"Database: "+s.a.store.Path(), s.a.win)
}

// setBanner shows text across the top of every screen; "" hides it.
func (a *App) setBanner(text string) {
	b := a.shell.banner
	b.Objects = nil
	if text != "" {
		label := widget.NewLabelWithStyle(text, fyne.TextAlignCenter,
			fyne.TextStyle{Bold: true})
		label.Wrapping = fyne.TextWrapWord
		// The theme's own text colour on a faint warning shade reads
		// well in light and dark themes alike.
		row := container.NewBorder(nil, nil,
			widget.NewIcon(theme.WarningIcon()), nil, label)
		b.Objects = []fyne.CanvasObject{
			container.NewStack(canvasRect(theme.ColorNameWarning), row),
		}
	}
	b.Refresh()
}
