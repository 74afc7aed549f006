package report

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileCreatesDirsAndWritesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out", "nested", "qc.json")
	r := loadFixture(t)
	if err := WriteFile(path, JSON, r); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(render(t, "json", r)) {
		t.Error("file content differs from the writer's output")
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644 so the report can be shared", st.Mode().Perm())
	}
	assertOnly(t, filepath.Dir(path), "qc.json")
}

var errBoom = errors.New("boom")

// A writer failing half-way must leave the previous report untouched and no
// temporary file behind.
func TestWriteFileKeepsOldFileOnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "qc.txt")
	if err := os.WriteFile(path, []byte("previous report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	failing := func(w io.Writer, r *Report) error {
		io.WriteString(w, strings.Repeat("partial ", 100_000)) // past any buffer
		return errBoom
	}
	err := WriteFile(path, failing, loadFixture(t))
	if !errors.Is(err, errBoom) {
		t.Fatalf("error %v, want the writer's error", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "previous report\n" {
		t.Errorf("previous report was overwritten: %.40q", got)
	}
	assertOnly(t, dir, "qc.txt")
}

func TestWriteFileOntoADirectoryFails(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "qc.json")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, JSON, loadFixture(t)); err == nil {
		t.Fatal("writing over a directory succeeded")
	}
	assertOnly(t, dir, "qc.json")
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("directory holds %v, want only %v (temporary file left behind?)", got, names)
	}
}
