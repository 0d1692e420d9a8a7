package app

// restorePosition and savePosition are placeholders until the window's
// position can be read and set.
func (a *App) restorePosition() {}

func (a *App) savePosition() {}
