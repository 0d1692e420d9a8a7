package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

func TestCampaignEditor_PausedEditTellsWhereContactsWent(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()

	// A paused campaign Start -> Wait -> Send SMS with a contact at the
	// Wait.
	g := campaign.NewGraph()
	wait, _ := g.AddNode(campaign.KindWait, 200, 200)
	send, _ := g.AddNode(campaign.KindSend, 200, 400)
	g.Connect(campaign.StartID, campaign.PortNext, wait.ID)
	g.Connect(wait.ID, campaign.PortNext, send.ID)
	c, err := a.store.SaveCampaign(ctx, campaign.Campaign{Name: "Paused",
		State: campaign.Paused, Graph: g})
	if err != nil {
		t.Fatal(err)
	}
	ct, err := a.store.SaveContact(ctx, campaign.Contact{
		Phone: "+14155550100", FirstName: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	en, err := a.store.Enroll(ctx, c.ID, ct.ID, campaign.StartID, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	en.NodeID = wait.ID
	if err := a.store.UpdateEnrollment(ctx, en); err != nil {
		t.Fatal(err)
	}

	e := newCampaignEditor(a, c, nil)
	a.win.SetContent(e.view())
	a.win.Resize(fyne.NewSize(1280, 900))
	if e.canvas.Model().ReadOnly {
		t.Fatal("a paused campaign's canvas is locked, want editable")
	}

	// Delete the Wait and save: the contact moves on, and is told so.
	e.canvas.Model().Select(wait.ID)
	e.canvas.Model().DeleteSelected()
	typeShortcut(a, ctrl(fyne.KeyS))

	var text string
	eachObject(a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text,
			"contact") {
			text = l.Text
		}
	})
	if !strings.Contains(text, "1 contact moved on to the Send SMS step") {
		t.Errorf("dialog says %q, want it to name where the contact went",
			text)
	}
	if strings.Contains(text, send.ID) {
		t.Errorf("dialog says %q, naming the step by its hidden ID %q",
			text, send.ID)
	}
}

func TestCampaignEditor_StepName(t *testing.T) {
	b := newEditorBench(t, campaign.Paused)
	day := &campaign.Wait{Mode: campaign.WaitFor, Amount: 1,
		Unit: campaign.Days}
	tests := []struct {
		n    campaign.Node
		want string
	}{
		{campaign.Node{Kind: campaign.KindSend, MessageID: b.msg.ID},
			`the Send SMS step "Welcome"`},
		{campaign.Node{Kind: campaign.KindSend}, "the Send SMS step"},
		{campaign.Node{Kind: campaign.KindWait, Wait: day},
			"the Wait step (For 1 day)"},
		{campaign.Node{Kind: campaign.KindEnd}, "the End step"},
	}
	for _, tt := range tests {
		if got := b.e.stepName(tt.n); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
