package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// jsonFinding is the part of a JSON report finding these tests read.
type jsonFinding struct {
	Rule    string
	Line    int
	Cue     int
	CueID   string `json:"cue_id"`
	Message string
}

// corpusFindings checks one shared-corpus file as a user would (default
// profile, JSON report) and returns its findings; skips without the corpus.
func corpusFindings(t *testing.T, rel string, args ...string) []jsonFinding {
	t.Helper()
	path := filepath.Join(testcorpus.Dir(t), filepath.FromSlash(rel))
	_, out, errs := run(t, append(append([]string{"check", "--format", "json"}, args...), path)...)
	var rep struct{ Findings []jsonFinding }
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%s: %v\n%s", rel, err, errs)
	}
	return rep.Findings
}

func countRule(fs []jsonFinding, code string) (n int, first *jsonFinding) {
	for i := range fs {
		if fs[i].Rule == code {
			if n == 0 {
				first = &fs[i]
			}
			n++
		}
	}
	return n, first
}

// Netflix's own tick-timed DFXP has gaps of 830,830–840,840 ticks: 2 frames
// at 23.976 fps once each time is snapped to its frame. Before the frame
// grid, 373 T004 and 152 T006 findings said otherwise.
func TestTickTimedTwoFrameGapsAreTwoFrames(t *testing.T) {
	fs := corpusFindings(t, "ttml/subtitlesparser/Orange.is.the.new.black.s01e01.ttml")
	for _, code := range []string{"T004", "T006", "T001"} {
		if n, f := countRule(fs, code); n != 0 {
			t.Errorf("%d %s findings, want 0; first: %s", n, code, f.Message)
		}
	}
}

// A gap that really is under 2 frames stays a finding, and its message
// agrees with itself: frames are the unit, with a decimal.
func TestShortGapMessageIsInFrames(t *testing.T) {
	fs := corpusFindings(t, "srt/subtitlesparser/Annie_Hall_-_Eng_25fps.srt")
	n, f := countRule(fs, "T004")
	if n == 0 || n > 400 {
		t.Fatalf("%d T004, want the real short gaps only (382 at the default 23.976 fps; 1,241 before the frame grid)", n)
	}
	if !strings.Contains(f.Message, "1.6 frames (0.066 s), less than the minimum 2 frames (0.083 s at 23.976 fps, the default rate: the file declares none; its name says 25 fps: set --fps 25)") {
		t.Errorf("message: %s", f.Message)
	}
	if n25, _ := countRule(corpusFindings(t, "srt/subtitlesparser/Annie_Hall_-_Eng_25fps.srt", "--fps", "25"), "T004"); n25 >= n {
		t.Errorf("at 25 fps %d T004, at 23.976 %d: a 2-frame gap is shorter at 25 fps", n25, n)
	}
}

// With the rate declared, tick times within a millisecond of a frame
// boundary are on it (1,241 T008 before on this file).
func TestTickJitterIsOnFrame(t *testing.T) {
	fs := corpusFindings(t, "ttml/subtitlesparser/Orange.is.the.new.black.s01e01.ttml", "--fps", "23.976")
	if n, f := countRule(fs, "T008"); n != 0 {
		t.Errorf("%d T008, want 0; first: %s", n, f.Message)
	}
}

// Layers, positions and roll-up are how ASS and CEA-608 lay captions out
// together: 5,723 T003 on railgun_op.ass and 593 on rollup.scc before.
func TestOverlapsByDesignAreNotCollisions(t *testing.T) {
	for _, rel := range []string{"ass/javascriptsubtitlesoctopus/railgun_op.ass", "scc/node-captions/rollup.scc"} {
		if n, f := countRule(corpusFindings(t, rel), "T003"); n != 0 {
			t.Errorf("%s: %d T003, want 0; first: cue %d %s", rel, n, f.Cue, f.Message)
		}
	}
	// androidx-media: all three events with non-integer layers are kept.
	fs := corpusFindings(t, "ass/androidx-media/invalid_layer.ass")
	if n, _ := countRule(fs, "A004"); n != 3 {
		t.Errorf("%d A004 on invalid_layer.ass, want 3", n)
	}
	if n, f := countRule(fs, "E000"); n != 0 {
		t.Errorf("%d E000 on invalid_layer.ass, want 0; first: %s", n, f.Message)
	}
}

