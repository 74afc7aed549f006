package checks_test

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/shots"
)

// shotFindings runs one shot-change rule, with the shipped Netflix values,
// on cues given as [start, end] frame pairs at rate fr against cuts given
// as frames; jitter is added to every time (a tick- or ms-timed file).
func shotFindings(t *testing.T, r *rule.Rule, fr cue.FrameRate, declared bool, cuts []int64, cues [][2]int64, jitter cue.Time) []rule.Finding {
	t.Helper()
	e, err := shipped(t).Resolve(pack.Request{})
	if err != nil {
		t.Fatal(err)
	}
	doc := &cue.Document{Format: "srt"}
	for i, c := range cues {
		doc.Cues = append(doc.Cues, cue.Cue{Index: i + 1, Line: 4*i + 1,
			Start: fr.Frames(c[0]) + jitter, End: fr.Frames(c[1]) + jitter})
	}
	file := &rule.File{Path: "x.srt", FrameRate: fr, FrameRateDeclared: declared}
	for _, n := range cuts {
		file.ShotChanges = append(file.ShotChanges, fr.Frames(n))
	}
	var got []rule.Finding
	rule.NewPass(r, file, doc, e.Rules[r.Code], func(f rule.Finding) { got = append(got, f) }).Run()
	return got
}

func cuesOf(fs []rule.Finding) []int {
	var out []int
	for _, f := range fs {
		out = append(out, f.Cue)
	}
	return out
}

func sameInts(a, b []int) bool { return slices.Equal(a, b) }

var (
	fps24 = cue.FrameRate{Num: 24000, Den: 1001}
	fps25 = cue.FrameRate{Num: 25, Den: 1}
)

// The guide's own examples (Netflix, older General Requirements): an
// in-time 7 frames or fewer before a cut moves onto it, 8–11 frames before
// moves to 12 before, one on the cut or 12 frames away is fine; after the
// cut, anything under 12 frames snaps back.
func TestShotChangeInTimeGuideExamples(t *testing.T) {
	cuts := []int64{240, 480, 720, 960, 1200, 1440, 1680}
	cues := [][2]int64{
		{240, 280},   // 1: on the cut
		{473, 520},   // 2: 7 before: snap to the cut
		{712, 760},   // 3: 8 before: 12 before
		{948, 1000},  // 4: 12 before: fine
		{1211, 1260}, // 5: 11 after: back to the cut
		{1452, 1500}, // 6: 12 after: fine
	}
	got := shotFindings(t, checks.ShotChangeInTime, fps24, true, cuts, cues, 0)
	if c := cuesOf(got); !sameInts(c, []int{2, 3, 5}) {
		t.Fatalf("T010 on cues %v, want 2 3 5", c)
	}
	for i, want := range []string{"move it to the shot change", "move it to 12 frames before the shot change (00:00:29.530)", "move it back to the shot change"} {
		if !strings.Contains(got[i].Message, want) {
			t.Errorf("cue %d: %q lacks %q", got[i].Cue, got[i].Message, want)
		}
	}
}

// Compared on whole frames: a millisecond-timed file's times, up to half a
// frame off, count as the frames they round to.
func TestShotChangeRulesSnapTimes(t *testing.T) {
	cuts := []int64{240}
	// Out-time exactly 2 frames before the cut, 0.4 frame late: still 2.
	jitter := fps24.Frames(1) * 4 / 10
	if got := shotFindings(t, checks.ShotChangeOutTime, fps24, true, cuts, [][2]int64{{100, 238}}, jitter); len(got) != 0 {
		t.Errorf("T011 on a jittered 2-frame gap: %+v", got)
	}
	if got := shotFindings(t, checks.ShotChangeInTime, fps24, true, cuts, [][2]int64{{240, 300}}, -jitter); len(got) != 0 {
		t.Errorf("T010 on a jittered on-cut in-time: %+v", got)
	}
}

