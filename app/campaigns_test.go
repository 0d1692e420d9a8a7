package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// campaignsFor returns the app's campaign list screen, shown.
func campaignsFor(t *testing.T, a *App) *campaignsScreen {
	t.Helper()
	s, ok := a.shell.pages[0].scr.(*campaignsScreen)
	if !ok {
		t.Fatalf("page 0 is %T, want the campaign list", a.shell.pages[0].scr)
	}
	s.busy.Wait()
	t.Cleanup(s.busy.Wait)
	return s
}

// reload refreshes the list and waits for its audience counts.
func reload(s *campaignsScreen) {
	s.refresh()
	s.busy.Wait()
}

// walkObjects calls visit on o and everything drawn inside it.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkObjects(c, visit)
		}
	}
}

// windowTexts returns the text of every label in the window and its
// dialogs.
func windowTexts(a *App) []string {
	var out []string
	visit := func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	walkObjects(a.win.Canvas().Content(), visit)
	for _, o := range a.win.Canvas().Overlays().List() {
		walkObjects(o, visit)
	}
	return out
}

// tapButton taps the visible button with the given text, in a dialog
// when one is open, else in the window.
func tapButton(t *testing.T, a *App, text string) {
	t.Helper()
	root := a.win.Canvas().Content()
	if top := a.win.Canvas().Overlays().Top(); top != nil {
		root = top
	}
	var found *widget.Button
	walkObjects(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(found)
}

// saveCampaign stores a campaign and fails the test on error.
func saveCampaign(t *testing.T, a *App, c campaign.Campaign) campaign.Campaign {
	t.Helper()
	if c.Graph.Nodes == nil {
		c.Graph = campaign.NewGraph()
	}
	saved, err := a.store.SaveCampaign(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func TestCampaigns_EmptyState(t *testing.T) {
	a := newTestApp(t)
	campaignsFor(t, a)
	if texts := windowTexts(a); !slices.Contains(texts, "No campaigns yet") {
		t.Errorf("got %q, want the empty state", texts)
	}
}

func TestCampaigns_ListShowsColumns(t *testing.T) {
	a := newTestApp(t)
	_, err := a.store.DB().Exec(`INSERT INTO contacts (phone, created_at,
		updated_at) VALUES ('+15555550100', 'x', 'x'),
		('+15555550101', 'x', 'x')`)
	if err != nil {
		t.Fatal(err)
	}
	saveCampaign(t, a, campaign.Campaign{Name: "Spring welcome",
		State: campaign.Paused})
	s := campaignsFor(t, a)

	// Counting waits in the background; the list shows it is under way.
	ui := make(chan func(), 1)
	a.do = func(f func()) { ui <- f }
	s.refresh()
	a.win.Resize(fyne.NewSize(1000, 600))
	if texts := windowTexts(a); !slices.Contains(texts, countingText) {
		t.Fatalf("got %q before the count, want %q among them", texts,
			countingText)
	}
	(<-ui)()
	s.busy.Wait()

	texts := windowTexts(a)
	for _, want := range []string{"Spring welcome", "Paused", "2 contacts",
		"Name", "Audience", "Last change"} {
		if !slices.Contains(texts, want) {
			t.Errorf("got %q, want %q among them", texts, want)
		}
	}
	if !slices.ContainsFunc(texts, func(s string) bool {
		return strings.HasPrefix(s, "Today ")
	}) {
		t.Errorf("got %q, want a last change of today", texts)
	}
}

func TestCampaigns_CreateOpensEditor(t *testing.T) {
	tests := []struct {
		name    string
		confirm func(t *testing.T, a *App, entry *widget.Entry)
	}{
		{"button", func(t *testing.T, a *App, _ *widget.Entry) {
			tapButton(t, a, "Create")
		}},
		{"Enter", func(_ *testing.T, _ *App, entry *widget.Entry) {
			entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testCreateOpensEditor(t, tt.confirm)
		})
	}
}

// testCreateOpensEditor creates a campaign, confirming its name with
// confirm, and checks that its editor opens and closes.
func testCreateOpensEditor(t *testing.T,
	confirm func(t *testing.T, a *App, entry *widget.Entry)) {

	a := newTestApp(t)
	s := campaignsFor(t, a)

	tapButton(t, a, "New campaign")
	entry, ok := a.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("focused %T, want the name entry", a.win.Canvas().Focused())
	}
	test.Type(entry, "Spring welcome")
	confirm(t, a, entry)

	list, err := a.store.Campaigns(context.Background())
	if err != nil || len(list) != 1 || list[0].Name != "Spring welcome" {
		t.Fatalf("got %+v, %v, want one campaign named Spring welcome",
			list, err)
	}
	if s.editor == nil {
		t.Fatal("the editor did not open")
	}
	if got, want := a.win.Title(), "Nurture - Spring welcome"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}

	// Leaving the editor brings the list back with the new campaign.
	proceeded := false
	s.confirmLeave(func() { proceeded = true })
	if !proceeded {
		t.Error("confirmLeave with nothing unsaved did not proceed")
	}
	s.editor.close()
	if s.editor != nil || s.root.Objects[0] != s.listView {
		t.Error("closing the editor did not bring the list back")
	}
	if s.selected != list[0].ID {
		t.Errorf("selected %d, want the new campaign %d", s.selected,
			list[0].ID)
	}
}

func TestCampaigns_ClickSelectsDoubleClickOpens(t *testing.T) {
	a := newTestApp(t)
	saveCampaign(t, a, campaign.Campaign{Name: "Autumn"})
	c := saveCampaign(t, a, campaign.Campaign{Name: "Welcome"})
	s := campaignsFor(t, a)
	reload(s)
	a.win.Resize(fyne.NewSize(1000, 600))

	var lines []*campaignLine
	walkObjects(s.list, func(o fyne.CanvasObject) {
		if l, ok := o.(*campaignLine); ok {
			lines = append(lines, l)
		}
	})
	if len(lines) != 2 {
		t.Fatalf("got %d campaign lines drawn, want 2", len(lines))
	}
	line := lines[1]

	// The window gives a click to the topmost object that takes clicks
	// or double clicks. A line takes double clicks, so it must take
	// single ones too, or a click on it selects nothing.
	var o fyne.CanvasObject = line
	tappable, ok := o.(fyne.Tappable)
	if !ok {
		t.Fatal("a campaign line takes double clicks but not clicks")
	}
	test.Tap(tappable)
	if s.selected != c.ID {
		t.Errorf("a click on the line selected %d, want %d", s.selected,
			c.ID)
	}
	if s.rename.Disabled() {
		t.Error("Rename is disabled after a click selected a campaign")
	}

	test.DoubleTap(line)
	if s.editor == nil || s.editor.c.ID != c.ID {
		t.Fatal("double-clicking the line did not open its campaign")
	}
}

func TestCampaigns_RenameDuplicateDelete(t *testing.T) {
	a := newTestApp(t)
	c := saveCampaign(t, a, campaign.Campaign{Name: "Welcome"})
	s := campaignsFor(t, a)
	reload(s)
	s.list.Select(0)

	tapButton(t, a, "Rename")
	entry := a.win.Canvas().Focused().(*widget.Entry)
	entry.SetText("")
	test.Type(entry, "Hello")
	tapButton(t, a, "Rename")
	s.busy.Wait()
	if got, _ := a.store.Campaign(context.Background(), c.ID); got.Name !=
		"Hello" {
		t.Errorf("after rename: got %q, want Hello", got.Name)
	}

	tapButton(t, a, "Duplicate")
	s.busy.Wait()
	if got, want := rowNames(s), []string{"Hello", "Hello (copy)"}; !slices.
		Equal(got, want) {
		t.Fatalf("after duplicate: got %q, want %q", got, want)
	}
	if s.rows[1].c.ID != s.selected {
		t.Error("the copy is not selected")
	}

	tapButton(t, a, "Delete")
	tapButton(t, a, "Yes")
	s.busy.Wait()
	if got, want := rowNames(s), []string{"Hello"}; !slices.Equal(got, want) {
		t.Errorf("after delete: got %q, want %q", got, want)
	}
	if !s.open.Disabled() {
		t.Error("Open is enabled with nothing selected")
	}
}

func rowNames(s *campaignsScreen) []string {
	var names []string
	for _, r := range s.rows {
		names = append(names, r.c.Name)
	}
	return names
}

func TestCampaigns_ExportThenImport(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	c := saveCampaign(t, a, campaign.Campaign{Name: "Spring"})
	s := campaignsFor(t, a)
	reload(s)

	path := filepath.Join(t.TempDir(), fileSafe("a/b")+".json")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.exportTo(c.ID, w); err != nil {
		t.Fatalf("export: %v", err)
	}

	r, err := storage.Reader(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	imported, err := s.importFrom(r)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if imported.Name != "Spring (imported)" || s.selected != imported.ID {
		t.Errorf("got %q selected=%v, want \"Spring (imported)\" selected",
			imported.Name, s.selected == imported.ID)
	}
	if list, _ := a.store.Campaigns(ctx); len(list) != 2 {
		t.Errorf("campaigns: got %d, want 2", len(list))
	}
}

func TestCampaigns_ImportRefusesBadFile(t *testing.T) {
	a := newTestApp(t)
	s := campaignsFor(t, a)
	path := filepath.Join(t.TempDir(), "bad.json")
	w, _ := storage.Writer(storage.NewFileURI(path))
	w.Write([]byte(`{"format":"nurture.campaign","version":9}`))
	w.Close()

	r, _ := storage.Reader(storage.NewFileURI(path))
	_, err := s.importFrom(r)
	if msg := campaign.ErrorMessage(err); !strings.Contains(msg,
		"newer version") {
		t.Errorf("got %q, want a newer-version message", msg)
	}
}

func TestGroupThousands(t *testing.T) {
	tests := []struct {
		in   int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {1234567, "1,234,567"},
		{-1234, "-1,234"}}
	for _, tt := range tests {
		if got := groupThousands(tt.in); got != tt.want {
			t.Errorf("groupThousands(%d): got %q, want %q", tt.in, got,
				tt.want)
		}
	}
}

func TestFileSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Spring welcome", "Spring welcome"}, {"a/b:c", "a-b-c"},
		{"..", "campaign"}, {"", "campaign"},
	}
	for _, tt := range tests {
		if got := fileSafe(tt.in); got != tt.want {
			t.Errorf("fileSafe(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
