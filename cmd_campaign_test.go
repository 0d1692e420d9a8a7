package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// seedCampaign saves a campaign named name in a new data folder and
// returns the folder.
func seedCampaign(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	s, err := data.Open(filepath.Join(dir, data.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.SaveCampaign(context.Background(), campaign.Campaign{
		Name: name, Graph: campaign.NewGraph()})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCampaignCommand_ExportImport(t *testing.T) {
	dir := seedCampaign(t, "Spring welcome")

	var out, errOut bytes.Buffer
	code := run([]string{"--data-dir", dir, "campaign", "export",
		"spring welcome"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut.String())
	}
	d, err := campaign.Decode(out.Bytes())
	if err != nil || d.Campaign.Name != "Spring welcome" {
		t.Fatalf("exported document: got %+v, %v", d.Campaign, err)
	}

	file := filepath.Join(t.TempDir(), "spring.json")
	if err := os.WriteFile(file, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	code = run([]string{"--data-dir", dir, "campaign", "import", file},
		&out, &errOut)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut.String())
	}
	if got, want := out.String(),
		"Imported \"Spring welcome (imported)\" as a draft campaign.\n"; got !=
		want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCampaignCommand_Errors(t *testing.T) {
	dir := seedCampaign(t, "Spring")
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"format":"nurture.campaign",
		"version":3}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"campaign"}, "nurture campaign export NAME"},
		{[]string{"campaign", "rename", "x"}, "Unknown campaign command"},
		{[]string{"campaign", "export", "Autumn"}, "no campaign called"},
		{[]string{"campaign", "import", "/no/such.json"}, "cannot open"},
		{[]string{"campaign", "import", bad}, "newer version of Nurture"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		args := append([]string{"--data-dir", dir}, tt.args...)
		if code := run(args, &out, &errOut); code != 1 {
			t.Errorf("%q: exit %d, want 1", tt.args, code)
		}
		if !strings.Contains(errOut.String(), tt.want) {
			t.Errorf("%q: got %q, want it to contain %q", tt.args,
				errOut.String(), tt.want)
		}
	}
}
