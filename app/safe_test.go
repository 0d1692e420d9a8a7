package app

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// syncBuffer is a bytes.Buffer safe to write from a goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestGoSafe_PanicIsLoggedAndShown(t *testing.T) {
	a := newTestApp(t)
	var logged syncBuffer
	a.log = slog.New(slog.NewTextHandler(&logged, nil))

	// The test reads the window under the same lock as the hand-off.
	var ui sync.Mutex
	a.do = func(f func()) {
		ui.Lock()
		defer ui.Unlock()
		f()
	}

	a.goSafe("the import", func() { panic("row 12 broke") })

	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(logged.String(), "row 12 broke") {
		if time.Now().After(deadline) {
			t.Fatalf("the panic was not logged; log:\n%s", logged.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(logged.String(), "stack=") {
		t.Error("the log has no stack trace")
	}

	// The message reaches the window through fyne.Do.
	var shown bool
	for time.Now().Before(deadline) && !shown {
		time.Sleep(10 * time.Millisecond)
		ui.Lock()
		for _, o := range a.win.Canvas().Overlays().List() {
			for _, obj := range test.LaidOutObjects(o) {
				if l, ok := obj.(*widget.Label); ok &&
					strings.Contains(l.Text, "the import") {
					shown = true
				}
			}
		}
		ui.Unlock()
	}
	if !shown {
		t.Error("no message told the user that something went wrong")
	}
}