// Half a second is 12 frames at 25 fps (12.5 rounds down: 13 frames is
// 0.52 s), 12 at 23.976 and 15 at 29.97.
func TestShotChangeOutTimeWindow(t *testing.T) {
	for _, c := range []struct {
		fr      cue.FrameRate
		in, out int64 // frames before the cut: in the window, just outside
	}{
		{fps25, 12, 13}, {fps24, 12, 13}, {cue.FrameRate{Num: 30000, Den: 1001}, 15, 16},
	} {
		cut := int64(1000)
		got := shotFindings(t, checks.ShotChangeOutTime, c.fr, true, []int64{cut, 2 * cut},
			[][2]int64{{800, cut - c.in}, {cut + 300, 2*cut - c.out}}, 0)
		if cs := cuesOf(got); !sameInts(cs, []int{1}) {
			t.Errorf("%s fps: T011 on cues %v, want only the cue %d frames before", c.fr, cs, c.in)
		}
	}
}

// An out-time held before the cut by the next cue (which starts between it
// and the cut, or right at it: chained with no gap) is the gap rules'
// business, not T011's; one on the cut or a frame before it must move to
// 2 frames before.
func TestShotChangeOutTimeNextCue(t *testing.T) {
	got := shotFindings(t, checks.ShotChangeOutTime, fps24, true, []int64{240, 480, 720, 960},
		[][2]int64{{100, 230}, {232, 300}, {400, 480}, {600, 719}, {800, 950}, {950, 1000}}, 0)
	if cs := cuesOf(got); !sameInts(cs, []int{3, 4}) {
		t.Errorf("T011 on cues %v, want 3 (on the cut) and 4 (1 frame before)", cs)
	}
}

// A cue that runs fewer than 12 frames past a cut (½ s at 23.976) is
// reported, once, for the last cut it crosses; 12 frames or more is fine.
func TestShotChangeOverhang(t *testing.T) {
	got := shotFindings(t, checks.ShotChangeCrossed, fps24, true, []int64{240, 480, 500},
		[][2]int64{{100, 243}, {300, 412}, {400, 492}, {600, 700}}, 0)
	if cs := cuesOf(got); !sameInts(cs, []int{1}) || len(got) != 1 {
		t.Fatalf("T012 on cues %v, want 1", cs)
	}
	got = shotFindings(t, checks.ShotChangeCrossed, fps24, true, []int64{240, 480, 500},
		[][2]int64{{400, 505}}, 0)
	if len(got) != 1 || !strings.Contains(got[0].Message, "5 frames past the shot change at 00:00:20.854") {
		t.Errorf("T012 across two cuts: %+v", got)
	}
}

// At the fallback rate, the message says frames were counted at it.
func TestShotChangeUndeclaredRate(t *testing.T) {
	got := shotFindings(t, checks.ShotChangeInTime, fps24, false, []int64{240}, [][2]int64{{243, 300}}, 0)
	if len(got) != 1 || !strings.Contains(got[0].Message, "the default rate") {
		t.Errorf("%+v", got)
	}
}

// The clean English fixture, timed to its cuts (on them, 2 frames before
// them, well past them), gives no finding against its shot-change list;
// the same list 3 frames later makes every edge near a cut wrong.
func TestCleanFileAgainstItsCuts(t *testing.T) {
	root := testcorpus.RepoRoot(t)
	srt := filepath.Join(root, "fixtures", "rules", "ok", "clean.en.srt")
	list := filepath.Join(root, "qc", "checks", "testdata", "clean.en.shotchanges")
	if rep := check(t, run{shotChanges: list, noteShots: true}, checks.All(), srt); len(rep.Findings) != 0 {
		t.Errorf("clean file: %+v", rep.Findings)
	}
	l, err := shots.Load(list)
	if err != nil {
		t.Fatal(err)
	}
	var shifted strings.Builder
	times, _ := l.Times(fps24)
	for _, tm := range times {
		shifted.WriteString(strconv.FormatFloat((tm+fps24.Frames(3)).Seconds(), 'f', 6, 64) + "\n")
	}
	late := writeFile(t, "late.shotchanges", shifted.String())
	got := map[string]int{}
	for _, f := range check(t, run{shotChanges: late}, checks.All(), srt).Findings {
		got[f.Rule]++
	}
	if got["T010"] != 2 || got["T011"] != 1 || len(got) != 2 {
		t.Errorf("cuts 3 frames late: %v, want T010 on cues 1 and 3, T011 on cue 2", got)
	}
}
