package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/nurturesms/nurture/campaign/sms"
)

// msgAddContact adds a contact with a first name and, unless "", a tag.
func msgAddContact(t *testing.T, a *App, phone, first, tag string) {
	t.Helper()
	db := a.store.DB()
	res, err := db.Exec(`INSERT INTO contacts (phone, first_name,
		created_at, updated_at) VALUES (?, ?, '', '')`, phone, first)
	if err != nil {
		t.Fatal(err)
	}
	if tag == "" {
		return
	}
	id, _ := res.LastInsertId()
	if _, err := db.Exec(`INSERT INTO contact_tags VALUES (?, ?)`, id,
		tag); err != nil {
		t.Fatal(err)
	}
}

// msgQueueUI makes the editor's audience scan start at once and hand
// its results, and those of the sample search, to the returned queue.
// The test runs them on its own goroutine, as fyne.Do would run them
// on Fyne's.
func msgQueueUI(e *messageEditor) (chan func(), *messageAudience) {
	m := e.audience()
	m.delay = 0
	ui := make(chan func(), 10)
	m.do = func(f func()) { ui <- f }
	e.preview.sample.do = m.do
	return ui, m
}

func TestMessageEditor_ContactFieldsForceUCS2(t *testing.T) {
	a := newTestApp(t)
	msgAddContact(t, a, "+14155550101", "Zoë", "")
	msgAddContact(t, a, "+14155550102", "Ana", "")
	_, e := msgOpenEditor(t, a, "")
	ui, m := msgQueueUI(e)

	tests := []struct {
		body, note, worst string
	}{
		{"Hi {{first_name}}", "Zoë's merge fields hold ë (U+00EB), " +
			"outside GSM-7", "Outside GSM-7: ë (U+00EB)."},
		// The body is UCS-2 already: the list of characters says why.
		{"Hi 😀 {{first_name}}", "", "Outside GSM-7: 😀 (U+1F600), " +
			"ë (U+00EB)."},
	}
	for _, tt := range tests {
		e.body.SetText(tt.body)
		(<-ui)() // the scan
		got := e.preview.fromFields.Text
		if tt.note == "" && got != "" ||
			!strings.Contains(got, tt.note) {
			t.Errorf("%q: note %q, want %q", tt.body, got, tt.note)
		}
		if !strings.Contains(m.worst.Text, tt.worst) {
			t.Errorf("%q: worst case %q, want it to say %q", tt.body,
				m.worst.Text, tt.worst)
		}
	}

	// Ana's name is GSM-7: nothing to say.
	e.body.SetText("Hi {{first_name}}")
	e.preview.sample.search.SetText("ana")
	for e.preview.sample.name() != "Ana" {
		(<-ui)()
	}
	if got := e.preview.fromFields.Text; got != "" {
		t.Errorf("Ana: note %q, want none", got)
	}
}

func TestMessageEditor_AudienceWorstCase(t *testing.T) {
	a := newTestApp(t)
	msgAddContact(t, a, "+14155550101", "Ana", "vip")
	msgAddContact(t, a, "+14155550102", strings.Repeat("Bartholomew", 15),
		"")
	msgAddContact(t, a, "+14155550103", "", "vip")
	_, e := msgOpenEditor(t, a, "")
	ui, m := msgQueueUI(e)
	var sum sms.Summary
	m.scanned = func(s sms.Summary) { sum = s }

	// One change, one scan: typing would start one per keystroke.
	e.body.SetText("Hi {{first_name}}!")
	(<-ui)()
	if got, want := sum.Contacts, 3; got != want {
		t.Errorf("contacts: got %d, want %d", got, want)
	}
	if got := len(sum.Worst.Segments); got != 2 {
		t.Errorf("worst case: got %d Segments, want 2", got)
	}
	if !strings.Contains(m.info.Text, "1 contact has no first_name") {
		t.Errorf("summary %q does not count the contact without a name",
			m.info.Text)
	}
	if !strings.Contains(m.worst.Text, "Bartholomew") {
		t.Errorf("worst text %q is not the long name's", m.worst.Text)
	}

	// The worst case can be previewed, and any contact found by search.
	test.Tap(m.showWorst)
	if !strings.Contains(e.preview.rendered.Text, "Bartholomew") {
		t.Errorf("preview %q is not the worst case's",
			e.preview.rendered.Text)
	}
	e.preview.sample.search.SetText("ana")
	(<-ui)()
	if got, want := e.preview.rendered.Text, "Hi Ana!"; got != want {
		t.Errorf("after search: preview %q, want %q", got, want)
	}

	m.scope.SetSelected("Tag: vip")
	(<-ui)()
	if got, want := sum.Contacts, 2; got != want {
		t.Errorf("tag vip: got %d contacts, want %d", got, want)
	}
}

func TestMessageEditor_ReloadsWhenShownAgain(t *testing.T) {
	a := newTestApp(t)
	_, e := msgOpenEditor(t, a, "Hi {{city}}")
	p := e.preview
	if p.fieldErr.Text == "" {
		t.Fatalf("{{city}} is not flagged while no contact has a city")
	}

	// Meanwhile, in Settings and Contacts: a price, a contact, a tag.
	a.shell.show(0)
	if err := a.store.SetSetting(a.ctx, settingPricePerSegment,
		"0.01"); err != nil {
		t.Fatal(err)
	}
	db := a.store.DB()
	res, err := db.Exec(`INSERT INTO contacts (phone, first_name, fields,
		created_at, updated_at) VALUES ('+14155550101', 'Ana',
		'{"city":"Oslo"}', '', '')`)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	if _, err := db.Exec(`INSERT INTO contact_tags VALUES (?, 'vip')`,
		id); err != nil {
		t.Fatal(err)
	}
	a.shell.show(1)

	checks := []struct {
		what      string
		got, want string
	}{
		{"field error", p.fieldErr.Text, ""},
		{"preview", p.rendered.Text, "Hi Oslo"},
		{"cost", p.cost.Text, "Per recipient (Ana): 1 Segment × $0.0100 = " +
			"$0.0100. Using your price from Settings: $0.0100 per Segment."},
		{"scopes", strings.Join(p.audience.scope.Options, ", "),
			"All contacts, Tag: vip"},
		{"sample picker shown", fmt.Sprint(!p.sample.box.Hidden), "true"},
		{"custom fields", strings.TrimPrefix(e.fields.Text,
			"Merge fields: {{first_name}}, {{first_name|fallback}}, "+
				"{{last_name}}, {{email}}, {{phone}}"),
			"; your contacts also have {{city}}."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
		}
	}
}

func TestMessageAudience_NothingToScan(t *testing.T) {
	a := newTestApp(t)
	msgAddContact(t, a, "+14155550101", "Ana", "")
	_, e := msgOpenEditor(t, a, "")
	m := e.audience()
	tests := []struct{ body, want string }{
		{"  \n", "Write the message to see what it costs"},
		{"Hi {{nickname}}", "Fix the merge fields to see the cost"},
	}
	for _, tt := range tests {
		e.body.SetText(tt.body)
		if !strings.HasPrefix(m.info.Text, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.body, m.info.Text, tt.want)
		}
		if m.timer != nil && m.timer.Stop() {
			t.Errorf("%q: a scan was started", tt.body)
		}
	}
}
