package data_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// mustOpen opens a new database in a temporary folder.
func mustOpen(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), data.FileName))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpen_CreatesPrivateFileWithSchema(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Nurture")
	path := filepath.Join(dir, data.FileName)
	s, err := data.Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()

	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := info.Mode().Perm(), os.FileMode(0o600); got != want {
		t.Errorf("file mode = %v, want %v", got, want)
	}
	dinfo, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dinfo.Mode().Perm(), os.FileMode(0o700); got != want {
		t.Errorf("folder mode = %v, want %v", got, want)
	}

	v, err := s.SchemaVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if v < 4 {
		t.Errorf("schema version = %d, want at least 4", v)
	}

	var mode string
	s.DB().QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode = %q, want wal", mode)
	}
	var fk int
	s.DB().QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
}

func TestOpen_ReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), data.FileName)
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.SetSetting(ctx, "default_country", "GB"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = data.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.Setting(ctx, "default_country")
	if err != nil || got != "GB" {
		t.Errorf("setting after reopen = %q, %v; want GB", got, err)
	}
}

func TestOpen_RefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), data.FileName)
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec("PRAGMA user_version = 9999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileBytes(t, path)

	_, err = data.Open(path)
	if err == nil {
		t.Fatal("open of a newer database succeeded, want an error")
	}
	msg := campaign.ErrorMessage(err)
	if !strings.Contains(msg, "newer version of Nurture") ||
		!strings.Contains(msg, path) {
		t.Errorf("message = %q, want it to name the file and the cause", msg)
	}
	if after := fileBytes(t, path); string(after) != string(before) {
		t.Error("the newer database was changed by the refused open")
	}
}

func TestOpen_RefusesCorruptFile(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
	}{
		{"text file", []byte("name,phone\nAda,+15555550100\n")},
		{"short garbage", []byte{0xff, 0x00, 0x13}},
		{"damaged sqlite", append([]byte("SQLite format 3\x00"),
			make([]byte, 200)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), data.FileName)
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}

			s, err := data.Open(path)
			if err == nil {
				s.Close()
				t.Fatal("open succeeded, want an error")
			}
			msg := campaign.ErrorMessage(err)
			if !strings.Contains(msg, path) ||
				!strings.Contains(msg, "has not been changed") {
				t.Errorf("message = %q, want the file named and "+
					"left unchanged", msg)
			}
			if got := fileBytes(t, path); string(got) != string(tt.content) {
				t.Error("the file was modified")
			}
		})
	}
}

func TestSettings_SetOverwriteDelete(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()

	steps := []struct{ set, want string }{
		{"0.0079", "0.0079"},
		{"0.0083", "0.0083"},
		{"", ""},
	}
	for _, st := range steps {
		if err := s.SetSetting(ctx, "price_per_segment", st.set); err != nil {
			t.Fatal(err)
		}
		got, err := s.Setting(ctx, "price_per_segment")
		if err != nil {
			t.Fatal(err)
		}
		if got != st.want {
			t.Errorf("after set %q: got %q, want %q", st.set, got, st.want)
		}
	}
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
