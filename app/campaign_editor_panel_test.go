package app

import (
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

// panelWidget returns the first widget of type T in the settings panel
// for which match is true.
func panelWidget[T fyne.CanvasObject](t *testing.T, e *campaignEditor,
	match func(T) bool) T {

	t.Helper()
	var found T
	ok := false
	eachObject(e.panel, func(o fyne.CanvasObject) {
		if w, is := o.(T); is && !ok && match(w) {
			found, ok = w, true
		}
	})
	if !ok {
		t.Fatalf("no %T in the settings panel", found)
	}
	return found
}

// first matches any widget, to take the first of its type.
func first[T fyne.CanvasObject](T) bool { return true }

func TestCampaignEditor_PanelEditsBranch(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	id := b.dropAt(t, campaign.KindBranch, fyne.NewPos(300, 300))

	field := panelWidget(t, b.e, first[*panelSelectEntry])
	test.Type(field, "city")
	op := panelWidget(t, b.e, first[*widget.Select])
	op.SetSelected("equals")
	value := panelWidget(t, b.e, func(en *panelEntry) bool {
		return en.PlaceHolder == "Austin"
	})
	test.Type(value, "Austin")

	n, _ := b.e.canvas.Model().Graph().Node(id)
	want := campaign.Condition{Field: "city", Op: campaign.OpEquals,
		Value: "Austin"}
	if n.Condition == nil || *n.Condition != want {
		t.Fatalf("condition = %+v, want %+v", n.Condition, want)
	}
	for _, p := range b.e.problems {
		if p.NodeID == id && p.Text == "Choose what this Branch tests." {
			t.Errorf("problem %q still listed after setting the test", p.Text)
		}
	}
}

func TestCampaignEditor_PanelEditsStart(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	b.e.canvas.Reveal(campaign.StartID)

	mode := panelWidget(t, b.e, first[*widget.Select])
	mode.SetSelected("Contacts with any of these tags")
	tags := panelWidget(t, b.e, func(en *panelEntry) bool {
		return en.PlaceHolder == "customer, vip"
	})
	test.Type(tags, "customer, vip")
	later := panelWidget(t, b.e, first[*widget.Check])
	test.Tap(later)

	start, _ := b.e.canvas.Model().Graph().Start()
	want := &campaign.Audience{Mode: campaign.AudienceAnyTag,
		Tags: []string{"customer", "vip"}, IncludeNew: true}
	if !reflect.DeepEqual(start.Audience, want) {
		t.Errorf("audience = %+v, want %+v", start.Audience, want)
	}
}

func TestCampaignEditor_PanelEditsWaitUntil(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	id := b.dropAt(t, campaign.KindWait, fyne.NewPos(300, 300))

	panelWidget(t, b.e, first[*widget.RadioGroup]).SetSelected(waitUntilLabel)
	panelWidget(t, b.e, first[*widget.Select]).SetSelected("Monday")
	at := panelWidget(t, b.e, func(en *panelEntry) bool {
		return en.PlaceHolder == "09:00"
	})
	at.SetText("")
	test.Type(at, "9:30")

	n, _ := b.e.canvas.Model().Graph().Node(id)
	want := campaign.Wait{Mode: campaign.WaitUntil, Amount: 1,
		Unit: campaign.Days, Weekday: 1, TimeOfDay: 9*60 + 30}
	if n.Wait == nil || *n.Wait != want {
		t.Errorf("wait = %+v, want %+v", n.Wait, want)
	}
}

func TestCampaignEditor_CopyPasteAndZoomKeys(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	b.dropAt(t, campaign.KindWait, fyne.NewPos(300, 300))

	typeShortcut(b.a, &fyne.ShortcutCopy{})
	typeShortcut(b.a, &fyne.ShortcutPaste{})
	if got := len(b.e.canvas.Model().Graph().Nodes); got != 3 {
		t.Errorf("nodes after Ctrl+C, Ctrl+V = %d, want 3", got)
	}
	typeShortcut(b.a, &fyne.ShortcutSelectAll{})
	if got := len(b.e.canvas.Model().Selected()); got != 3 {
		t.Errorf("selected after Ctrl+A = %d, want 3", got)
	}

	tests := []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.KeyEqual, "120%"},
		{fyne.KeyEqual, "144%"},
		{fyne.KeyMinus, "120%"},
		{fyne.Key0, "100%"},
	}
	for _, tt := range tests {
		typeShortcut(b.a, ctrl(tt.key))
		if got := b.e.zoom.Text; got != tt.want {
			t.Errorf("zoom after Ctrl+%s = %s, want %s", tt.key, got, tt.want)
		}
	}
}

func TestCampaignEditor_StartNeedsNoErrorsThenLocks(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	send := b.dropAt(t, campaign.KindSend, fyne.NewPos(300, 240))

	// A Send SMS with no message is an error: the campaign stays a draft.
	test.Tap(b.e.stateBtn)
	if b.e.c.State != campaign.Draft {
		t.Fatalf("state after Start with errors = %s, want draft", b.e.c.State)
	}

	b.connect(t, campaign.StartID, campaign.PortNext, send)
	b.pickOnCard(t, send, 0)
	test.Tap(b.e.stateBtn)
	if b.e.c.State != campaign.Running || !b.e.canvas.Model().ReadOnly {
		t.Fatalf("after Start: state %s, read-only %v; want running, true",
			b.e.c.State, b.e.canvas.Model().ReadOnly)
	}

	test.Tap(b.e.stateBtn)
	if b.e.c.State != campaign.Paused || b.e.canvas.Model().ReadOnly {
		t.Errorf("after Pause: state %s, read-only %v; want paused, false",
			b.e.c.State, b.e.canvas.Model().ReadOnly)
	}
}

func TestCampaignEditor_BranchOffersCustomFields(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	_, err := b.a.store.SaveContact(b.a.ctx, campaign.Contact{
		Phone: "+15125550101", Fields: map[string]string{"City": "Austin"}})
	if err != nil {
		t.Fatal(err)
	}
	b.e.reloadMessages()

	got := b.e.fieldChoices()
	for _, want := range []string{campaign.FieldFirstName, "city"} {
		if !slices.Contains(got, want) {
			t.Errorf("field choices %q, want %q among them", got, want)
		}
	}
}

func TestCampaignEditor_CtrlSInAFieldSaves(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	id := b.dropAt(t, campaign.KindWait, fyne.NewPos(300, 300))
	amount := findEntry(t, b.e.panel, "1")
	b.a.win.Canvas().Focus(amount)
	amount.SetText("")
	test.Type(amount, "5")

	// The driver hands a shortcut to the focused field, not the window.
	focused, ok := b.a.win.Canvas().Focused().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("focused %T, want the amount field", b.a.win.Canvas().Focused())
	}
	focused.TypedShortcut(ctrl(fyne.KeyS))

	c, err := b.a.store.Campaign(b.a.ctx, b.e.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	n, ok := c.Graph.Node(id)
	if !ok || n.Wait == nil || n.Wait.Amount != 5 {
		t.Errorf("stored Wait after Ctrl+S in its field = %+v, want 5 of "+
			"a unit", n.Wait)
	}
	if b.e.dirty {
		t.Error("the editor still has unsaved changes after Ctrl+S")
	}
}
