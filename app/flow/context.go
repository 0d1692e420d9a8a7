package flow

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TappedSecondary opens a menu of what can be done with the card under
// the pointer, or with the canvas when the pointer is on the background.
func (c *Canvas) TappedSecondary(ev *fyne.PointEvent) {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	hit := HitTest(c.model.graph, c.model.view.ToCanvas(ev.Position))
	if hit.Kind != HitNone {
		c.model.selectFor(c.model.graph.Nodes[hit.Node].ID)
	}
	c.focus()

	c.menu = widget.NewPopUpMenu(fyne.NewMenu("", c.contextItems()...), cv)
	c.menu.ShowAtPosition(ev.AbsolutePosition)
}

// contextItems lists the commands that apply now, each with its key.
func (c *Canvas) contextItems() []*fyne.MenuItem {
	m := c.model
	some := len(m.Selected()) > 0
	item := func(label string, on bool, do func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, do)
		it.Disabled = !on
		return it
	}

	return []*fyne.MenuItem{
		item("Copy (Ctrl+C)", some, func() { m.Copy() }),
		item("Paste (Ctrl+V)", len(m.clip.Nodes) > 0 && !m.ReadOnly,
			func() { m.Paste() }),
		item("Delete (Delete)", some && !m.ReadOnly,
			func() { m.DeleteSelected() }),
		fyne.NewMenuItemSeparator(),
		item("Select all (Ctrl+A)", len(m.graph.Nodes) > 0, m.SelectAll),
		item("Fit in view (Ctrl+0)", true, c.Fit),
	}
}
