package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// A focused Entry takes every shortcut typed into it, and the window's
// own shortcuts never see them. The settings panel's fields therefore
// hand Ctrl+S to the editor themselves, so that Save works wherever the
// cursor is.

// saveKey is the editor's Save shortcut.
var saveKey = &desktop.CustomShortcut{KeyName: fyne.KeyS,
	Modifier: fyne.KeyModifierShortcutDefault}

// panelEntry is a text field of the settings panel.
type panelEntry struct {
	widget.Entry
	save func()
}

// newEntry returns a text field that saves the campaign on Ctrl+S.
func (e *campaignEditor) newEntry() *panelEntry {
	en := &panelEntry{save: func() { e.saveNow() }}
	en.ExtendBaseWidget(en)
	return en
}

// TypedShortcut saves on Ctrl+S and leaves the rest to the Entry.
func (en *panelEntry) TypedShortcut(s fyne.Shortcut) {
	if !saved(s, en.save) {
		en.Entry.TypedShortcut(s)
	}
}

// panelSelectEntry is a text field of the settings panel with a list
// to choose from.
type panelSelectEntry struct {
	widget.SelectEntry
	save func()
}

// newSelectEntry returns a text field with a list of options that saves
// the campaign on Ctrl+S.
func (e *campaignEditor) newSelectEntry(options []string) *panelSelectEntry {
	en := &panelSelectEntry{save: func() { e.saveNow() }}
	en.ExtendBaseWidget(en)
	en.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	en.SetOptions(options)
	return en
}

// TypedShortcut saves on Ctrl+S and leaves the rest to the Entry.
func (en *panelSelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !saved(s, en.save) {
		en.SelectEntry.TypedShortcut(s)
	}
}

// saved calls save and reports true when s is the Save shortcut.
func saved(s fyne.Shortcut, save func()) bool {
	if s.ShortcutName() != saveKey.ShortcutName() {
		return false
	}
	save()
	return true
}
