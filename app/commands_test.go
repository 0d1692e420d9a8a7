package app_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// runBinary runs the built nurture with args against the data folder
// dir and returns its standard output, standard error and exit code.
func runBinary(t *testing.T, bin, dir string, args ...string) (
	string, string, int) {

	t.Helper()
	cmd := exec.Command(bin, append([]string{"--data-dir", dir},
		args...)...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("run nurture %v: %v", args, err)
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// seedCampaign saves a draft campaign named name in a new data folder.
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

func TestBinary_CampaignExportImport(t *testing.T) {
	bin := buildBinary(t)
	dir := seedCampaign(t, "Spring welcome")

	doc, errOut, code := runBinary(t, bin, dir, "campaign", "export",
		"spring welcome")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	d, err := campaign.Decode([]byte(doc))
	if err != nil || d.Campaign.Name != "Spring welcome" {
		t.Fatalf("exported document: got %+v, %v", d.Campaign, err)
	}

	file := filepath.Join(t.TempDir(), "spring.json")
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runBinary(t, bin, dir, "campaign", "import", file)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	want := "Imported \"Spring welcome (imported)\" as a draft campaign.\n"
	if out != want {
		t.Errorf("import said %q, want %q", out, want)
	}
}

func TestBinary_CampaignErrors(t *testing.T) {
	bin := buildBinary(t)
	dir := seedCampaign(t, "Spring")
	newer := filepath.Join(t.TempDir(), "newer.json")
	err := os.WriteFile(newer,
		[]byte(`{"format":"nurture.campaign","version":3}`), 0o600)
	if err != nil {
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
		{[]string{"campaign", "import", newer}, "newer version of Nurture"},
	}
	for _, tt := range tests {
		_, errOut, code := runBinary(t, bin, dir, tt.args...)
		if code != 1 {
			t.Errorf("%q: exit %d, want 1", tt.args, code)
		}
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: said %q, want it to contain %q", tt.args,
				errOut, tt.want)
		}
	}
}

func TestBinary_ContactsImport(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	files := t.TempDir()
	csv := filepath.Join(files, "contacts.csv")
	err := os.WriteFile(csv, []byte("First Name,Phone\n"+
		"Ada,(415) 555-0101\n"+
		"Grace,+44 7700 900123\n"+
		"Nobody,12345\n"), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(files, "empty.csv")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	rejects := filepath.Join(files, "rejects.csv")

	out, errOut, code := runBinary(t, bin, dir, "contacts", "import", csv,
		"--country", "US", "--tag", "spring", "--rejects", rejects)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "2 imported, 0 updated, 1 rejected") {
		t.Errorf("summary = %q, want 2 imported, 1 rejected", out)
	}
	rej, err := os.ReadFile(rejects)
	if err != nil || !strings.Contains(string(rej), "12345") ||
		!strings.Contains(string(rej), "reason") {
		t.Errorf("rejected rows file = %q, %v; want the bad row with "+
			"a reason", rej, err)
	}

	// The same file again updates rather than duplicates.
	out, _, _ = runBinary(t, bin, dir, "contacts", "import", csv)
	if !strings.HasPrefix(out, "0 imported, 2 updated") {
		t.Errorf("second import = %q, want 0 imported, 2 updated", out)
	}

	for _, args := range [][]string{
		{"contacts", "import", empty},
		{"contacts", "import", filepath.Join(files, "missing.csv")},
		{"contacts", "import"},
	} {
		if _, errOut, code := runBinary(t, bin, dir, args...); code == 0 {
			t.Errorf("%q: exit 0, want a failure (%s)", args, errOut)
		}
	}
}
