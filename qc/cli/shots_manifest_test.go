package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// manifestVideoDelivery writes a native delivery whose episode 1 names a
// generated 25 fps video cutting at frames 50 and 100 (video:) and one
// subtitle file starting 3 frames after the first cut.
func manifestVideoDelivery(t *testing.T) string {
	t.Helper()
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not on PATH")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "E01"), 0o755)
	args := []string{"-hide_banner", "-nostdin", "-loglevel", "error",
		"-f", "lavfi", "-i", "testsrc=size=160x90:rate=25:duration=2",
		"-f", "lavfi", "-i", "color=c=red:size=160x90:rate=25:duration=2",
		"-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=2",
		"-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1:a=0[v]", "-map", "[v]", "-c:v", "ffv1",
		filepath.Join(dir, "E01", "picture.mkv")}
	if b, err := exec.Command(ffmpeg, args...).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	os.WriteFile(filepath.Join(dir, "E01", "show.E01.en.srt"), []byte("1\n00:00:02,120 --> 00:00:03,920\nThree frames late.\n\n"+
		"2\n00:00:04,000 --> 00:00:05,200\nOn the cut.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte("manifest_version: 1\ntitle: Cut\nepisodes:\n"+
		"  - number: 1\n    frame_rate: 25\n    video: E01/picture.mkv\n    files:\n"+
		"      - path: E01/show.E01.en.srt\n        kind: subtitles\n        language: en\n"), 0o644)
	return dir
}

// A video named by the manifest is scanned like --video: the cue 3 frames
// after the first cut is T010's, the cache is outside the delivery, and
// the delivery is left as it was.
func TestManifestVideo(t *testing.T) {
	dir := manifestVideoDelivery(t)
	before := snapshot(t, dir)
	cache := filepath.Join(t.TempDir(), "cache")
	code, out, stderr := run(t, "check", "--config", emptyConfig(t), "--format", "json", "-q", "--shot-cache", cache, dir)
	if got := strings.Join(shotFindingRules(t, out), " "); code != ExitPass || got != "T010" {
		t.Errorf("exit %d, findings %s %s", code, got, stderr)
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 1 {
		t.Errorf("cache holds %d entries, want 1", len(entries))
	}
	// A cache folder inside the delivery is not used for it.
	inside := filepath.Join(dir, "cache")
	code, out, _ = run(t, "check", "--config", emptyConfig(t), "--format", "json", "-q", "--shot-cache", inside, dir)
	if got := strings.Join(shotFindingRules(t, out), " "); code != ExitPass || got != "T010" {
		t.Errorf("cache inside: exit %d, findings %s", code, got)
	}
	if after := snapshot(t, dir); len(after) != len(before) {
		t.Errorf("the delivery changed: %d files before, %d after", len(before), len(after))
	}
	// fix moves the in-time onto the cut.
	code, out, stderr = run(t, "fix", "--config", emptyConfig(t), "--diff", "--only", "T010", "--shot-cache", cache, dir)
	if !strings.Contains(out, "+00:00:02,000 --> 00:00:03,920") {
		t.Errorf("fix: exit %d\n%s%s", code, out, stderr)
	}
}

// Without ffmpeg the rules do not run and the note says why, naming the
// video; that is not an error.
func TestManifestVideoWithoutFFmpeg(t *testing.T) {
	dir := manifestVideoDelivery(t)
	t.Setenv("PATH", t.TempDir())
	code, out, stderr := run(t, "check", "--config", emptyConfig(t), "--format", "json", "-q", "--shot-cache", "", dir)
	if got := strings.Join(shotFindingRules(t, out), " "); code != ExitPass || got != "T013" || !strings.Contains(out, "the videos named by the manifest were not scanned: ffmpeg is not on PATH") {
		t.Errorf("exit %d, findings %s\n%s%s", code, got, out, stderr)
	}
}

// The note is given once per cause: each episode whose named video is not
// in the delivery gets its own (the videos differ), and the files with
// neither a list nor a video share one.
func TestShotChangesNoteOncePerCause(t *testing.T) {
	dir := t.TempDir()
	srt := []byte("1\n00:00:02,120 --> 00:00:03,920\nHello.\n")
	var manifest strings.Builder
	manifest.WriteString("manifest_version: 1\ntitle: Cut\nepisodes:\n")
	for ep := 1; ep <= 4; ep++ {
		name := fmt.Sprintf("E%02d/show.E%02d.en.srt", ep, ep)
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), srt, 0o644)
		fmt.Fprintf(&manifest, "  - number: %d\n    frame_rate: 25\n", ep)
		if ep <= 2 { // episodes 1 and 2 name a video that was not delivered
			fmt.Fprintf(&manifest, "    video: E%02d/picture.mkv\n", ep)
		}
		fmt.Fprintf(&manifest, "    files:\n      - path: %s\n        kind: subtitles\n        language: en\n", name)
	}
	os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(manifest.String()), 0o644)
	code, out, stderr := run(t, "check", "--config", emptyConfig(t), "--format", "json", "-q", "--shot-cache", "", dir)
	var rep struct {
		Findings []struct{ Rule, File, Message string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("exit %d: %v\n%s", code, err, stderr)
	}
	var notes []string
	for _, f := range rep.Findings {
		if f.Rule == "T013" {
			notes = append(notes, filepath.Base(f.File)+": "+f.Message)
		}
	}
	if len(notes) != 3 || !strings.Contains(notes[0], "E01.en.srt: ") || !strings.Contains(notes[0], "E01/picture.mkv") ||
		!strings.Contains(notes[1], "E02.en.srt: ") || !strings.Contains(notes[1], "E02/picture.mkv") ||
		!strings.Contains(notes[2], "E03.en.srt: no shot-change list or video") {
		t.Errorf("T013 notes:\n%s", strings.Join(notes, "\n"))
	}
}

// A named video ffmpeg cannot read is a finding on the episode's files,
// naming the video, and the note says why the rules did not run; the run
// still completes.
func TestManifestVideoUnreadable(t *testing.T) {
	dir := manifestVideoDelivery(t)
	os.WriteFile(filepath.Join(dir, "E01", "picture.mkv"), []byte("not a video\n"), 0o644)
	code, out, stderr := run(t, "check", "--config", emptyConfig(t), "--format", "json", "-q", "--shot-cache", "", dir)
	got := strings.Join(shotFindingRules(t, out), " ")
	if code != ExitFail || got != "E000 T013" || !strings.Contains(out, "picture.mkv: ffmpeg failed") ||
		!strings.Contains(out, "video E01/picture.mkv could not be read (E000)") {
		t.Errorf("exit %d, findings %s\n%s%s", code, got, out, stderr)
	}
}
