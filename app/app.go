// Package app is Nurture's user interface, built with Fyne. It holds
// widgets and screens only: the rules live in package campaign, the
// storage in package data and Twilio in package twilioclient.
package app

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// Options are what main.go hands to the user interface.
type Options struct {
	// FyneApp is the Fyne application; tests pass test.NewTempApp.
	FyneApp fyne.App
	Store   *data.Store
	Log     *slog.Logger
	Clock   campaign.Clock
	// Version is shown in Settings and the About box.
	Version string
	// Notice, when set, is shown once the window is up: for example a
	// report that Nurture stopped unexpectedly last time.
	Notice string
}

// App is the running user interface: one main window and its screens.
type App struct {
	fyneApp fyne.App
	win     fyne.Window
	store   *data.Store
	log     *slog.Logger
	clock   campaign.Clock
	version string
	conn    *connection
	// do hands work from other goroutines to Fyne's: fyne.Do, or in
	// tests a runner that the test can synchronise with.
	do func(func())

	// ctx ends when the window closes; background work watches it,
	// and work counts the goroutines started by goSafe.
	ctx    context.Context
	cancel context.CancelFunc
	work   sync.WaitGroup

	shell *shell
}

// New builds the main window and its screens without showing it.
func New(o Options) *App {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Clock == nil {
		o.Clock = campaign.SystemClock{}
	}

	a := &App{
		fyneApp: o.FyneApp,
		store:   o.Store,
		log:     o.Log,
		clock:   o.Clock,
		version: o.Version,
		do:      fyne.Do,
	}
	a.ctx, a.cancel = context.WithCancel(context.Background())
	a.win = a.fyneApp.NewWindow("Nurture")
	a.conn = newConnection(a)
	a.shell = newShell(a)
	a.win.SetContent(a.shell.view())
	a.conn.start()
	a.restoreWindow()
	a.win.SetCloseIntercept(a.quit)

	if o.Notice != "" {
		a.showNotice(o.Notice)
	}
	return a
}

// Window returns the main window.
func (a *App) Window() fyne.Window { return a.win }

// ShowAndRun shows the main window and runs until the user quits.
func (a *App) ShowAndRun() {
	a.win.ShowAndRun()
	a.Stop()
}

// stopWait is how long Stop waits for background work to finish.
const stopWait = 5 * time.Second

// Stop ends background work and waits a little for it to wind down,
// so that what it saves on the way out reaches the database before
// main closes it.
func (a *App) Stop() {
	a.cancel()
	done := make(chan struct{})
	go func() {
		a.work.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(stopWait):
		a.log.Warn("quit: background work still running")
	}
}

// quit asks the current screen whether it may close, saves the window's
// geometry and closes.
func (a *App) quit() {
	a.shell.leave(func() {
		a.saveWindow()
		a.cancel()
		a.win.Close()
	})
}
