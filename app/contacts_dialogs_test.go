package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
)

// The add form opens with the cursor in the phone number.
func TestContacts_AddFormFocusesPhone(t *testing.T) {
	a := newTestApp(t)
	s := contactsFor(t, a)
	var focused fyne.Focusable
	onUI(func() {
		s.editContact(campaign.Contact{})
		focused = a.win.Canvas().Focused()
	})
	e, ok := focused.(*widget.Entry)
	if !ok || e.PlaceHolder != "+1 415 555 0100" {
		t.Errorf("focus is on %T %v, want the phone entry", focused, e)
	}
}

// A contact that cannot be saved, here for a number another contact
// has, leaves the form open with what the user typed.
func TestContacts_FailedSaveKeepsForm(t *testing.T) {
	a := newTestApp(t)
	s := contactsFor(t, a)
	_, err := a.store.SaveContact(context.Background(), campaign.Contact{
		Phone: "+14155550150", FirstName: "Ann"})
	if err != nil {
		t.Fatal(err)
	}

	f := newContactForm(campaign.Contact{}, "US")
	onUI(func() {
		test.Type(f.phone, "415 555 0150")
		test.Type(f.first, "Typed with care")
		s.saveContact(f, campaign.Contact{})
	})
	var entries []string
	onUI(func() {
		for _, o := range a.win.Canvas().Overlays().List() {
			walkObjects(o, func(o fyne.CanvasObject) {
				if e, ok := o.(*widget.Entry); ok && e.Visible() {
					entries = append(entries, e.Text)
				}
			})
		}
	})
	got, want := strings.Join(entries, "|"), "Typed with care"
	if !strings.Contains(got, want) {
		t.Errorf("open entries = %q, want the form with %q", got, want)
	}
	if got, want := strings.Join(windowTexts(a), "|"),
		"Another contact already has the number"; !strings.Contains(got,
		want) {
		t.Errorf("window says %s, want %q", got, want)
	}
}

// While the file is checked nothing is saved, so the progress line
// must not say that contacts were imported.
func TestContacts_ImportProgressWording(t *testing.T) {
	test.NewTempApp(t)
	p := contactcsv.Progress{Rows: 10, Imported: 7, Updated: 1,
		Rejected: 1, Duplicates: 1}
	tests := []struct{ step, want string }{
		{"check", "10 rows read: 7 new, 1 already in Nurture, 2 rejected"},
		{"run", "10 rows read: 7 imported, 1 updated, 1 rejected, " +
			"1 duplicate skipped"},
	}
	for _, tt := range tests {
		d := &importDialog{step: tt.step, size: 100}
		r := &importRun{progress: widget.NewProgressBar(),
			status: widget.NewLabel("")}
		d.showProgress(r, p)
		if got := r.status.Text; got != tt.want {
			t.Errorf("%s: progress %q, want %q", tt.step, got, tt.want)
		}
	}
}

func TestConsentState(t *testing.T) {
	at := time.Date(2024, 3, 1, 12, 0, 0, 0, time.Local)
	in := campaign.ConsentEvent{Kind: campaign.OptIn, At: at}
	out := campaign.ConsentEvent{Kind: campaign.OptOut, At: at}
	tests := []struct {
		optedOut bool
		history  []campaign.ConsentEvent
		want     string
	}{
		{false, nil, "Not opted out, but no opt-in is recorded"},
		{false, []campaign.ConsentEvent{in}, "Opted in on 1 Mar 2024"},
		{true, []campaign.ConsentEvent{in, out}, "Opted out: Nurture " +
			"will not enroll or message them"},
	}
	for _, tt := range tests {
		c := campaign.Contact{OptedOut: tt.optedOut}
		if got := consentState(c, tt.history); got != tt.want {
			t.Errorf("consentState(%v, %d events) = %q, want %q",
				tt.optedOut, len(tt.history), got, tt.want)
		}
	}
}

func TestImportDialogSize(t *testing.T) {
	tests := []struct{ win, want fyne.Size }{
		{fyne.NewSize(1100, 700), fyne.NewSize(1020, 660)},
		{fyne.NewSize(1600, 1000), fyne.NewSize(1100, 960)},
		{fyne.NewSize(800, 500), fyne.NewSize(760, 560)},
	}
	for _, tt := range tests {
		if got := importDialogSize(tt.win); got != tt.want {
			t.Errorf("in %v: dialog %v, want %v", tt.win, got, tt.want)
		}
	}
}

func TestContacts_ImportRefusesBadFiles(t *testing.T) {
	a := newTestApp(t)
	s := contactsFor(t, a)
	tests := []struct{ name, body, want string }{
		{"empty.csv", "", "The file is empty."},
		{"blank.csv", "\n \n\n", "The file is empty."},
		{"header.csv", "phone,name\n", "a header row but no contacts"},
		{"photo.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			"not a CSV text file"},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), tt.name)
		if err := os.WriteFile(path, []byte(tt.body), 0o600); err != nil {
			t.Fatal(err)
		}
		if d := s.startImport(storage.NewFileURI(path)); d != nil {
			t.Errorf("%s: the import dialog opened", tt.name)
		}
		// The message names the file as it is spelled and says why.
		got := strings.Join(windowTexts(a), "|")
		for _, want := range []string{"The file " + tt.name + " cannot be",
			tt.want} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: window says %s, want %q", tt.name, got, want)
			}
		}
		for _, o := range a.win.Canvas().Overlays().List() {
			a.win.Canvas().Overlays().Remove(o)
		}
	}
}
