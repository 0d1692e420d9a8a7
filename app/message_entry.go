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
	// replaced holds the text as it was before each replacement made
	// with a button, newest last. SetText empties the Entry's own undo
	// history, so Ctrl+Z falls back on this once that history is spent.
	replaced []string
}

// newSaveEntry returns an empty Entry that calls onSave on Ctrl+S.
func newSaveEntry(multiLine bool, onSave func()) *saveEntry {
	e := &saveEntry{onSave: onSave}
	e.MultiLine = multiLine
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut saves on Ctrl+S, and takes Ctrl+Z back past the
// replacements; it leaves the rest to the Entry.
func (e *saveEntry) TypedShortcut(s fyne.Shortcut) {
	if isSaveShortcut(s) && e.onSave != nil {
		e.onSave()
		return
	}
	before := e.Text
	e.Entry.TypedShortcut(s)
	_, undo := s.(*fyne.ShortcutUndo)
	if n := len(e.replaced); undo && n > 0 && e.Text == before {
		last := e.replaced[n-1]
		e.replaced = e.replaced[:n-1]
		e.SetText(last)
	}
}

// replaceText puts text in place of the whole text, as a button that
// fixes the body does, in a way Ctrl+Z can take back.
func (e *saveEntry) replaceText(text string) {
	if text == e.Text {
		return
	}
	e.replaced = append(e.replaced, e.Text)
	e.SetText(text)
}

// resetText puts text in place, with nothing left to take back.
func (e *saveEntry) resetText(text string) {
	e.replaced = nil
	e.SetText(text)
}

// isSaveShortcut reports whether s is Ctrl+S (Cmd+S on macOS).
func isSaveShortcut(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && c.KeyName == fyne.KeyS &&
		c.Modifier == fyne.KeyModifierShortcutDefault
}
