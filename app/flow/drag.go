package flow

import "fyne.io/fyne/v2"

// Drag sends obj the events of a pointer dragged from a to b in steps
// moves, with positions relative to obj as the desktop driver reports
// them, then ends the drag. Fyne's test package drags in one step with
// a different reading of the position, so tests use this instead.
func Drag(obj fyne.Draggable, a, b fyne.Position, steps int) {
	steps = max(steps, 1)
	last := a
	for i := 1; i <= steps; i++ {
		f := float32(i) / float32(steps)
		p := fyne.NewPos(a.X+(b.X-a.X)*f, a.Y+(b.Y-a.Y)*f)
		d := p.Subtract(last)
		obj.Dragged(&fyne.DragEvent{
			PointEvent: fyne.PointEvent{Position: p},
			Dragged:    fyne.NewDelta(d.X, d.Y),
		})
		last = p
	}
	obj.DragEnd()
}
