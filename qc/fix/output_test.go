package fix

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A run's outputs appear together or not at all: when one cannot be
// staged, the ones staged before it are not put in place either.
func TestStagedAllOrNone(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "out", "a.srt")
	blocked := filepath.Join(dir, "folder")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	s := NewStaged(context.Background())
	if err := s.Add(first, []byte("fixed"), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(blocked, []byte("x"), ""); err == nil {
		t.Fatal("staging over a folder succeeded")
	}
	s.Discard()
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("%s exists after the run failed: %v", first, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("the folder staging made is left after the run failed: %v", err)
	}
	// Folders made for several files, one inside another's, all go; a
	// folder that was there before stays.
	s = NewStaged(context.Background())
	for _, p := range []string{"x/a.srt", "x/y/z/b.srt", "folder/new/c.srt"} {
		if err := s.Add(filepath.Join(dir, p), []byte("fixed"), ""); err != nil {
			t.Fatal(err)
		}
	}
	s.Discard()
	for _, gone := range []string{"x", "folder/new"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
			t.Errorf("%s left after Discard: %v", gone, err)
		}
	}
	if _, err := os.Stat(blocked); err != nil {
		t.Errorf("a folder that was there before was removed: %v", err)
	}

	s = NewStaged(context.Background())
	if err := s.Add(first, []byte("fixed"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("%s in place before Commit", first)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(first); err != nil || string(b) != "fixed" {
		t.Errorf("after Commit: %q, %v", b, err)
	}
	if err := s.Add(first, []byte("y"), first); err == nil {
		t.Error("staging over the source was allowed")
	}
}

// A cancelled run (an interrupt) puts nothing in place.
func TestStagedCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	path := filepath.Join(t.TempDir(), "a.srt")
	s := NewStaged(ctx)
	if err := s.Add(path, []byte("fixed"), ""); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := s.Commit(); err == nil {
		t.Error("Commit after an interrupt succeeded")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("%s written after an interrupt", path)
	}
}

// A device is written in place, never renamed over (the tests run as
// root: a rename would replace /dev/null with a regular file).
func TestStagedDevice(t *testing.T) {
	st, err := os.Stat(os.DevNull)
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Skip("no character device at " + os.DevNull)
	}
	s := NewStaged(context.Background())
	if err := s.Add(os.DevNull, []byte("log"), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device", os.DevNull)
	}
}
