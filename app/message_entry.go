package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// saveEntry is an Entry that saves on Ctrl+S (Cmd+S on macOS). Fyne
// hands every shortcut typed into a focused Entry to that Entry alone,
// so a shortcut added to the window never hears Ctrl+S while the user
// is typing: the Entry has to pass it on itself.
type saveEntry struct {
	widget.Entry
	onSave func()
}

// newSaveEntry returns an empty Entry that calls onSave on Ctrl+S.
func newSaveEntry(multiLine bool, onSave func()) *saveEntry {
	e := &saveEntry{onSave: onSave}
	e.MultiLine = multiLine
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut saves on Ctrl+S and leaves the rest to the Entry.
func (e *saveEntry) TypedShortcut(s fyne.Shortcut) {
	if isSaveShortcut(s) && e.onSave != nil {
		e.onSave()
		return
	}
	e.Entry.TypedShortcut(s)
}

// isSaveShortcut reports whether s is Ctrl+S (Cmd+S on macOS).
func isSaveShortcut(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && c.KeyName == fyne.KeyS &&
		c.Modifier == fyne.KeyModifierShortcutDefault
}
