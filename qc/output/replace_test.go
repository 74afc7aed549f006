package output

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Replacing a report that exists puts the new one in place under the same
// name, as a new file: a reader that opened the old report before keeps
// reading the old report whole, and nothing else is left in the folder
// (the old report, which the exchange moves to the temporary name, is
// removed).
func TestReplaceKeepsOldReportWholeForItsReaders(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "qc.json")
	os.WriteFile(path, []byte("old report\n"), 0o644)
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if err := WriteFile(context.Background(), path, text("new report\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new report\n" {
		t.Errorf("path holds %q", b)
	}
	if b, _ := io.ReadAll(reader); string(b) != "old report\n" {
		t.Errorf("a reader of the old report read %q: the old file was written over", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	assertOnly(t, dir, "qc.json")
}

// Another hard link to the old report keeps the old report: replacing
// changes which file the name points to, never the file.
func TestReplaceLeavesOtherLinksToOldReport(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "qc.json")
	keep := filepath.Join(dir, "kept.json")
	os.WriteFile(path, []byte("old"), 0o644)
	if err := os.Link(path, keep); err != nil {
		t.Skip("no hard links here:", err)
	}
	if err := WriteFile(context.Background(), path, text("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(keep); string(b) != "old" {
		t.Errorf("the other link holds %q", b)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("path holds %q", b)
	}
	assertOnly(t, dir, "kept.json", "qc.json")
}

// replaceFile onto something that is not a regular file by the time it
// runs takes the plain rename: onto a missing name it creates it, onto a
// folder it fails and leaves both as they were.
func TestReplaceFileNotOntoARegularFile(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, ".tmp")
	os.WriteFile(tmp, []byte("new"), 0o644)
	fresh := filepath.Join(dir, "fresh.json")
	if err := replaceFile(tmp, fresh); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(fresh); string(b) != "new" {
		t.Errorf("new path holds %q", b)
	}

	os.WriteFile(tmp, []byte("new"), 0o644)
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	os.WriteFile(filepath.Join(folder, "inside"), nil, 0o644)
	if err := replaceFile(tmp, folder); err == nil {
		t.Error("a file replaced a folder")
	}
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		t.Errorf("folder is gone or changed: %v", err)
	}
	if b, _ := os.ReadFile(tmp); string(b) != "new" {
		t.Errorf("temporary file holds %q after the failed replace", b)
	}
}
