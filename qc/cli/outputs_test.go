package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o /dev/null and --report F=/dev/null write into the device; the device
// stays a character device (as root a rename over it would have replaced
// it for the whole machine).
func TestReportToDevNull(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	code, stdout, stderr := run(t, "check", "--config", emptyConfig(t), "--format", "json", "-o", "/dev/null",
		"--report", "sarif=/dev/null", fixture(t, "T003"))
	if code != ExitFail || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	if st, err := os.Lstat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a character device: %v %v", st.Mode(), err)
	}
}

func TestReportFlagConventions(t *testing.T) {
	cfg := emptyConfig(t)
	dir := t.TempDir()
	same := filepath.Join(dir, "qc.out")
	cases := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"bare --report", []string{"check", "--report", "json", fixture(t, "ok")}, "json=PATH"},
		{"two reports, one file", []string{"check", "--report", "json=" + same, "--report", "csv=" + same, fixture(t, "ok")}, "both write to"},
		{"main report and --report, one file", []string{"check", "-o", same, "--report", "csv=" + same, fixture(t, "ok")}, "both write to"},
		{"two on stdout", []string{"check", "--report", "json=-", "--report", "csv=-", fixture(t, "ok")}, "standard output"},
		{"bad colour", []string{"check", "--color", "sometimes", fixture(t, "ok")}, "--color"},
		{"audit bare --report", []string{"audit", dir, "--no-db", "--report", "html"}, "html=PATH"},
		{"merge bare --report", []string{"merge", "--report", "json", "x.json"}, "json=PATH"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{c.args[0], "--config", cfg}, c.args[1:]...)
			code, _, stderr := run(t, args...)
			if code != ExitUsage || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 mentioning %q", code, stderr, c.want)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused run wrote %v", entries)
	}
}

// A report written into the folder being checked is allowed, with a note.
func TestReportInsideCheckedFolderIsNoted(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(fixture(t, "ok/clean.en.srt"))
	os.WriteFile(filepath.Join(dir, "clean.en.srt"), src, 0o644)
	code, _, stderr := run(t, "check", "--config", emptyConfig(t), "--report", "json="+filepath.Join(dir, "qc.json"), dir)
	if code != ExitPass || !strings.Contains(stderr, "note: the json report") || !strings.Contains(stderr, "is being checked") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// An interrupted check exits 2 and leaves no report and no temporary file.
func TestCheckInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	checkContext = func() (context.Context, context.CancelFunc) { return ctx, func() {} }
	defer func() { checkContext = signalContext }()
	dir := t.TempDir()
	code, stdout, stderr := run(t, "check", "--config", emptyConfig(t), "-o", filepath.Join(dir, "qc.txt"), fixture(t, "T003"))
	if code != ExitUsage || !strings.Contains(stderr, "interrupted") || stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("an interrupted check left %v", entries)
	}
}

func TestColorFlag(t *testing.T) {
	cfg := emptyConfig(t)
	overlap := fixture(t, "T003/overlap.srt")
	if _, out, _ := run(t, "check", "--config", cfg, "--color", "always", overlap); !strings.Contains(out, "\x1b[") {
		t.Error("--color always: no colour")
	}
	t.Setenv("NO_COLOR", "1")
	if _, out, _ := run(t, "check", "--config", cfg, overlap); strings.Contains(out, "\x1b[") {
		t.Error("colour off a terminal with NO_COLOR")
	}
	if _, out, _ := run(t, "check", "--config", cfg, "--color", "never", overlap); strings.Contains(out, "\x1b[") {
		t.Error("--color never: colour")
	}
}

// Reports are written all or none: when one cannot be written, the others
// are not put in place either (a CI step never uploads half a result).
func TestReportsAllOrNone(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	good := filepath.Join(dir, "qc.json")
	code, _, stderr := run(t, "check", "--config", emptyConfig(t), "--report", "json="+good,
		"--report", "sarif="+filepath.Join(blocker, "qc.sarif"), fixture(t, "T003"))
	if code != ExitUsage || !strings.Contains(stderr, "sarif") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %v, want only the blocking file", entries)
	}
}
