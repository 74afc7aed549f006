package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func shotFindingRules(t *testing.T, out string) []string {
	t.Helper()
	var rep struct {
		Findings []struct{ Rule, Message string } `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var rules []string
	for _, f := range rep.Findings {
		rules = append(rules, f.Rule)
	}
	return rules
}

// --shot-changes feeds T010–T012; without it the report notes once that
// they did not run; a list with a bad line is a usage error naming it.
func TestShotChangesFlag(t *testing.T) {
	cfg := emptyConfig(t)
	srt, list := fixture(t, "T010/in-times.srt"), fixture(t, "T010/in-times.shotchanges")
	code, out, stderr := run(t, "check", "--config", cfg, "--format", "json", "-q", "--shot-changes", list, srt)
	if got := strings.Join(shotFindingRules(t, out), " "); code != ExitPass || got != "T010 T010 T010" {
		t.Errorf("with a list: exit %d, findings %s %s", code, got, stderr)
	}
	code, out, _ = run(t, "check", "--config", cfg, "--format", "json", "-q", srt, fixture(t, "T011/out-times.srt"))
	if got := strings.Join(shotFindingRules(t, out), " "); code != ExitPass || got != "T013" {
		t.Errorf("without a list: exit %d, findings %s", code, got)
	}
	bad := filepath.Join(t.TempDir(), "cuts.shotchanges")
	os.WriteFile(bad, []byte("1.5\n2,5 seconds\n"), 0o644)
	if code, _, stderr := run(t, "check", "--config", cfg, "--shot-changes", bad, srt); code != ExitUsage || !strings.Contains(stderr, "cuts.shotchanges:2") {
		t.Errorf("bad list: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "check", "--config", cfg, "--shot-changes", list, "--video", bad, srt); code != ExitUsage || !strings.Contains(stderr, "use one") {
		t.Errorf("list and video: exit %d, %s", code, stderr)
	}
}

// --video detects the cuts with ffmpeg: a generated 25 fps video cutting
// at frames 50 and 100, and a subtitle starting 3 frames after the first
// cut, give one T010 and nothing else.
func TestVideoFlag(t *testing.T) {
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not on PATH")
	}
	dir := t.TempDir()
	video := filepath.Join(dir, "ep.mkv")
	args := []string{"-hide_banner", "-nostdin", "-loglevel", "error",
		"-f", "lavfi", "-i", "testsrc=size=160x90:rate=25:duration=2",
		"-f", "lavfi", "-i", "color=c=red:size=160x90:rate=25:duration=2",
		"-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=2",
		"-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1:a=0[v]", "-map", "[v]", "-c:v", "ffv1", video}
	if b, err := exec.Command(ffmpeg, args...).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	srt := filepath.Join(dir, "ep.en.srt")
	os.WriteFile(srt, []byte("1\n00:00:02,120 --> 00:00:03,920\nThree frames late.\n\n"+
		"2\n00:00:04,000 --> 00:00:05,200\nOn the cut.\n"), 0o644)
	cache := filepath.Join(dir, "cache")
	for i := range 2 { // the second run reads the cache
		code, out, stderr := run(t, "check", "--config", emptyConfig(t), "--format", "json", "-q", "--fps", "25",
			"--video", video, "--shot-cache", cache, srt)
		if got := strings.Join(shotFindingRules(t, out), " "); code != ExitPass || got != "T010" {
			t.Errorf("run %d: exit %d, findings %s %s", i+1, code, got, stderr)
		}
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 1 {
		t.Errorf("cache holds %d entries, want 1", len(entries))
	}
	// The cache never goes into what is checked.
	code, _, stderr := run(t, "check", "--config", emptyConfig(t), "-q", "--video", video, "--shot-cache", filepath.Join(dir, "c2"), dir)
	if _, err := os.Stat(filepath.Join(dir, "c2")); code != ExitUsage || err == nil || !strings.Contains(stderr, "never goes into") {
		t.Errorf("cache inside the checked folder: exit %d, %s", code, stderr)
	}
}
