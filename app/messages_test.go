package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// msgNames returns the names the library lists.
func msgNames(s *messagesScreen) []string {
	var names []string
	for _, m := range s.msgs {
		names = append(names, m.Name)
	}
	return names
}

// msgSelect selects the row with the name, or fails.
func msgSelect(t *testing.T, s *messagesScreen, name string) {
	t.Helper()
	for i, m := range s.msgs {
		if m.Name == name {
			s.list.Select(i)
			return
		}
	}
	t.Fatalf("no message %q in %v", name, msgNames(s))
}

func TestMessagesScreen_ListShowsSegmentsAndEncoding(t *testing.T) {
	a := newTestApp(t)
	for _, m := range []campaign.Message{
		{Name: "Short", Body: "Hi {{first_name|there}}"},
		{Name: "Long", Body: strings.Repeat("a", 200)},
		{Name: "Emoji", Body: "Hi 😀"},
	} {
		if _, err := a.store.SaveMessage(a.ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	s := msgScreen(t, a)
	want := map[string]string{
		"Emoji": "1 Segment · UCS-2",
		"Long":  "2 Segments · GSM-7",
		"Short": "1 Segment · GSM-7",
	}
	for i, m := range s.msgs {
		if got := s.details[i]; got != want[m.Name] {
			t.Errorf("%s: got %q, want %q", m.Name, got, want[m.Name])
		}
	}
}

func TestMessagesScreen_ListReloadsWhenShown(t *testing.T) {
	a := newTestApp(t)
	s := msgScreen(t, a)
	a.shell.show(0)
	if _, err := a.store.SaveMessage(a.ctx,
		campaign.Message{Name: "Added elsewhere", Body: "Hi"}); err != nil {
		t.Fatal(err)
	}
	a.shell.show(1)
	if got, want := strings.Join(msgNames(s), ", "),
		"Added elsewhere"; got != want {
		t.Errorf("library: got %q, want %q", got, want)
	}
}

func TestMessagesScreen_CreateRenameDuplicate(t *testing.T) {
	a := newTestApp(t)
	s := msgScreen(t, a)

	s.create()
	if s.editor == nil || s.editor.msg.Name != "New message" {
		t.Fatalf("create: want the editor open on \"New message\"")
	}
	test.Tap(s.editor.back)
	if s.editor != nil {
		t.Fatalf("back: the editor is still open")
	}

	msgSelect(t, s, "New message")
	test.Tap(s.actions[1]) // Rename
	var entry *widget.Entry
	walkObjects(a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			entry = e
		}
	})
	if entry == nil {
		t.Fatal("no name entry in the rename dialog")
	}
	if a.win.Canvas().Focused() != entry {
		t.Errorf("the name entry is not ready to type into")
	}
	// Enter renames, as the Rename button does.
	entry.SetText("Welcome")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	msgSelect(t, s, "Welcome")
	test.Tap(s.actions[2]) // Duplicate
	msgSelect(t, s, "Welcome")
	test.Tap(s.actions[2])
	got := fmt.Sprint(msgNames(s))
	if want := "[Copy of Welcome Copy of Welcome (2) Welcome]"; got != want {
		t.Errorf("after duplicates: got %s, want %s", got, want)
	}

	// A clash is explained, and the name stays.
	msgSelect(t, s, "Welcome")
	test.Tap(s.actions[1])
	walkObjects(a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			e.SetText("copy of welcome")
		}
	})
	tapButton(t, a, "Rename")
	if text := strings.Join(windowTexts(a), "\n"); !strings.Contains(text, "already exists") {
		t.Errorf("clash: dialog says %q, want it to say the name is taken",
			text)
	}
}

