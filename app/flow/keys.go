package flow

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// FocusGained redraws nothing: the selection shows focus well enough.
func (c *Canvas) FocusGained() {}

// FocusLost forgets the modifier keys, whose release it will not see.
func (c *Canvas) FocusLost() { c.keyMods = 0 }

// TypedRune ignores text: the canvas has nothing to type into.
func (c *Canvas) TypedRune(rune) {}

// TypedKey deletes the selection on Delete or Backspace, clears it on
// Escape, and nudges it a grid cell with the arrow keys.
func (c *Canvas) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		c.model.DeleteSelected()
	case fyne.KeyEscape:
		c.model.Select()
	case fyne.KeyUp:
		c.model.Nudge(0, -1)
	case fyne.KeyDown:
		c.model.Nudge(0, 1)
	case fyne.KeyLeft:
		c.model.Nudge(-1, 0)
	case fyne.KeyRight:
		c.model.Nudge(1, 0)
	}
}

// KeyDown notes a modifier key going down, so that Shift+drag and
// Ctrl+wheel work on drivers that cannot be asked.
func (c *Canvas) KeyDown(ev *fyne.KeyEvent) {
	c.keyMods |= modifierOf(ev.Name)
}

// KeyUp notes a modifier key coming up.
func (c *Canvas) KeyUp(ev *fyne.KeyEvent) {
	c.keyMods &^= modifierOf(ev.Name)
}

func modifierOf(k fyne.KeyName) fyne.KeyModifier {
	switch k {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		return fyne.KeyModifierShift
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		return fyne.KeyModifierControl
	case desktop.KeySuperLeft, desktop.KeySuperRight:
		return fyne.KeyModifierSuper
	}
	return 0
}

// Reveal selects Node id and, when its card is out of sight, pans to
// put it in the middle.
func (c *Canvas) Reveal(id string) {
	i := c.model.graph.Index(id)
	if i < 0 {
		return
	}
	c.model.Select(id)

	n := c.model.graph.Nodes[i]
	size := c.Size()
	vp := c.model.view
	at := vp.ToScreen(fyne.NewPos(n.X, n.Y))
	end := vp.ToScreen(fyne.NewPos(n.X+NodeWidth, n.Y+NodeSize(n.Kind).Height))
	if at.X < 0 || at.Y < 0 || end.X > size.Width || end.Y > size.Height {
		mid := fyne.NewPos((at.X+end.X)/2, (at.Y+end.Y)/2)
		c.model.view.Pan = vp.Pan.Add(
			fyne.NewPos(size.Width/2, size.Height/2).Subtract(mid))
	}
	c.Refresh()
}

// ChooseMessage sets the message of Send SMS Node id, as one undoable
// step.
func (c *Canvas) ChooseMessage(id string, msg int64) error {
	return c.model.Change("", func(g *campaign.Graph) error {
		i := g.Index(id)
		if i < 0 || g.Nodes[i].Kind != campaign.KindSend {
			return campaign.Errorf(campaign.ENOTFOUND,
				"That Send SMS step no longer exists.")
		}
		g.Nodes[i].MessageID = msg
		return nil
	})
}

// showMessageMenu opens the list of saved messages under the dropdown.
func (c *Canvas) showMessageMenu(id string, ev *fyne.PointEvent) {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}

	var items []*fyne.MenuItem
	for _, m := range c.messages {
		msg := m.ID
		item := fyne.NewMenuItem(m.Name, func() {
			if err := c.ChooseMessage(id, msg); err != nil &&
				c.OnError != nil {
				c.OnError(err)
			}
		})
		items = append(items, item)
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No saved messages yet: "+
			"write one under Messages", nil)
		none.Disabled = true
		items = append(items, none)
	}
	// Open the menu under the dropdown, as a real dropdown opens.
	at := ev.AbsolutePosition
	if n, ok := c.model.graph.Node(id); ok {
		pos, size := dropdownRect()
		under := c.model.view.ToScreen(fyne.NewPos(n.X+pos.X,
			n.Y+pos.Y+size.Height))
		at = at.Subtract(ev.Position).Add(under)
	}
	c.menu = widget.NewPopUpMenu(fyne.NewMenu("", items...), cv)
	c.menu.ShowAtPosition(at)
}
