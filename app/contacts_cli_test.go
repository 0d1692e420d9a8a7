package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinary_ContactsImportRefusals runs "nurture contacts import" on
// input it cannot use: each run exits non-zero with a message saying
// what to fix, and saves nothing.
func TestBinary_ContactsImportRefusals(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	files := t.TempDir()
	leads := filepath.Join(files, "leads.csv")
	err := os.WriteFile(leads, []byte("Phone\n+1 415 555 0101\n"), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	noPhone := filepath.Join(files, "nophone.csv")
	err = os.WriteFile(noPhone, []byte("Customer;Notes\nAda;vip\n"), 0o600)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		args []string
		want string
	}{
		{[]string{noPhone}, "Head that column Phone"},
		{[]string{leads, "--country", "ZZ"}, `"ZZ" is not a country code`},
		{[]string{files}, "is a folder"},
	}
	for _, tt := range tests {
		args := append([]string{"contacts", "import"}, tt.args...)
		_, errOut, code := runBinary(t, bin, dir, args...)
		if code != 1 {
			t.Errorf("%q: exit %d, want 1", tt.args, code)
		}
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: said %q, want it to contain %q", tt.args,
				errOut, tt.want)
		}
	}

	// "uk" reads as GB, and the contact is new: the refused runs saved
	// nothing.
	out, errOut, code := runBinary(t, bin, dir, "contacts", "import",
		leads, "--country", "uk")
	want := "1 imported, 0 updated, 0 rejected"
	if code != 0 || !strings.HasPrefix(out, want) {
		t.Errorf("import with uk: exit %d, %q %q; want %q", code, out,
			errOut, want)
	}
}