func TestMessagesScreen_DeleteBlockedByCampaign(t *testing.T) {
	a := newTestApp(t)
	used, err := a.store.SaveMessage(a.ctx, campaign.Message{Name: "Used"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.SaveMessage(a.ctx,
		campaign.Message{Name: "Free"}); err != nil {
		t.Fatal(err)
	}
	_, err = a.store.DB().Exec(`INSERT INTO campaigns (name, graph,
		created_at, updated_at) VALUES ('Spring sale', ?, '', '')`,
		fmt.Sprintf(`{"nodes":[{"id":"s","kind":"send_sms",`+
			`"message_id":%d}],"edges":[]}`, used.ID))
	if err != nil {
		t.Fatal(err)
	}
	s := msgScreen(t, a)

	// No question first: the answer is no, and why.
	msgSelect(t, s, "Used")
	test.Tap(s.actions[3]) // Delete
	text := strings.Join(windowTexts(a), "\n")
	if !strings.Contains(text, `"Spring sale"`) ||
		strings.Contains(text, "cannot be undone") {
		t.Errorf("blocked delete says %q, want it to name the campaign "+
			"without asking to confirm", text)
	}
	tapButton(t, a, "OK")

	msgSelect(t, s, "Free")
	test.Tap(s.actions[3])
	tapButton(t, a, "Yes")
	if got, want := fmt.Sprint(msgNames(s)), "[Used]"; got != want {
		t.Errorf("after deletes: got %s, want %s", got, want)
	}
}

func TestPricingSection_ValidatesAsTyped(t *testing.T) {
	a := newTestApp(t)
	card := newPricingSection(a)
	var entry *widget.Entry
	var used *widget.Label
	walkObjects(card, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Entry:
			entry = v
		case *widget.Label:
			if strings.Contains(v.Text, "price") {
				used = v
			}
		}
	})
	if entry == nil || used == nil {
		t.Fatal("no price entry or price label in the section")
	}

	tests := []struct {
		typed, stored, label string
		valid                bool
	}{
		{"abc", "0.01", "$0.01", false},
		{"0.0079", "0.0079", "Using your price from Settings: $0.0079",
			true},
		{"-1", "0.0079", "$0.0079", false},
		{"1e-3", "0.0079", "$0.0079", false},
		{"25", "0.0079", "$0.0079", false},
	}
	test.Type(entry, "0.01")
	if got, _ := a.store.Setting(a.ctx, settingPricePerSegment); got != "0.01" {
		t.Errorf("typed 0.01: stored %q", got)
	}
	for _, tt := range tests {
		entry.SetText(tt.typed)
		if got := entry.Validate() == nil; got != tt.valid {
			t.Errorf("%q: valid %v, want %v", tt.typed, got, tt.valid)
		}
		stored, _ := a.store.Setting(a.ctx, settingPricePerSegment)
		if stored != tt.stored {
			t.Errorf("%q: stored %q, want %q", tt.typed, stored, tt.stored)
		}
		if !strings.Contains(used.Text, tt.label) {
			t.Errorf("%q: label %q, want it to contain %q", tt.typed,
				used.Text, tt.label)
		}
	}

	// Twilio's price wins when Twilio is connected.
	a.store.SetSetting(a.ctx, settingTwilioPrice, "0.0083")
	a.store.SetSetting(a.ctx, settingTwilioPriceCurr, "EUR")
	p := loadSegmentPrice(a.ctx, a.store)
	if got, want := p.source(), "Twilio's price for your account: "+
		"0.0083 EUR"; !strings.Contains(got, want) {
		t.Errorf("with Twilio: got %q, want it to contain %q", got, want)
	}
}

func TestPriceLabel_FollowsStoredPrices(t *testing.T) {
	a := newTestApp(t)
	l := newPriceLabel(a)
	steps := []struct {
		key, value, want string
	}{
		{"", "", "No price per Segment yet"},
		{settingPricePerSegment, "0.01", "Using your price from " +
			"Settings: $0.0100"},
		// A connection test stores Twilio's price, which wins.
		{settingTwilioPrice, "0.0079", "Using Twilio's price for your " +
			"account: $0.0079"},
		{settingTwilioPrice, "", "Using your price from Settings: " +
			"$0.0100"},
	}
	for _, st := range steps {
		if st.key != "" {
			if err := a.store.SetSetting(a.ctx, st.key,
				st.value); err != nil {
				t.Fatal(err)
			}
		}
		l.check()
		if got := l.label.Text; !strings.HasPrefix(got, st.want) {
			t.Errorf("%s=%q: label %q, want %q", st.key, st.value, got,
				st.want)
		}
	}
}
