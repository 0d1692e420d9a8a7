package app

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// uiLock stands in for the UI goroutine in tests: Fyne's test driver
// runs fyne.Do at once on the calling goroutine, so the screen's
// background hand-offs and the test take this lock instead.
var uiLock sync.Mutex

func onUI(f func()) {
	uiLock.Lock()
	defer uiLock.Unlock()
	f()
}

// contactsFor shows the Contacts page and returns its screen.
func contactsFor(t *testing.T, a *App) *contactsScreen {
	t.Helper()
	a.shell.show(2)
	s, ok := a.shell.pages[2].scr.(*contactsScreen)
	if !ok {
		t.Fatalf("page 2 is %T, want the contact list", a.shell.pages[2].scr)
	}
	s.delay, s.do = 0, onUI
	// Background work must not outlive the test: Fyne's caches are
	// shared with the next one.
	t.Cleanup(s.busy.Wait)
	return s
}

// waitUntil polls cond under the UI lock until it holds, failing the
// test after a generous limit. It waits for background work; it does
// not measure speed.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var ok bool
		onUI(func() { ok = cond() })
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

const messyCSV = "First name;Last name;Mobile;Email;Tags;City\n" +
	"Ada;Lovelace;(415) 555-0100;ada@example.com;vip;Austin\n" +
	"Alan;Turing;+44 7700 900123;;;\n" +
	"Grace;Hopper;555-0100;;;\n" +
	"Ada;Again;415.555.0100;;;\n" +
	"Bad;Mail;415 555 0101;not-an-email;;\n" +
	"Land;Line;+44 20 7946 0001;;;\n"

func TestContacts_ImportFlow(t *testing.T) {
	a := newTestApp(t)
	s := contactsFor(t, a)
	path := filepath.Join(t.TempDir(), "leads.csv")
	if err := os.WriteFile(path, []byte(messyCSV), 0o600); err != nil {
		t.Fatal(err)
	}

	d := s.startImport(storage.NewFileURI(path))
	if d == nil {
		t.Fatal("the import dialog did not open")
	}
	if got := strings.Join(windowTexts(a), "|"); !strings.Contains(got,
		"Semicolon-separated, UTF-8, 6 columns") {
		t.Errorf("dialog does not show the detected format: %s", got)
	}
	if got, want := d.fields[2].Selected, "Phone"; got != want {
		t.Errorf("Mobile column mapped to %q, want %q", got, want)
	}

	onUI(func() { tapButton(t, a, "Check the file") })
	waitUntil(t, "the summary", func() bool { return d.step == "summary" })
	if got := strings.Join(windowTexts(a), "|"); !strings.Contains(got,
		"add 3 new contacts and update 0") {
		t.Errorf("summary = %s", got)
	}
	// The summary says which rows will be rejected and why, by line.
	if got, want := strings.Join(windowTexts(a), "|"),
		"line 4: \"555-0100\" is too short"; !strings.Contains(got, want) {
		t.Errorf("summary does not list the rejected row: want %q in %s",
			want, got)
	}
	n, _ := a.store.CountContacts(context.Background(), data.ContactFilter{})
	if n != 0 {
		t.Fatalf("the check saved %d contacts", n)
	}

	onUI(func() { tapButton(t, a, "Import") })
	waitUntil(t, "the result", func() bool { return d.step == "done" })
	want := "3 imported, 0 updated, 2 rejected, 1 duplicate skipped"
	if got := strings.Join(windowTexts(a), "|"); !strings.Contains(got,
		want) {
		t.Errorf("result = %s, want %q", got, want)
	}

	if got, want := strings.Join(windowTexts(a), "|"),
		"line 6: \"not-an-email\" is not an email"; !strings.Contains(got,
		want) {
		t.Errorf("result does not list the rejected row: want %q in %s",
			want, got)
	}

	var rejects bytes.Buffer
	if _, err := d.copyRejects(&rejects); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(rejects.String(), "\n"); lines != 4 ||
		!strings.HasPrefix(rejects.String(), "First name,Last name,"+
			"Mobile,Email,Tags,City,reason\n") {
		t.Errorf("rejected rows file:\n%s", rejects.String())
	}

	onUI(func() { tapButton(t, a, "Close") })
	waitUntil(t, "the list", func() bool { return s.count.Text == "3 contacts" })
}

