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
)

// defaultWindowSize fits a 1366x768 laptop screen with room to spare.
var defaultWindowSize = fyne.NewSize(1100, 700)

// restoreWindow gives the window the size it had when last closed.
// Its place on screen is left to the window manager: Fyne 2.7 has no
// way to read or set a window's position.
func (a *App) restoreWindow() {
	size := defaultWindowSize
	w := a.floatSetting(keyWindowWidth)
	h := a.floatSetting(keyWindowHeight)
	if w >= 400 && h >= 300 {
		size = fyne.NewSize(w, h)
	}
	a.win.Resize(size)
}

// saveWindow remembers the window's size for the next run.
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

// showNotice shows a message once the window is on screen.
func (a *App) showNotice(text string) {
	dialog.ShowInformation("Nurture", text, a.win)
}
