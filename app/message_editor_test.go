package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// msgOpenEditor goes to the Messages page and opens a new Message with
// the body in the editor.
func msgOpenEditor(t *testing.T, a *App, body string) (*messagesScreen,
	*messageEditor) {

	t.Helper()
	m, err := a.store.SaveMessage(context.Background(),
		campaign.Message{Name: "Promo", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	s := msgScreen(t, a)
	s.open(m)

	// Results of background work are dropped: on the test driver,
	// fyne.Do would run them on the background goroutine, alongside the
	// test. Tests that want them install a queue.
	drop := func(func()) {}
	s.editor.audience().do, s.editor.preview.sample.do = drop, drop

	// Type after the text, not before it.
	s.editor.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	return s, s.editor
}

// msgScreen shows the Messages page and returns it.
func msgScreen(t *testing.T, a *App) *messagesScreen {
	t.Helper()
	a.shell.show(1)
	s, ok := a.shell.pages[1].scr.(*messagesScreen)
	if !ok {
		t.Fatalf("page 1 is %T, want the messages screen",
			a.shell.pages[1].scr)
	}
	return s
}

func TestMessageEditor_TypingUpdatesPreview(t *testing.T) {
	a := newTestApp(t)
	_, e := msgOpenEditor(t, a, "")
	p := e.preview

	steps := []struct {
		typed, enc, counts string
		bars               int
	}{
		{"Hello", "GSM-7", "5 characters · 1 Segment", 1},
		{" {there}", "GSM-7", "13 characters · 1 Segment", 1},
		{"😀", "UCS-2", "14 characters · 1 Segment", 1},
		{strings.Repeat("a", 60), "UCS-2", "74 characters · 2 Segments", 2},
	}
	for _, st := range steps {
		test.Type(e.body, st.typed)
		if got := p.encoding.Text; got != st.enc {
			t.Errorf("after %q: encoding %q, want %q", st.typed, got, st.enc)
		}
		if got := p.counts.Text; got != st.counts {
			t.Errorf("after %q: counts %q, want %q", st.typed, got,
				st.counts)
		}
		if got := len(p.bars.Objects); got != st.bars {
			t.Errorf("after %q: %d bars, want %d", st.typed, got, st.bars)
		}
	}
	if got := e.status.Text; got != "Unsaved changes" {
		t.Errorf("status: got %q, want Unsaved changes", got)
	}
}

// msgAppSmartOff returns an App whose previews have Smart Encoding off.
func msgAppSmartOff(t *testing.T) *App {
	t.Helper()
	a := newTestApp(t)
	if err := a.store.SetSetting(a.ctx, settingSmartEncoding,
		"off"); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestMessageEditor_ReplaceOneAndAll(t *testing.T) {
	a := msgAppSmartOff(t)
	_, e := msgOpenEditor(t, a, "“Hi” — it’s “here”")
	u := e.preview.unicode
	if got, want := len(u.rows.Objects), 4; got != want {
		t.Fatalf("listed characters: got %d, want %d", got, want)
	}
	row := u.rows.Objects[0].(*fyne.Container)
	label := row.Objects[0].(*widget.Label).Text
	if want := "“ (U+201C) ×2 at 1, 13: use \""; label != want {
		t.Errorf("first row: got %q, want %q", label, want)
	}

	// The first row is the left double quote: replace both of them.
	test.Tap(row.Objects[1].(*widget.Button))
	if got, want := e.body.Text, `"Hi” — it’s "here”`; got != want {
		t.Errorf("after replacing one: got %q, want %q", got, want)
	}
	if got := e.preview.encoding.Text; got != "UCS-2" {
		t.Errorf("encoding: got %q, want UCS-2", got)
	}

	test.Tap(u.replaceAll)
	if got, want := e.body.Text, `"Hi" - it's "here"`; got != want {
		t.Errorf("after replace all: got %q, want %q", got, want)
	}
	if got := e.preview.encoding.Text; got != "GSM-7" {
		t.Errorf("encoding: got %q, want GSM-7", got)
	}
	if !u.card.Hidden {
		t.Errorf("the list of UCS-2 characters is still shown")
	}

	// With Smart Encoding on, curly quotes stay GSM-7 and are explained.
	e.preview.smart.SetChecked(true)
	e.body.SetText("It’s here")
	if got := e.preview.encoding.Text; got != "GSM-7" {
		t.Errorf("smart encoding: got %q, want GSM-7", got)
	}
	if want := "’ (U+2019) becomes '"; !strings.Contains(
		e.preview.smartNote.Text, want) {
		t.Errorf("smart note: got %q, want it to say %q",
			e.preview.smartNote.Text, want)
	}
}

func TestMessageEditor_FixTextShowsInvisibleFixes(t *testing.T) {
	a := msgAppSmartOff(t)
	_, e := msgOpenEditor(t, a, "")
	tests := []struct{ body, want string }{
		{"a\u00a0b", "(blank) (U+00A0) ×1 at 2: use a plain space"},
		{"a\u200bb", "(blank) (U+200B) ×1 at 2: remove it"},
		{"a’", "’ (U+2019) ×1 at 2: use '"},
	}
	for _, tt := range tests {
		e.body.SetText(tt.body)
		rows := e.preview.unicode.rows.Objects
		if len(rows) != 1 {
			t.Fatalf("%q: %d rows, want 1", tt.body, len(rows))
		}
		got := rows[0].(*fyne.Container).Objects[0].(*widget.Label).Text
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestMessageEditor_UnicodeIntroCounts(t *testing.T) {
	a := newTestApp(t)
	_, e := msgOpenEditor(t, a, "")
	tests := []struct{ body, want string }{
		{"ç", "1 character outside GSM-7 makes the whole message UCS-2"},
		{"çç", "2 characters outside GSM-7 make the whole message UCS-2"},
	}
	for _, tt := range tests {
		e.body.SetText(tt.body)
		got := e.preview.unicode.intro.Text
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestMessageEditor_UnsavedLeavePrompt(t *testing.T) {
	a := newTestApp(t)
	s, e := msgOpenEditor(t, a, "Saved text")
	id := e.msg.ID
	test.Type(e.body, " and more")

	tests := []struct {
		button   string
		wantPage string
		wantBody string
	}{
		{"Keep editing", "Messages", "Saved text"},
		{"Save", "Campaigns", "Saved text and more"},
	}
	for _, tt := range tests {
		a.shell.show(0)
		a.shell.show(2) // Ctrl+3 while asked: still one question
		if n := len(a.win.Canvas().Overlays().List()); n != 1 {
			t.Errorf("%s: %d dialogs open, want 1", tt.button, n)
		}
		if e.leaving == nil {
			t.Fatalf("%s: no prompt on leaving with unsaved edits",
				tt.button)
		}
		tapButton(t, a, tt.button)
		if got := a.shell.pages[a.shell.current].title; got != tt.wantPage {
			t.Errorf("%s: on page %q, want %q", tt.button, got, tt.wantPage)
		}
		m, err := a.store.Message(a.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if m.Body != tt.wantBody {
			t.Errorf("%s: stored %q, want %q", tt.button, m.Body,
				tt.wantBody)
		}
	}

	// Nothing unsaved: leaving asks nothing.
	a.shell.show(1)
	if s.editor != e {
		t.Fatalf("the editor closed")
	}
	a.shell.show(0)
	if got := a.shell.pages[a.shell.current].title; got != "Campaigns" {
		t.Errorf("saved editor: on page %q, want Campaigns", got)
	}
}

// msgPressShortcut sends a shortcut as the desktop driver does: to the
// focused widget when it takes shortcuts, and to the window otherwise.
func msgPressShortcut(a *App, sc fyne.Shortcut) {
	if f, ok := a.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	typeShortcut(a, sc)
}

func TestMessageEditor_CtrlSWherever(t *testing.T) {
	a := newTestApp(t)
	_, e := msgOpenEditor(t, a, "One")
	tests := []struct {
		name  string
		focus fyne.Focusable
		typed string
	}{
		{"typing in the body", e.body, " two"},
		{"typing in the name", e.name, " v2"},
		{"nothing focused", nil, ""},
	}
	for _, tt := range tests {
		if tt.focus != nil {
			a.win.Canvas().Focus(tt.focus)
			test.Type(tt.focus, tt.typed)
		} else {
			a.win.Canvas().Unfocus()
			e.body.SetText(e.body.Text + " three")
		}
		msgPressShortcut(a, ctrl(fyne.KeyS))

		m, err := a.store.Message(a.ctx, e.msg.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := m.Name+": "+m.Body,
			e.name.Text+": "+e.body.Text; got != want {
			t.Errorf("%s: stored %q, want %q", tt.name, got, want)
		}
		if got := e.status.Text; got != "Saved" {
			t.Errorf("%s: status %q, want Saved", tt.name, got)
		}
	}
}

func TestMessageEditor_DiscardAndCtrlS(t *testing.T) {
	a := newTestApp(t)
	_, e := msgOpenEditor(t, a, "One")
	a.win.Canvas().Focus(e.body)
	test.Type(e.body, " two")
	msgPressShortcut(a, ctrl(fyne.KeyS))
	if m, _ := a.store.Message(a.ctx, e.msg.ID); m.Body != "One two" {
		t.Errorf("after Ctrl+S: stored %q, want %q", m.Body, "One two")
	}

	test.Type(e.body, " three")
	a.shell.show(0)
	tapButton(t, a, "Discard changes")
	if m, _ := a.store.Message(a.ctx, e.msg.ID); m.Body != "One two" {
		t.Errorf("after discard: stored %q, want %q", m.Body, "One two")
	}
	if got := a.shell.pages[a.shell.current].title; got != "Campaigns" {
		t.Errorf("after discard: on page %q, want Campaigns", got)
	}
}

func TestMessageEditor_HTMLAndFieldMistakes(t *testing.T) {
	a := newTestApp(t)
	_, e := msgOpenEditor(t, a, "<b>Sale</b> for {{frist_name}}")
	p := e.preview
	if !strings.Contains(p.fieldErr.Text, "frist_name") ||
		!strings.Contains(p.fieldErr.Text, "Did you mean {{first_name}}?") {
		t.Errorf("field error: got %q, want it to name frist_name and "+
			"suggest first_name", p.fieldErr.Text)
	}
	if len(p.html.Objects) != 2 {
		t.Fatalf("HTML warning: got %d objects, want a label and a "+
			"button", len(p.html.Objects))
	}
	test.Tap(p.html.Objects[1].(*widget.Button))
	if got, want := e.body.Text, "Sale for {{frist_name}}"; got != want {
		t.Errorf("after strip: got %q, want %q", got, want)
	}
	if len(p.html.Objects) != 0 {
		t.Errorf("HTML warning still shown after strip")
	}

	e.body.SetText("See https://example.com/x.")
	if want := "1 link, 21 characters in all"; !strings.Contains(
		p.links.Text, want) {
		t.Errorf("links: got %q, want it to say %q", p.links.Text, want)
	}
}

// BenchmarkMessagePreviewUpdate is the work done on every keystroke in
// a 1,600-character message with merge fields and curly quotes.
func BenchmarkMessagePreviewUpdate(b *testing.B) {
	st, err := data.Open(filepath.Join(b.TempDir(), data.FileName))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	a := New(Options{FyneApp: test.NewTempApp(b), Store: st})
	b.Cleanup(a.cancel)
	e := newMessageEditor(a, campaign.Message{Name: "Bench"}, func() {})
	e.view()
	body := string([]rune(strings.Repeat(
		"Hi {{first_name|there}}, it’s “sale” day! ", 40))[:1600])
	e.audience().delay = time.Hour

	b.ReportAllocs()
	for b.Loop() {
		e.preview.update(body)
	}
}

func TestMessageEditor_UndoReplacements(t *testing.T) {
	a := msgAppSmartOff(t)
	_, e := msgOpenEditor(t, a, "Hi <b>Sam</b> “x”")
	a.win.Canvas().Focus(e.body)
	test.Tap(e.preview.html.Objects[1].(*widget.Button)) // Strip
	test.Tap(e.preview.unicode.replaceAll)
	e.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(e.body, "!")

	// Each Ctrl+Z takes one step back: the typing, then each button.
	for _, want := range []string{
		`Hi Sam "x"`,
		"Hi Sam “x”",
		"Hi <b>Sam</b> “x”",
		"Hi <b>Sam</b> “x”",
	} {
		msgPressShortcut(a, &fyne.ShortcutUndo{})
		if got := e.body.Text; got != want {
			t.Errorf("after Ctrl+Z: got %q, want %q", got, want)
		}
	}
}

func TestMessageEditor_LongCharacterRowsWrap(t *testing.T) {
	a := msgAppSmartOff(t)
	_, e := msgOpenEditor(t, a, "")
	e.body.SetText("Hi 👨‍👩‍👧‍👦 and 🏳️‍🌈 “all”")
	// The family and the flag are described code point by code point;
	// the list must wrap them rather than widen the preview.
	if got, most := e.preview.unicode.rows.MinSize().Width,
		float32(420); got > most {
		t.Errorf("list of characters is %.0f wide, want at most %.0f",
			got, most)
	}
}

func TestMessagePreview_StaysNarrow(t *testing.T) {
	a := newTestApp(t)
	msgAddContact(t, a, "+14155550101", strings.Repeat("Maximiliana", 4),
		"vip")
	e := newMessageEditor(a, campaign.Message{Name: "Wide"}, func() {})
	preview := e.preview.view()
	e.preview.update("Hi <b>{{first_name}}</b> “x” 😀 https://example.com/" +
		strings.Repeat("a", 80))

	// Beside the editor in a window 1,000 wide, the preview gets about
	// 400: nothing in it may ask for more.
	if got, most := preview.MinSize().Width, float32(380); got > most {
		t.Errorf("preview is %.0f wide at least, want at most %.0f", got,
			most)
	}
}
