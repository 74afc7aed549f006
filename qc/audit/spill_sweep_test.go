package audit

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// The spill file is out of its folder from the start where the system
// allows (so an audit killed with SIGKILL leaves nothing), still readable
// and writable; a spill left by a dead audit is removed by the next one,
// one of a running process is not.
func TestSpillLeavesNothingBehind(t *testing.T) {
	dir := t.TempDir()
	dead := filepath.Join(dir, spillPrefix+"999999999-1.findings") // over any pid_max
	alive := filepath.Join(dir, spillPrefix+"1-1.findings")        // init: always running
	other := filepath.Join(dir, "notes.txt")
	for _, p := range []string{dead, alive, other} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err := NewSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Error("the spill of a dead audit was not removed")
	}
	for _, p := range []string{alive, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
	if runtime.GOOS != "windows" {
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 {
			t.Errorf("the running spill is visible in its folder: %v", entries)
		}
	}
	sp, err := s.put([]Finding{{Rule: "T001", File: "a.srt", Message: "short"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := sp.get()
	if err != nil || len(got) != 1 || got[0].Message != "short" {
		t.Errorf("read back %+v, %v", got, err)
	}
}
