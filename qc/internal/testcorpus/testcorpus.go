// Package testcorpus locates the shared real-world corpus (../shared/corpus
// from the repository root) for tests, and skips cleanly when it is absent.
package testcorpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// RepoRoot returns the directory holding go.mod, walking up from the test's
// working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// Dir returns the corpus directory, or skips the test when it is not there.
func Dir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), "..", "shared", "corpus")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Skip("shared corpus not present at " + dir)
	}
	return dir
}

// Path joins rel onto the corpus directory (skipping when absent).
func Path(t testing.TB, rel ...string) string {
	t.Helper()
	return filepath.Join(append([]string{Dir(t)}, rel...)...)
}

// Input is one subtitle input of the corpus, from its MANIFEST.tsv.
type Input struct {
	Rel    string // path inside the corpus, slash-separated
	Path   string // absolute path on disk
	Format string // srt, vtt, ttml, stl, ass, scc
}

// Inputs lists the corpus's subtitle inputs (role "data") of the given
// formats, or of every format when none is given, in manifest order. It
// skips the test when the corpus is absent.
func Inputs(t testing.TB, formats ...string) []Input {
	t.Helper()
	dir := Dir(t)
	data, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []Input
	for i, line := range strings.Split(string(data), "\n") {
		cols := strings.Split(line, "\t")
		if i == 0 || len(cols) < 3 || cols[2] != "data" {
			continue
		}
		if len(formats) > 0 && !slices.Contains(formats, cols[1]) {
			continue
		}
		out = append(out, Input{Rel: cols[0], Path: filepath.Join(dir, filepath.FromSlash(cols[0])), Format: cols[1]})
	}
	if len(out) == 0 {
		t.Fatalf("no %v inputs in %s", formats, filepath.Join(dir, "MANIFEST.tsv"))
	}
	return out
}