// Two default-placed events of one layer still collide.
func TestSameLayerOverlapIsStillReported(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "two.en.ass")
	script := "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, Alignment, MarginL, MarginR, MarginV\n" +
		"Style: Default,Arial,50,2,10,10,10\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" +
		"Dialogue: 0,0:00:01.00,0:00:04.00,Default,,0,0,0,,First line.\n" +
		"Dialogue: 1,0:00:02.00,0:00:03.00,Default,,0,0,0,,Other layer.\n" +
		"Dialogue: 0,0:00:03.00,0:00:05.00,Default,,0,0,0,,Same layer, too early.\n"
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := run(t, "check", path)
	if !strings.Contains(out, "cue 3 [00:00:03.000] T003") || strings.Count(out, "] T003 ") != 1 {
		t.Errorf("want one T003, at cue 3 (layer 0 over layer 0):\n%s", out)
	}
}

// A person fixes a file in an editor by its own cue numbers: findings keep
// the position (cue) and add the file's number or id (cue_id), and the
// text line shows both where they differ.
func TestFindingsCarryTheFilesOwnCueNumber(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "renumbered.en.srt")
	srt := "1\n00:00:01,000 --> 00:00:03,000\nFirst.\n\n" +
		"3\n00:00:02,000 --> 00:00:04,000\nSecond, numbered 3 and overlapping, with a line far too long to fit.\n"
	if err := os.WriteFile(path, []byte(srt), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := run(t, "check", path)
	if !strings.Contains(out, "cue 2 (#3) [00:00:02.000] T003") {
		t.Errorf("want the overlap at cue 2 (#3):\n%s", out)
	}
	_, js, _ := run(t, "check", "--format", "json", path)
	var rep struct{ Findings []jsonFinding }
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	if n, f := countRule(rep.Findings, "T003"); n != 1 || f.Cue != 2 || f.CueID != "3" {
		t.Errorf("T003 findings %d, first %+v; want cue 2, cue_id 3", n, f)
	}
	// Every finding about a cue carries it, whichever rule made it (timing,
	// layout, text).
	for _, f := range rep.Findings {
		if f.Cue == 2 && f.CueID != "3" {
			t.Errorf("%s at cue 2 has cue_id %q, want 3", f.Rule, f.CueID)
		}
	}
	if n, _ := countRule(rep.Findings, "L001"); n != 1 {
		t.Errorf("%d L001, want 1", n)
	}
	// TTML: the xml:id.
	fs := corpusFindings(t, "ttml/subtitlesparser/Orange.is.the.new.black.s01e01.ttml")
	if n, f := countRule(fs, "T005"); n == 0 || f.CueID != "subtitle"+strconv.Itoa(f.Cue-1) {
		t.Errorf("T005 %d, first %+v; want the cue's xml:id", n, f)
	}
}

// SCC files are captions: the CEA-608 grid rules apply, not the 2-line
// subtitle limit (247 L002 on Plan9fromOuterSpace.scc before; its 8 cues
// over 4 rows are C002, once).
func TestSCCFilesAreCheckedAsCaptions(t *testing.T) {
	fs := corpusFindings(t, "scc/caption-inspector/Plan9fromOuterSpace.scc")
	l002, _ := countRule(fs, "L002")
	c002, _ := countRule(fs, "C002")
	if l002 != 0 || c002 != 8 {
		t.Errorf("%d L002 and %d C002: want 0 and 8", l002, c002)
	}
}

// --variant captions applies the same layer to a caption file in another
// format: three lines pass, five do not.
func TestVariantCaptionsOnSRT(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "captions.en.srt")
	srt := "1\n00:00:01,000 --> 00:00:04,000\nONE\nTWO\nTHREE\n\n" +
		"2\n00:00:05,000 --> 00:00:08,000\nONE\nTWO\nTHREE\nFOUR\nFIVE\n"
	if err := os.WriteFile(path, []byte(srt), 0o644); err != nil {
		t.Fatal(err)
	}
	_, sub, _ := run(t, "check", path)
	_, capt, _ := run(t, "check", "--variant", "captions", path)
	if strings.Count(sub, "] L002 ") != 2 || strings.Count(capt, "] L002 ") != 1 || !strings.Contains(capt, "cue 2 [00:00:05.000] L002") {
		t.Errorf("subtitles:\n%s\ncaptions:\n%s", sub, capt)
	}
}

// In a frame-timed file a 1-frame gap is under a 2-frame minimum. The old
// tolerance (the file's resolution, a whole frame here) let every one pass.
func TestOneFrameGapsInFrameTimedFilesAreFound(t *testing.T) {
	fs := corpusFindings(t, "stl/hurdlea-stl2ttml/MD111047_TX129542-CurbYour_S01E01_v01.stl")
	n, f := countRule(fs, "T004")
	if n != 679 || !strings.Contains(f.Message, "is 1 frame (0.040 s), less than the minimum 2 frames (0.080 s at 25 fps)") {
		t.Errorf("%d T004 (want 679), first: %v", n, f)
	}
}
