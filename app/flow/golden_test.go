package flow

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/nurturesms/nurture/campaign"
)

// sampleCampaign builds Start, a welcome message, a wait, a branch on a
// tag, a reminder on the Yes side and an End on the No side, laid out.
func sampleCampaign(t testing.TB) campaign.Graph {
	t.Helper()
	g := campaign.NewGraph()
	add := func(k campaign.NodeKind) string {
		n, err := g.AddNode(k, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return n.ID
	}
	welcome, wait, branch := add(campaign.KindSend), add(campaign.KindWait),
		add(campaign.KindBranch)
	reminder, end := add(campaign.KindSend), add(campaign.KindEnd)

	g.Nodes[g.Index(welcome)].MessageID = 1
	g.Nodes[g.Index(wait)].Wait = &campaign.Wait{Mode: campaign.WaitFor,
		Amount: 2, Unit: campaign.Days}
	g.Nodes[g.Index(branch)].Condition = &campaign.Condition{
		Op: campaign.OpHasTag, Value: "customer"}
	for _, e := range []campaign.Edge{
		{From: campaign.StartID, Port: campaign.PortNext, To: welcome},
		{From: welcome, Port: campaign.PortNext, To: wait},
		{From: wait, Port: campaign.PortNext, To: branch},
		{From: branch, Port: campaign.PortYes, To: reminder},
		{From: branch, Port: campaign.PortNo, To: end},
	} {
		if err := g.Connect(e.From, e.Port, e.To); err != nil {
			t.Fatal(err)
		}
	}
	campaign.Layout(&g)
	return g
}

func TestCanvas_GoldenSampleCampaign(t *testing.T) {
	tests := []struct {
		file  string
		theme fyne.Theme // nil keeps the test theme, which is dark
	}{
		{"sample_campaign.png", nil},
		{"sample_campaign_light.png",
			variantTheme{theme.DefaultTheme(), theme.VariantLight}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b := newBoard(t, sampleCampaign(t))
			if tt.theme != nil {
				fyne.CurrentApp().Settings().SetTheme(tt.theme)
			}
			b.w.Resize(fyne.NewSize(820, 760))
			b.canvas.SetMessages([]MessageChoice{{ID: 1,
				Name: "Welcome to the studio", Detail: "1 Segment, up to $0.0079"}})
			b.canvas.SetProblems(campaign.Validate(b.canvas.Model().Graph(), nil))
			b.canvas.Model().Select("n3")
			b.canvas.Fit()

			test.AssertImageMatches(t, tt.file, b.w.Canvas().Capture())
		})
	}
}

// variantTheme is a theme held to one variant, light or dark.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (v variantTheme) Color(n fyne.ThemeColorName,
	_ fyne.ThemeVariant) color.Color {
	return v.Theme.Color(n, v.variant)
}
