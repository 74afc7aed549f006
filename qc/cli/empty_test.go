package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder with nothing to check is a usage error (exit 2) naming it, not
// "0 files … PASS": a gate must not pass an empty or mistyped delivery.
// --allow-empty is for the rare job that wants an empty run to pass.
func TestNothingToCheckIsAUsageError(t *testing.T) {
	cfg := emptyConfig(t)
	empty := t.TempDir()
	notes := t.TempDir()
	os.WriteFile(filepath.Join(notes, "README.md"), []byte("no subtitles here\n"), 0o644)
	for _, dir := range []string{empty, notes} {
		code, stdout, stderr := run(t, "check", "--config", cfg, dir)
		if code != ExitUsage || !strings.Contains(stderr, "nothing to check in "+dir) || strings.Contains(stdout, "PASS") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", dir, code, stdout, stderr)
		}
		if code, _, stderr := run(t, "check", "--config", cfg, "--allow-empty", dir); code != ExitPass {
			t.Errorf("%s with --allow-empty: exit %d %q", dir, code, stderr)
		}
	}
	// A folder holding a subtitle file is not empty, even when it passes.
	if code, _, stderr := run(t, "check", "--config", cfg, fixture(t, "ok")); code != ExitPass {
		t.Errorf("clean fixtures: exit %d %q", code, stderr)
	}
}
