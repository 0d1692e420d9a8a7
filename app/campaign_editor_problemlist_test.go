package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
)

func TestCampaignEditor_ProblemsAreNotCutOff(t *testing.T) {
	b := newEditorBench(t, campaign.Draft)
	for i := 0; i < 3; i++ {
		b.dropAt(t, campaign.KindSend, fyne.NewPos(700, float32(300+150*i)))
	}
	b.a.win.Resize(fyne.NewSize(760, 900))
	if len(b.e.problems) == 0 {
		t.Fatal("no problems listed for three loose Send SMS steps")
	}

	var labels []*widget.Label
	walkObjects(b.e.probList, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			labels = append(labels, l)
		}
	})
	if len(labels) == 0 {
		t.Fatal("no problem rows drawn")
	}
	oneLine := widget.NewLabel("x").MinSize().Height
	wrapped := false
	for _, l := range labels {
		got, need := l.Size(), l.MinSize()
		if need.Width > got.Width+0.5 || need.Height > got.Height+0.5 {
			t.Errorf("%q: row gives %v, text needs %v", l.Text, got, need)
		}
		if got.Height > oneLine*1.5 {
			wrapped = true
		}
	}
	if !wrapped {
		t.Error("no problem wrapped onto a second line in a narrow window")
	}
}

func TestCampaignEditor_NoProblemsSaysWhatIsNext(t *testing.T) {
	tests := []struct {
		state campaign.State
		want  string
	}{
		{campaign.Draft, "Problems: none. The campaign is ready to start."},
		{campaign.Running, "Problems: none."},
		{campaign.Paused, "Problems: none. The campaign is ready to resume."},
		{campaign.Done, "Problems: none."},
	}
	for _, tt := range tests {
		t.Run(string(tt.state), func(t *testing.T) {
			b := newEditorBench(t, tt.state)
			b.e.problems = nil
			b.e.refreshProblems()
			if got := b.e.probTitle.Text; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
