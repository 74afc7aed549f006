package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A panic outside the rules (here in reading) costs the file its check,
// not the run: the file gets an E000 naming the internal error, and the
// next file, checked in the same workspace, is checked as usual.
func TestPanicWhileCheckingIsAFinding(t *testing.T) {
	dir := t.TempDir()
	good := "1\n00:00:01,000 --> 00:00:03,000\nHello there.\n"
	for _, name := range []string{"a.en.srt", "b.en.srt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(good), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := testOptions(t, dir)
	opts.Jobs = 1
	opts.ReadFile = func(p string) ([]byte, error) {
		if strings.HasSuffix(p, "a.en.srt") {
			panic("reader broke")
		}
		return os.ReadFile(p)
	}
	rep, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]string{}
	for _, f := range rep.Findings {
		byFile[filepath.Base(f.File)] = append(byFile[filepath.Base(f.File)], f.Rule+" "+f.Message)
	}
	if got := strings.Join(byFile["a.en.srt"], "\n"); !strings.Contains(got, "E000 internal error while checking this file (please report it): reader broke") {
		t.Errorf("a.en.srt: %q, want the internal error", got)
	}
	if got := byFile["b.en.srt"]; len(got) != 0 {
		t.Errorf("b.en.srt after the panic: %q, want no findings", got)
	}
	for _, f := range rep.Files {
		if filepath.Base(f.Path) == "b.en.srt" && (f.Cues != 1 || f.Format != "srt") {
			t.Errorf("b.en.srt: %+v, want one SRT cue", f)
		}
	}
}
