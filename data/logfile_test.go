package data_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/nurturesms/nurture/data"
)

func TestLogFile_RotatesBySize(t *testing.T) {
	dir := t.TempDir()
	l, err := data.OpenLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	// 64 KiB lines: the 5 MiB limit is crossed a few times.
	line := append(bytes.Repeat([]byte("x"), 64<<10-1), '\n')
	for i := 0; i < 400; i++ {
		if _, err := l.Write(line); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}

	for _, name := range []string{"nurture.log", "nurture.log.1",
		"nurture.log.2", "nurture.log.3"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if info.Size() > 5<<20 {
			t.Errorf("%s is %d bytes, over the 5 MiB limit", name,
				info.Size())
		}
		if got := info.Mode().Perm(); got != 0o600 {
			t.Errorf("%s mode = %v, want 0600", name, got)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "nurture.log.4")); err == nil {
		t.Error("nurture.log.4 exists; only three old logs are kept")
	}
}
