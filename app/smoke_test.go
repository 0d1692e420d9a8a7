package app_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// smokeScript starts Nurture in the virtual display, waits for its
// window, checks that the process outlives a few seconds, and takes a
// screenshot; then it moves the window, quits and starts again to see
// where the window opens. It prints what it saw as key=value lines.
const smokeScript = `
mkdir -p "$NURTURE_DIR"
"$NURTURE_BIN" --data-dir "$NURTURE_DIR" >"$NURTURE_DIR/stdout" 2>&1 &
pid=$!
win=$(timeout 60 xdotool search --sync --name '^Nurture' | head -1)
echo "window=$win"
sleep 4
if kill -0 "$pid" 2>/dev/null; then echo alive=yes; else echo alive=no; fi
import -window root "$NURTURE_SHOT"

# Move the window, quit with Ctrl+Q, and see where the next run opens.
xdotool windowmove "$win" 137 91
sleep 1
xdotool key --window "$win" ctrl+q
timeout 20 sh -c "while kill -0 $pid 2>/dev/null; do sleep 0.2; done"
if kill -0 "$pid" 2>/dev/null; then echo quit=no; kill "$pid"; fi
"$NURTURE_BIN" --data-dir "$NURTURE_DIR" >>"$NURTURE_DIR/stdout" 2>&1 &
pid=$!
win=$(timeout 60 xdotool search --sync --name '^Nurture' | head -1)
sleep 2
xdotool getwindowgeometry --shell "$win" | grep -E '^(X|Y)='
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
`

// TestSmoke_WindowOpens builds the real binary and runs it in a window
// under Xvfb, in a private D-Bus session so that no daemon outlives the
// test.
func TestSmoke_WindowOpens(t *testing.T) {
	if testing.Short() {
		t.Skip("the window smoke test is skipped with -short")
	}
	for _, tool := range []string{"dbus-run-session", "xvfb-run",
		"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run 'make test-deps' to install "+
				"the packages the window test needs", tool)
		}
	}

	dir := t.TempDir()
	bin := buildBinary(t)
	shot := filepath.Join(dir, "screenshot.png")

	// A crash report from a previous run is set aside and reported.
	dataDir := filepath.Join(dir, "data")
	crash := []byte("panic: an earlier run broke\n")
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		t.Fatal(err)
	}
	err := os.WriteFile(filepath.Join(dataDir, "crash.log"), crash, 0o600)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "dbus-run-session", "--",
		"xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
		"sh", "-c", smokeScript)
	cmd.Env = append(os.Environ(),
		"NURTURE_BIN="+bin,
		"NURTURE_DIR="+filepath.Join(dir, "data"),
		"NURTURE_SHOT="+shot,
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("run under Xvfb: %v\n%s", err, out)
	}
	report := string(out)

	if !strings.Contains(report, "window=") ||
		strings.Contains(report, "window=\n") {
		t.Fatalf("no window titled Nurture appeared\n%s%s",
			report, readFile(t, filepath.Join(dir, "data", "stdout")))
	}
	if !strings.Contains(report, "alive=yes") {
		t.Fatalf("nurture exited within seconds of opening\n%s%s",
			report, readFile(t, filepath.Join(dir, "data", "stdout")))
	}
	if strings.Contains(report, "quit=no") {
		t.Error("Ctrl+Q did not quit Nurture")
	}
	if !strings.Contains(report, "X=137\n") ||
		!strings.Contains(report, "Y=91\n") {
		t.Errorf("the next run did not open where the window was "+
			"moved (137, 91):\n%s", report)
	}
	if n := distinctColours(t, shot); n < 8 {
		t.Errorf("screenshot has %d distinct colours, want a drawn "+
			"window (at least 8)", n)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "nurture.db")); err != nil {
		t.Errorf("the data folder has no database after a run: %v", err)
	}
	old := readFile(t, filepath.Join(dataDir, "crash.log.old"))
	if old != string(crash) {
		t.Errorf("crash.log.old = %q, want the earlier report %q", old,
			crash)
	}
	if fresh := readFile(t, filepath.Join(dataDir, "crash.log")); fresh != "" {
		t.Errorf("crash.log = %q after a clean run, want it empty", fresh)
	}
}

// TestBinary_Commands runs the real binary's commands that need no
// window.
func TestBinary_Commands(t *testing.T) {
	bin := buildBinary(t)
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"version"}, 0, "nurture "},
		{[]string{"--help"}, 0, "nurture contacts import FILE"},
		{[]string{"help"}, 0, "nurture campaign export NAME"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		cmd.Env = append(os.Environ(), "NURTURE_DATA_DIR="+t.TempDir())
		out, _ := cmd.CombinedOutput()
		if got := cmd.ProcessState.ExitCode(); got != tt.wantCode {
			t.Errorf("nurture %v: exit code %d, want %d", tt.args, got,
				tt.wantCode)
		}
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("nurture %v: output lacks %q:\n%s", tt.args, tt.want,
				out)
		}
	}
}

// buildBinary builds nurture into the test's temporary folder. The
// Go build cache makes every build after the first a quick link.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "nurture")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(goTool, "build", "-o", bin,
		"github.com/nurturesms/nurture").CombinedOutput()
	if err != nil {
		t.Fatalf("build nurture: %v\n%s", err, out)
	}
	return bin
}

// distinctColours counts the colours in a PNG, up to a few hundred.
func distinctColours(t *testing.T, path string) int {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	return countColours(img, 500)
}

func countColours(img image.Image, limit int) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, _ := os.ReadFile(path)
	return string(b)
}
