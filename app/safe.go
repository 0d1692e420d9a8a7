package app

import (
	"fmt"
	"runtime/debug"

	"fyne.io/fyne/v2/dialog"
)

// goSafe runs fn on a new goroutine. A panic in it is logged with its
// stack and shown to the user, instead of taking the window down
// without a word.
func (a *App) goSafe(name string, fn func()) {
	a.work.Add(1)
	go func() {
		defer a.work.Done()
		defer func() {
			r := recover()
			if r == nil {
				return
			}
			a.log.Error("panic", "task", name, "panic", fmt.Sprint(r),
				"stack", string(debug.Stack()))
			a.do(func() {
				dialog.ShowInformation("Something went wrong",
					"Nurture hit an internal error while working on "+
						name+". Nothing you saved was lost; the details "+
						"are in the log file.", a.win)
			})
		}()
		fn()
	}()
}
