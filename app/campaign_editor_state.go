package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// updateState shows the campaign's state: the lock note while it runs,
// and the button that starts, pauses or resumes it.
func (e *campaignEditor) updateState() {
	running := e.c.State == campaign.Running
	e.canvas.Model().ReadOnly = running

	e.lockNote.Objects = nil
	if running {
		note := widget.NewLabel("This campaign is running, so it is " +
			"locked. Pause it to change its steps; contacts already in " +
			"it keep their place.")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		e.lockNote.Objects = []fyne.CanvasObject{note}
	}
	e.lockNote.Refresh()

	switch e.c.State {
	case campaign.Draft:
		e.stateBtn.SetText("Start")
		e.stateBtn.SetIcon(theme.MediaPlayIcon())
	case campaign.Running:
		e.stateBtn.SetText("Pause")
		e.stateBtn.SetIcon(theme.MediaPauseIcon())
	case campaign.Paused:
		e.stateBtn.SetText("Resume")
		e.stateBtn.SetIcon(theme.MediaPlayIcon())
	}
	if e.c.State == campaign.Done {
		e.stateBtn.Hide()
	} else {
		e.stateBtn.Show()
	}
	e.updateButtons()
	e.refreshProblems()
	e.showSettings()
	e.canvas.Refresh()
}

// toggleState starts or resumes the campaign when it has no errors, and
// pauses it when it runs.
func (e *campaignEditor) toggleState() {
	next := campaign.Paused
	if e.c.State != campaign.Running {
		next = campaign.Running
		err := e.canvas.Model().Graph().CanStart(e.book.info)
		if err != nil {
			e.showError(err)
			return
		}
	}
	if next == campaign.Running && !e.saveNow() {
		return
	}

	prev := e.c.State
	e.c.State = next
	e.canvas.Model().ReadOnly = false
	if !e.saveNow() {
		e.c.State = prev
	}
	e.updateState()
	if e.c.State == campaign.Running && prev == campaign.Draft {
		dialog.ShowInformation("Campaign started",
			"The campaign is running. Its steps are locked until you "+
				"pause it.", e.a.win)
	}
}

// shortcuts lists the editor's keyboard shortcuts and what they do.
func (e *campaignEditor) shortcuts() map[fyne.Shortcut]func() {
	mod := fyne.KeyModifierShortcutDefault
	key := func(k fyne.KeyName, m fyne.KeyModifier) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: m}
	}
	zoomIn := e.canvas.ZoomIn
	return map[fyne.Shortcut]func(){
		key(fyne.KeyS, mod):                           func() { e.saveNow() },
		&fyne.ShortcutUndo{}:                          e.doUndo,
		&fyne.ShortcutRedo{}:                          e.doRedo,
		key(fyne.KeyZ, mod|fyne.KeyModifierShift):     e.doRedo,
		&fyne.ShortcutCopy{}:                          func() { e.canvas.Model().Copy() },
		&fyne.ShortcutSelectAll{}:                     func() { e.canvas.Model().SelectAll() },
		&fyne.ShortcutPaste{}:                         func() { e.canvas.Model().Paste() },
		key(fyne.KeyEqual, mod):                       zoomIn,
		key(fyne.KeyEqual, mod|fyne.KeyModifierShift): zoomIn,
		key(fyne.KeyPlus, mod):                        zoomIn,
		key(fyne.KeyMinus, mod):                       e.canvas.ZoomOut,
		key(fyne.Key0, mod):                           e.canvas.Fit,
	}
}

// shown adds the editor's shortcuts to the window and reloads the
// messages, which may have changed on the Messages screen.
func (e *campaignEditor) shown() {
	if e.keys {
		return
	}
	e.keys = true
	e.reloadMessages()
	c := e.a.win.Canvas()
	for sc, do := range e.shortcuts() {
		do := do
		c.AddShortcut(sc, func(fyne.Shortcut) { do() })
	}
}

// hidden takes the editor's shortcuts off the window.
func (e *campaignEditor) hidden() {
	if !e.keys {
		return
	}
	e.keys = false
	c := e.a.win.Canvas()
	for sc := range e.shortcuts() {
		c.RemoveShortcut(sc)
	}
}
