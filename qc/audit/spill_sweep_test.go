package audit

import (
	"os"
	"runtime"
	"testing"
)

// The spill file is out of its folder from the start where the system
// allows (so an audit killed with SIGKILL leaves nothing), and still
// readable and writable.
func TestSpillLeavesNothingBehind(t *testing.T) {
	dir := t.TempDir()
	s, err := NewSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if runtime.GOOS != "windows" {
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
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
