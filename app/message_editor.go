package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/sms"
)

// messageEditor edits one Message: its name and body on the left, the
// live preview of what it costs on the right. Edits are kept until the
// user saves them (Ctrl+S) and never dropped without asking.
type messageEditor struct {
	a *App
	// msg is the Message as last saved.
	msg     campaign.Message
	name    *saveEntry
	body    *saveEntry
	status  *widget.Label
	saveBtn *widget.Button
	back    *widget.Button
	preview *messagePreview
	// fields lists the merge fields the body may use.
	fields *widget.Label
	// onClose goes back to the list.
	onClose func()
	saveKey *desktop.CustomShortcut
	// leaving is the dialog confirmLeave shows, while it is open.
	leaving dialog.Dialog
}

func newMessageEditor(a *App, m campaign.Message,
	onClose func()) *messageEditor {

	e := &messageEditor{a: a, msg: m, onClose: onClose}
	e.saveKey = &desktop.CustomShortcut{KeyName: fyne.KeyS,
		Modifier: fyne.KeyModifierShortcutDefault}

	e.name = newSaveEntry(false, e.saveIfDirty)
	e.name.SetText(m.Name)
	e.name.OnChanged = func(string) { e.showStatus() }

	e.body = newSaveEntry(true, e.saveIfDirty)
	e.body.Wrapping = fyne.TextWrapWord
	e.body.SetPlaceHolder("Hi {{first_name|there}}, ...")
	e.body.SetText(m.Body)
	e.body.OnChanged = func(s string) {
		e.showStatus()
		e.preview.update(s)
	}

	e.status = widget.NewLabel("")
	e.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(),
		func() { e.save() })
	e.saveBtn.Importance = widget.HighImportance
	e.preview = newMessagePreview(a, e)
	return e
}

func (e *messageEditor) view() fyne.CanvasObject {
	e.back = widget.NewButtonWithIcon("Messages", theme.NavigateBackIcon(),
		func() { e.confirmLeave(e.onClose) })
	top := container.NewBorder(nil, nil, e.back,
		container.NewHBox(e.status, e.saveBtn))

	e.fields = wrapLabel(widget.LowImportance)
	e.showFields()
	left := container.NewBorder(
		widget.NewForm(widget.NewFormItem("Name", e.name)),
		e.fields, nil, nil, e.body)

	split := container.NewHSplit(left, e.preview.view())
	split.Offset = 0.5
	e.showStatus()
	e.preview.update(e.body.Text)
	return container.NewBorder(top, nil, nil, nil, split)
}

// showFields lists the merge fields the body may use: the built-in
// ones and the custom fields contacts have.
func (e *messageEditor) showFields() {
	var custom []string
	for _, f := range e.preview.known {
		if !slices.Contains(sms.BuiltinFields, f) {
			custom = append(custom, "{{"+f+"}}")
		}
	}
	text := "Merge fields: {{first_name}}, {{first_name|fallback}}, " +
		"{{last_name}}, {{email}}, {{phone}}"
	if len(custom) > 0 {
		text += "; your contacts also have " + strings.Join(custom, ", ")
	}
	e.fields.SetText(text + ".")
}

// reload reads again what other screens may have changed while the
// editor was out of sight.
func (e *messageEditor) reload() {
	e.preview.reload()
	e.showFields()
}

// dirty reports whether the name or body differ from the saved Message.
func (e *messageEditor) dirty() bool {
	return e.name.Text != e.msg.Name || e.body.Text != e.msg.Body
}

// showStatus tells the user whether there is anything to save.
func (e *messageEditor) showStatus() {
	if e.dirty() {
		e.status.SetText("Unsaved changes")
		e.saveBtn.Enable()
		return
	}
	e.status.SetText("Saved")
	e.saveBtn.Disable()
}

// save stores the name and body, and reports whether it worked. A
// failure is shown and the edits stay in the editor.
func (e *messageEditor) save() bool {
	m := e.msg
	m.Name, m.Body = e.name.Text, e.body.Text
	saved, err := e.a.store.SaveMessage(e.a.ctx, m)
	if err != nil {
		e.a.log.Warn("messages: save failed", "message", m.ID, "err", err)
		showMessageError(e.a, err)
		return false
	}
	e.msg = saved
	e.name.SetText(saved.Name) // the store tidies spaces
	e.showStatus()
	e.a.log.Info("messages: saved", "message", saved.ID)
	return true
}

// confirmLeave calls proceed at once when nothing is unsaved, and
// otherwise asks whether to save, discard or stay.
func (e *messageEditor) confirmLeave(proceed func()) {
	if !e.dirty() {
		proceed()
		return
	}
	if e.leaving != nil {
		return // already asking; a second question would hide the first
	}

	var d dialog.Dialog
	done := func(then func()) func() {
		return func() {
			d.Hide()
			e.leaving = nil
			then()
		}
	}
	text := widget.NewLabel("\"" + e.name.Text + "\" has changes that " +
		"are not saved. Save them before you leave?")
	text.Wrapping = fyne.TextWrapWord
	saveBtn := widget.NewButton("Save", done(func() {
		if e.save() {
			proceed()
		}
	}))
	saveBtn.Importance = widget.HighImportance
	discard := widget.NewButton("Discard changes", done(func() {
		e.name.resetText(e.msg.Name)
		e.body.resetText(e.msg.Body)
		proceed()
	}))
	stay := widget.NewButton("Keep editing", done(func() {}))
	d = dialog.NewCustomWithoutButtons("Unsaved changes", text, e.a.win)
	d.(*dialog.CustomDialog).SetButtons(
		[]fyne.CanvasObject{stay, discard, saveBtn})
	d.Resize(fyne.NewSize(420, 160))
	e.leaving = d
	d.Show()
}

// shown adds Ctrl+S while the editor is on screen.
func (e *messageEditor) shown() {
	e.a.win.Canvas().AddShortcut(e.saveKey, func(fyne.Shortcut) {
		e.saveIfDirty()
	})
}

// saveIfDirty saves when there is something to save: Ctrl+S.
func (e *messageEditor) saveIfDirty() {
	if e.dirty() {
		e.save()
	}
}

// hidden removes Ctrl+S.
func (e *messageEditor) hidden() {
	e.a.win.Canvas().RemoveShortcut(e.saveKey)
}

// replaceBody puts new text in the body, as if typed: Ctrl+Z takes it
// back. The body keeps the keyboard, so that typing and Ctrl+Z carry on
// there after a button was clicked.
func (e *messageEditor) replaceBody(text string) {
	e.body.replaceText(text)
	e.a.win.Canvas().Focus(e.body)
}

// audience returns the editor's audience scan.
func (e *messageEditor) audience() *messageAudience {
	return e.preview.audience
}