func TestContacts_SearchAndFilter(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	for i := 0; i < 30; i++ {
		c := campaign.Contact{Phone: fmt.Sprintf("+447700900%03d", i),
			FirstName: "Alan", LastName: fmt.Sprintf("Number %02d", i)}
		if i%3 == 0 {
			c.FirstName = "Grace"
		}
		if i%2 == 0 {
			c.Tags = []string{"vip"}
		}
		if _, err := a.store.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	s := contactsFor(t, a)
	waitUntil(t, "the list", func() bool { return s.count.Text == "30 contacts" })

	tests := []struct {
		search, tag string
		want        string
	}{
		{"grace", "", "10 of 30 match"},
		{"7700 900 025", "", "1 of 30 match"},
		{"", "vip", "15 of 30 match"},
		{"GRACE", "vip", "5 of 30 match"},
		{"", "", "30 contacts"},
	}
	for _, tt := range tests {
		onUI(func() {
			s.tag.SetSelected(tt.tag)
			if tt.tag == "" {
				s.tag.SetSelectedIndex(0)
			}
			s.search.SetText("")
			test.Type(s.search, tt.search)
		})
		waitUntil(t, tt.want, func() bool { return s.count.Text == tt.want })
	}

	// The first row shows the first contact by name.
	var first string
	onUI(func() { first = s.pager.at(0).Name() })
	if first != "Alan Number 01" {
		t.Errorf("first row = %q, want Alan Number 01", first)
	}
}

func TestContacts_AddChecksNumber(t *testing.T) {
	a := newTestApp(t)
	s := contactsFor(t, a)

	tests := []struct {
		phone   string
		wantErr bool
		want    string
	}{
		{"555-01", true, ""},
		{"(415) 555-0123", false, "+14155550123"},
	}
	for _, tt := range tests {
		f := newContactForm(campaign.Contact{}, "US")
		onUI(func() {
			test.Type(f.phone, tt.phone)
			test.Type(f.first, "Ada")
			test.Type(f.fields, "city: Austin")
		})
		if err := f.phone.Validate(); (err != nil) != tt.wantErr {
			t.Errorf("%q: validation error %v, want error %v", tt.phone,
				err, tt.wantErr)
		}
		if tt.wantErr {
			continue
		}
		onUI(func() { s.saveContact(f, campaign.Contact{}) })
		waitUntil(t, "the new contact", func() bool {
			return s.count.Text == "1 contact"
		})
		got := s.pager.at(0)
		if got.Phone != tt.want || got.Fields["city"] != "Austin" {
			t.Errorf("saved %+v, want %s in Austin", got, tt.want)
		}
	}
}

func TestContacts_RecordOptOut(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	c, err := a.store.SaveContact(ctx, campaign.Contact{
		Phone: "+447700900042", FirstName: "Alan"})
	if err != nil {
		t.Fatal(err)
	}
	s := contactsFor(t, a)
	onUI(func() {
		s.showContact(c.ID)
		s.askConsent(c, campaign.OptOut)
		tapButton(t, a, "Record")
	})
	if err := a.store.CanMessage(ctx, c.ID); err == nil {
		t.Fatal("the contact may still be messaged after the opt-out")
	}
	waitUntil(t, "the history", func() bool {
		for _, text := range windowTexts(a) {
			if strings.Contains(text, "Opted out · recorded by hand") {
				return true
			}
		}
		return false
	})
}

func TestContactPager_pagesInOrder(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	const n = 2*pageSize + 50
	batch := make([]campaign.ContactImport, n)
	for i := range batch {
		batch[i].Contact = campaign.Contact{
			Phone:     fmt.Sprintf("+1415555%04d", i),
			FirstName: fmt.Sprintf("P%04d", (i*7919)%n)}
	}
	if _, err := a.store.ImportContacts(ctx, batch); err != nil {
		t.Fatal(err)
	}

	p := newContactPager(a.store)
	if err := p.reset(ctx, data.ContactFilter{}); err != nil {
		t.Fatal(err)
	}
	// Jump to the last page first, then walk from the top: both the
	// offset and the read-on paths are used.
	last := p.at(n - 1)
	for i := 0; i < n; i++ {
		got := p.at(i).FirstName
		if want := fmt.Sprintf("P%04d", i); got != want {
			t.Fatalf("row %d = %q, want %q", i, got, want)
		}
	}
	if last.FirstName != fmt.Sprintf("P%04d", n-1) || p.err != nil {
		t.Errorf("last row = %q (err %v)", last.FirstName, p.err)
	}
	if len(p.pages) > maxPages {
		t.Errorf("pager holds %d pages, want at most %d", len(p.pages),
			maxPages)
	}
}

func TestContacts_ImportCancel(t *testing.T) {
	a := newTestApp(t)
	s := contactsFor(t, a)
	var b strings.Builder
	b.WriteString("phone\n")
	for i := 0; i < 40000; i++ {
		fmt.Fprintf(&b, "(%d) 555-%04d\n", []int{212, 415, 617, 702}[i%4],
			i/4)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}

	d := s.startImport(storage.NewFileURI(path))
	onUI(func() {
		d.runImport()
		tapButton(t, a, "Cancel")
	})
	waitUntil(t, "the result", func() bool { return d.step == "done" })

	var texts string
	onUI(func() { texts = strings.Join(windowTexts(a), "|") })
	if !strings.Contains(texts, "The import was cancelled.") {
		t.Errorf("result = %s, want it to say the import was cancelled",
			texts)
	}
	n, _ := a.store.CountContacts(context.Background(), data.ContactFilter{})
	if n != d.run.sum.Imported || n == 40000 {
		t.Errorf("%d contacts saved, summary says %d of 40000", n,
			d.run.sum.Imported)
	}
}

func TestSettings_DefaultCountry(t *testing.T) {
	a := newTestApp(t)
	if got := a.defaultCountry(); got != "US" {
		t.Fatalf("default country = %q, want US when unset", got)
	}
	var sel *widget.Select
	walkObjects(newContactsSection(a), func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			sel = s
		}
	})
	if got, want := sel.Selected, "United States (US)  +1"; got != want {
		t.Fatalf("country picker shows %q, want %q", got, want)
	}
	// Countries are listed by name, each with its code.
	if i, j := slices.Index(sel.Options, "Germany (DE)  +49"),
		slices.Index(sel.Options, "France (FR)  +33"); i < 0 || j < 0 || j > i {
		t.Errorf("France at %d, Germany at %d: want both, by name", j, i)
	}
	sel.SetSelected("United Kingdom (GB)  +44")
	if got := a.defaultCountry(); got != "GB" {
		t.Errorf("default country = %q after choosing GB", got)
	}
	if got := newContactForm(campaign.Contact{}, a.defaultCountry()); got.country != "GB" {
		t.Errorf("the contact form reads numbers as %s", got.country)
	}
}

func TestContacts_FindShortcut(t *testing.T) {
	a := newTestApp(t)
	_, err := a.store.SaveContact(context.Background(),
		campaign.Contact{Phone: "+447700900050"})
	if err != nil {
		t.Fatal(err)
	}
	s := contactsFor(t, a)
	typeShortcut(a, ctrl(fyne.KeyF))
	if got := a.win.Canvas().Focused(); got != s.search {
		t.Errorf("focused %T after Ctrl+F, want the search box", got)
	}

	a.shell.show(0)
	a.win.Canvas().Unfocus()
	typeShortcut(a, ctrl(fyne.KeyF))
	if got := a.win.Canvas().Focused(); got == s.search {
		t.Error("Ctrl+F still searches contacts on another screen")
	}
}
