package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/zalando/go-keyring"

	"github.com/nurturesms/nurture/data"
)

// TestMain runs the screens' tests on an in-memory keychain. The real
// one is tested in twilioclient; reaching for it here without a D-Bus
// session would start a session bus that outlives the tests.
func TestMain(m *testing.M) {
	keyring.MockInit()
	os.Exit(m.Run())
}

// newTestApp builds the app on Fyne's test driver with a real database
// in a temporary folder.
func newTestApp(t *testing.T) *App {
	t.Helper()
	return newTestAppWithStore(t, openTestStore(t))
}

func openTestStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), data.FileName))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newTestAppWithStore(t *testing.T, s *data.Store) *App {
	t.Helper()
	a := New(Options{FyneApp: test.NewTempApp(t), Store: s,
		Version: "test"})
	t.Cleanup(a.Stop)
	return a
}

// typeShortcut sends a keyboard shortcut to the window.
func typeShortcut(a *App, sc fyne.Shortcut) {
	a.win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k,
		Modifier: fyne.KeyModifierShortcutDefault}
}

func TestShell_StartsOnCampaigns(t *testing.T) {
	a := newTestApp(t)
	if got, want := a.win.Title(), "Nurture - Campaigns"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}

func TestShell_ShortcutsNavigate(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.Key3, "Contacts"},
		{fyne.Key2, "Messages"},
		{fyne.Key5, "Settings"},
		{fyne.Key4, "Activity"},
		{fyne.Key1, "Campaigns"},
	}
	for _, tt := range tests {
		typeShortcut(a, ctrl(tt.key))
		if got := a.win.Title(); got != "Nurture - "+tt.want {
			t.Errorf("after Ctrl+%s: title %q, want page %q", tt.key, got,
				tt.want)
		}
		if got := a.shell.pages[a.shell.current].title; got != tt.want {
			t.Errorf("after Ctrl+%s: current page %q, want %q", tt.key,
				got, tt.want)
		}
	}
}

func TestShell_EveryScreenShowsSomething(t *testing.T) {
	a := newTestApp(t)
	for i, p := range a.shell.pages {
		a.shell.show(i)
		if p.obj == nil {
			t.Errorf("%s has no view", p.title)
			continue
		}
		if !hasText(p.obj) {
			t.Errorf("%s shows no text at all", p.title)
		}
	}
}

// refusingScreen holds unsaved edits and says no when asked to leave.
type refusingScreen struct{ asked int }

func (r *refusingScreen) view() fyne.CanvasObject { return widget.NewLabel("x") }
func (r *refusingScreen) confirmLeave(func())     { r.asked++ }

func TestShell_UnsavedScreenBlocksNavigation(t *testing.T) {
	a := newTestApp(t)
	r := &refusingScreen{}
	a.shell.pages[1].make = func(*App) screen { return r }
	a.shell.show(1)

	a.shell.show(2)
	if r.asked != 1 {
		t.Errorf("screen was asked %d times, want 1", r.asked)
	}
	if got := a.shell.pages[a.shell.current].title; got != "Messages" {
		t.Errorf("moved to %q although the screen refused", got)
	}
}

func TestShell_Banner(t *testing.T) {
	a := newTestApp(t)
	a.setBanner("Simulator: nothing is really sent")
	if got := a.bannerText(); !strings.Contains(got, "Simulator") {
		t.Errorf("banner = %q, want the simulator notice", got)
	}
	a.setBanner("")
	if got := a.bannerText(); got != "" {
		t.Errorf("banner = %q after hiding, want empty", got)
	}
}

func TestShell_QuitAsksTheScreen(t *testing.T) {
	a := newTestApp(t)
	r := &refusingScreen{}
	a.shell.pages[1].make = func(*App) screen { return r }
	a.shell.show(1)

	quit := a.win.MainMenu().Items[0].Items[0]
	if !quit.IsQuit {
		t.Fatalf("first File item is %q, want Quit", quit.Label)
	}
	quit.Action()
	if r.asked != 1 {
		t.Errorf("Quit asked the screen %d times, want 1", r.asked)
	}
	if a.ctx.Err() != nil {
		t.Error("Quit went ahead although the screen had unsaved edits")
	}
}

func TestWindow_SizeIsRemembered(t *testing.T) {
	s := openTestStore(t)
	a := newTestAppWithStore(t, s)
	a.win.Resize(fyne.NewSize(900, 640))
	a.saveWindow()

	b := newTestAppWithStore(t, s)
	got := b.win.Canvas().Size()
	if got.Width != 900 || got.Height != 640 {
		t.Errorf("restored size = %v, want 900x640", got)
	}
}

// hasText reports whether o or anything inside it shows some text.
func hasText(o fyne.CanvasObject) bool {
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && l.Text != "" {
			return true
		}
	}
	return false
}

func TestShell_GoMenuNavigates(t *testing.T) {
	a := newTestApp(t)
	menu := a.win.MainMenu()
	if menu == nil || len(menu.Items) < 2 || menu.Items[1].Label != "Go" {
		t.Fatalf("main menu = %+v, want File, then Go", menu)
	}
	goMenu := menu.Items[1]
	if got := len(goMenu.Items); got != len(a.shell.pages) {
		t.Fatalf("Go menu has %d items, want %d", got, len(a.shell.pages))
	}
	goMenu.Items[2].Action()
	if got := a.win.Title(); got != "Nurture - Contacts" {
		t.Errorf("after Go > Contacts: title %q", got)
	}
	if goMenu.Items[2].Shortcut == nil {
		t.Error("the Go menu does not show the page's shortcut")
	}
}

// bannerText returns what the banner says, "" when hidden.
func (a *App) bannerText() string {
	for _, o := range a.shell.banner.Objects {
		for _, obj := range test.LaidOutObjects(o) {
			if l, ok := obj.(*widget.Label); ok {
				return l.Text
			}
		}
	}
	return ""
}
