package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// The settings that remember the main window between runs.
const (
	keyWindowWidth  = "window_width"
	keyWindowHeight = "window_height"
	keyWindowX      = "window_x"
	keyWindowY      = "window_y"
)

// defaultWindowSize fits a 1366x768 laptop screen with room to spare.
var defaultWindowSize = fyne.NewSize(1100, 700)

// restoreWindow gives the window the size it had when last closed, and
// once it is on screen, its place. Fyne has no call for a window's
// place, so that goes through the native window where Nurture knows
// how (X11 for now); elsewhere the window manager chooses.
func (a *App) restoreWindow() {
	size := defaultWindowSize
	w := a.floatSetting(keyWindowWidth)
	h := a.floatSetting(keyWindowHeight)
	if w >= 400 && h >= 300 {
		size = fyne.NewSize(w, h)
	}
	a.win.Resize(size)

	x, xok := a.intSetting(keyWindowX)
	y, yok := a.intSetting(keyWindowY)
	if xok && yok {
		a.fyneApp.Lifecycle().SetOnStarted(func() {
			moveWindow(a.win, x, y)
		})
	}
}

// saveWindow remembers the window's size and place for the next run.
func (a *App) saveWindow() {
	size := a.win.Canvas().Size()
	if size.Width < 1 || size.Height < 1 {
		return
	}
	ctx := context.Background()
	for key, v := range map[string]float32{
		keyWindowWidth: size.Width, keyWindowHeight: size.Height,
	} {
		val := strconv.FormatFloat(float64(v), 'f', 0, 32)
		if err := a.store.SetSetting(ctx, key, val); err != nil {
			a.log.Warn("window: save size", "err", err)
		}
	}

	if x, y, ok := windowPosition(a.win); ok {
		for key, v := range map[string]int{keyWindowX: x, keyWindowY: y} {
			err := a.store.SetSetting(ctx, key, strconv.Itoa(v))
			if err != nil {
				a.log.Warn("window: save place", "err", err)
			}
		}
	}
}

// floatSetting reads a numeric setting, 0 when missing or malformed.
func (a *App) floatSetting(key string) float32 {
	v, err := a.store.Setting(context.Background(), key)
	if err != nil || v == "" {
		return 0
	}
	f, err := strconv.ParseFloat(v, 32)
	if err != nil {
		return 0
	}
	return float32(f)
}

// intSetting reads a whole-number setting; ok is false when it is
// missing or malformed.
func (a *App) intSetting(key string) (int, bool) {
	v, err := a.store.Setting(context.Background(), key)
	if err != nil || v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// showNotice shows a message once the window is on screen.
func (a *App) showNotice(text string) {
	dialog.ShowInformation("Nurture", text, a.win)
}
