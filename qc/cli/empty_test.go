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

// Waivers do not make a run that checked nothing a run that checked
// something: their notes (every waiver unused, W001) are no subtitle
// file. Streamed and collected runs agree: exit 2 and no report, or with
// --allow-empty the same report with the notes.
func TestOnlyWaiverNotesIsNothingToCheck(t *testing.T) {
	cfg := emptyConfig(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes")
	os.MkdirAll(notes, 0o755)
	os.WriteFile(filepath.Join(notes, "readme.txt"), []byte("no subtitles here\n"), 0o644)
	os.WriteFile(filepath.Join(notes, "list.xml"), []byte("<list/>\n"), 0o644)
	waivers := filepath.Join(dir, "waivers.yaml")
	os.WriteFile(waivers, []byte("waivers:\n  - rule: T001\n    file: a.srt\n    reason: agreed\n"), 0o644)
	defer func() { wholeRunOnly = false }()
	var allowed []string
	for _, whole := range []bool{false, true} {
		wholeRunOnly = whole
		code, stdout, stderr := run(t, "check", "--config", cfg, "--waivers", waivers, notes)
		if code != ExitUsage || !strings.Contains(stderr, "nothing to check in "+notes) || stdout != "" {
			t.Errorf("whole run %v: exit %d, stdout %q, stderr %q", whole, code, stdout, stderr)
		}
		code, stdout, stderr = run(t, "check", "--config", cfg, "--format", "json", "--allow-empty", "--waivers", waivers, notes)
		if code != ExitPass || !strings.Contains(stdout, `"W001"`) {
			t.Errorf("whole run %v with --allow-empty: exit %d, stdout %q, stderr %q", whole, code, stdout, stderr)
		}
		allowed = append(allowed, stdout)
	}
	if allowed[0] != allowed[1] {
		t.Errorf("streamed and collected reports differ:\n%s\n---\n%s", allowed[0], allowed[1])
	}
}
