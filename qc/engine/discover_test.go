package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/nonroot"
	"github.com/exportqc/exportqc/qc/report"
)

const okSRT = "1\n00:00:01,000 --> 00:00:03,000\nHello there.\n"

// walkFindings runs the engine on paths and returns its E000 findings that
// say a folder could not be read, by path.
func walkFindings(t *testing.T, paths ...string) (*report.Report, map[string]string) {
	t.Helper()
	rep, err := Run(context.Background(), testOptions(t, paths...))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range rep.Findings {
		if f.Rule == "E000" && strings.Contains(f.Message, "folder could not be read") {
			got[f.File] = f.Message
		}
	}
	return rep, got
}

// A folder that cannot be read, the one given included, fails the run with
// an E000 at that folder; the readable files beside it are still checked.
// Run as an unprivileged user: root reads every folder.
func TestUnreadableFolderIsAFinding(t *testing.T) {
	if nonroot.Reexec(t) {
		return
	}
	dir := t.TempDir()
	top := filepath.Join(dir, "delivery")
	sub := filepath.Join(top, "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(top, "ok.en.srt"), filepath.Join(sub, "hidden.en.srt")} {
		if err := os.WriteFile(p, []byte(okSRT), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(sub, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(sub, 0o755)

	rep, got := walkFindings(t, top)
	want := filepath.ToSlash(sub)
	if !strings.Contains(got[want], "permission denied") {
		t.Fatalf("no E000 naming permission denied at %s; got %v", want, got)
	}
	if rep.Summary.Passed {
		t.Error("a run with an unreadable folder passed")
	}
	checked := false
	for _, f := range rep.Files {
		checked = checked || strings.HasSuffix(f.Path, "ok.en.srt")
	}
	if !checked {
		t.Error("the readable file beside the unreadable folder was not checked")
	}
	if len(rep.Files) != 1 || rep.Summary.Files != 1 || rep.Summary.Errors != 1 {
		t.Errorf("the folder is counted as a file or its error is not counted: %d files, summary %+v", len(rep.Files), rep.Summary)
	}

	// The folder given on the command line itself.
	if err := os.Chmod(top, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(top, 0o755)
	rep, got = walkFindings(t, top)
	if _, ok := got[filepath.ToSlash(top)]; !ok || rep.Summary.Passed {
		t.Fatalf("the unreadable folder given did not fail the run with a finding at it: %v", got)
	}
}

// A folder whose path is over the system's length limit cannot be read by
// its path: a finding at it, not a silent skip.
func TestFolderPathTooLongIsAFinding(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	name := strings.Repeat("n", 200)
	// Built one level at a time by relative paths, as no single path to
	// the deepest folder can be used.
	for range 25 {
		if err := os.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chdir(name); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile("deep.en.srt", []byte(okSRT), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, got := walkFindings(t, dir)
	if len(got) == 0 {
		t.Fatalf("a folder beyond the path length limit was skipped silently (%d files, %d findings)", len(rep.Files), len(rep.Findings))
	}
	for p, msg := range got {
		if !strings.Contains(msg, "file name too long") {
			t.Errorf("%s...: %s", p[:40], msg)
		}
	}
	if rep.Summary.Passed {
		t.Error("the run passed")
	}
}
