package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A path that disappears before RunEach reaches it (a delivery folder
// removed during an audit) is a failing part with an E000 at the path; the
// run and the other paths go on.
func TestRunEachVanishedPathIsAFinding(t *testing.T) {
	dir := t.TempDir()
	here, gone := filepath.Join(dir, "here"), filepath.Join(dir, "gone")
	if err := os.MkdirAll(here, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(here, "a.en.srt"), []byte(okSRT), 0o644); err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	_, err := RunEach(context.Background(), testOptions(t, here, gone), func(p Part) error {
		var codes []string
		for _, f := range p.Report.Findings {
			codes = append(codes, f.Rule+" "+f.File+": "+f.Message)
		}
		got[p.Index] = strings.Join(codes, "; ")
		return nil
	})
	if err != nil {
		t.Fatalf("the run failed on a vanished path: %v", err)
	}
	want := "E000 " + filepath.ToSlash(gone) + ": folder disappeared during the run"
	if !strings.HasPrefix(got[1], want) {
		t.Errorf("vanished path: %q, want %q", got[1], want)
	}
	if _, ok := got[0]; !ok {
		t.Error("the path that is still there got no part")
	}
}
