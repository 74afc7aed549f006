package output

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A staged file can be forced to disk before Commit and names the file it
// replaces; a device is written in place, so nothing is staged or synced.
func TestPendingSyncAndTarget(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "out", "copy.srt")
	p, err := Prepare(ctx, io.Discard, path, func(w io.Writer) error {
		_, err := io.WriteString(w, "1\n00:00:01,000 --> 00:00:02,000\nHi\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Target(); got != path {
		t.Errorf("target %q, want %q", got, path)
	}
	if err := p.Sync(); err != nil {
		t.Fatalf("sync: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the target exists before Commit: %v", err)
	}
	if err := p.Commit(); err != nil {
		t.Fatal(err)
	}
	SyncFolder(filepath.Dir(path))
	if b, err := os.ReadFile(path); err != nil || len(b) == 0 {
		t.Fatalf("after Commit: %q, %v", b, err)
	}

	dev, err := Prepare(ctx, io.Discard, os.DevNull, func(io.Writer) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if dev.Target() != "" || dev.Sync() != nil {
		t.Errorf("a device was staged: target %q", dev.Target())
	}
	dev.Discard()
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device: %v", os.DevNull, err)
	}
}

// A path ending in a separator names a folder: refused before anything is
// made, so an all-or-none run (the audit) fails before it records, and no
// empty folder is left behind.
func TestFolderNameIsRefusedBeforeAnythingIsMade(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports") + string(filepath.Separator)
	rendered := false
	_, err := Prepare(context.Background(), io.Discard, dir, func(io.Writer) error { rendered = true; return nil })
	if err == nil {
		t.Fatal("a folder name was accepted as a report file")
	}
	if rendered {
		t.Error("the report was rendered for a path that cannot take it")
	}
	if _, serr := os.Stat(dir); !os.IsNotExist(serr) {
		t.Errorf("%s was created: %v", dir, serr)
	}
}
