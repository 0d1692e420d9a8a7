package flow

import (
	"fyne.io/fyne/v2/driver/desktop"
)

// MouseIn notes where the pointer entered, for the cursor.
func (c *Canvas) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved notes what the pointer is over, so that Cursor can show
// what a press there would do.
func (c *Canvas) MouseMoved(ev *desktop.MouseEvent) {
	c.hover = HitTest(c.model.graph, c.model.view.ToCanvas(ev.Position)).Kind
	if c.hover == HitDropdown && !c.detailed() {
		c.hover = HitNode
	}
}

// MouseOut forgets the pointer.
func (c *Canvas) MouseOut() { c.hover = HitNone }

// Cursor shows a crosshair over an output port, where a drag draws an
// Edge, and a pointing hand over a message dropdown.
func (c *Canvas) Cursor() desktop.Cursor {
	if c.model.ReadOnly {
		return desktop.DefaultCursor
	}
	switch c.hover {
	case HitPort:
		return desktop.CrosshairCursor
	case HitDropdown:
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
