package checks

import (
	"math"
	"sort"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Shot-change rules time cues against the programme's cuts (rule.File's
// ShotChanges, from --shot-changes, --video or a manifest's shot_changes:).
// Everything is compared in whole frames at the file's rate, each time
// snapped to its nearest frame, as an editor shows them over the picture.

var (
	ShotChangeInTime = &rule.Rule{
		Code: "T010", Name: "shot-change-in-time", Family: "timing",
		Summary: "A cue starts a few frames before or after a shot change instead of on it",
		Doc: "A subtitle that appears just before or just after a cut flickers across it: the eye sees the text and " +
			"the cut as two events. The in-time should be on the shot change or at least min_distance away from it " +
			"(12 frames in the Netflix timing guidelines). Before the cut by up to snap_within, move it to the cut; " +
			"further before, to min_distance before the cut; after the cut, back to the cut. Needs a shot-change " +
			"list or a video (T013 says when there is none).",
		DefaultSeverity:  rule.Warning,
		NeedsShotChanges: true,
		Params: []rule.ParamSpec{
			{Name: "min_distance", Kind: rule.KindDuration, Doc: "closest an in-time may be to a shot change without being on it"},
			{Name: "snap_within", Kind: rule.KindDuration, Doc: "an in-time this close before a cut is moved onto it (further: to min_distance before)"},
		},
		Run: runShotChangeInTime,
	}
	ShotChangeOutTime = &rule.Rule{
		Code: "T011", Name: "shot-change-out-time", Family: "timing",
		Summary: "A cue ends just before a shot change instead of the set gap before it",
		Doc: "A subtitle ending within window before a cut should end exactly gap_before_cut before it (2 frames in " +
			"the Netflix timing guidelines), so that it leaves with the shot rather than a moment before it, or hangs " +
			"onto the cut. Not reported when another cue starts at or after the out-time and before the cut (the gap to that cue " +
			"is T004's and T006's). Needs a shot-change list or a video.",
		DefaultSeverity:  rule.Warning,
		NeedsShotChanges: true,
		Params: []rule.ParamSpec{
			{Name: "window", Kind: rule.KindDuration, Doc: "out-times this close before a cut are timed to it"},
			{Name: "gap_before_cut", Kind: rule.KindDuration, Doc: "where such an out-time should be: this long before the cut"},
		},
		Run: runShotChangeOutTime,
	}
	ShotChangeCrossed = &rule.Rule{
		Code: "T012", Name: "shot-change-overhang", Family: "timing",
		Summary: "A cue runs on a few frames past a shot change",
		Doc: "A subtitle that carries over a cut should stay up long enough in the new shot to be read there; one that " +
			"ends fewer than min_overhang after the cut hangs into the new shot. End it gap_before_cut before the cut " +
			"(see T011) or keep it up at least min_overhang past it. The in-time side (a cue starting just before a cut) " +
			"is T010's. Needs a shot-change list or a video.",
		DefaultSeverity:  rule.Warning,
		NeedsShotChanges: true,
		Params: []rule.ParamSpec{
			{Name: "min_overhang", Kind: rule.KindDuration, Doc: "shortest time a cue crossing a cut stays up after it"},
			{Name: "gap_before_cut", Kind: rule.KindDuration, Doc: "where to end it instead: this long before the cut"},
		},
		Run: runShotChangeCrossed,
	}
	ShotChangesMissing = &rule.Rule{
		Code: "T013", Name: "shot-changes-unavailable", Family: "timing",
		Summary: "The shot-change rules did not run: no shot-change list or video",
		Doc: "T010–T012 need the programme's shot changes: a list (--shot-changes: Subtitle Edit's .shotchanges, a " +
			"list of seconds or timecodes, ffmpeg scene-filter output, a CMX 3600 EDL), a video to detect them in " +
			"(--video, with ffmpeg on PATH), or shot_changes: or a video (video:, an IMF main image, an MMC or iTunes video " +
			"track) per episode in the delivery manifest. Without them those rules do not run; this note says so once " +
			"per cause, on the first file concerned: once for files with neither, once when ffmpeg is missing, once for each " +
			"named video that is not in the delivery or could not be read. A run that does not check shot-change timing can turn it off with the rules " +
			"(--disable T010,T011,T012,T013).",
		DefaultSeverity: rule.Info,
		ShotChangesNote: true,
		Run:             runShotChangesMissing,
	}
)

var shotRules = []*rule.Rule{ShotChangeInTime, ShotChangeOutTime, ShotChangeCrossed, ShotChangesMissing}

// shotFramesKey memoizes the cut frames of a file at its rate.
type shotFramesKey struct{}

// cutFrames returns the file's shot changes as frame numbers at its rate,
// sorted, without duplicates.
func cutFrames(p *rule.Pass) []int64 {
	return p.Memo(shotFramesKey{}, func() any {
		fr := p.File.FrameRate
		out := make([]int64, 0, len(p.File.ShotChanges))
		for _, t := range p.File.ShotChanges {
			if n := fr.Snap(t); len(out) == 0 || n != out[len(out)-1] {
				out = append(out, n)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
		return out
	}).([]int64)
}

// wholeFrames is a duration parameter in whole frames at the file's rate:
// as written for "12f"; for a time, its nearest frame count, half a frame
// rounding down (½ s is 12 frames at 23.976 and 24, 12 at 25, 15 at 29.97).
func wholeFrames(p *rule.Pass, name string) int64 {
	d := p.DurationParam(name)
	if d.InFrames {
		return d.Frames
	}
	return int64(math.Ceil(p.File.FrameRate.InFrames(d.Time) - 0.5 - 1e-9))
}

// shotCues are the cues timed against shot changes: displayed, with a
// positive duration, in time order.
func shotCues(p *rule.Pass) []*cue.Cue {
	var out []*cue.Cue
	for _, c := range p.Doc.Displayed() {
		if valid(c) {
			out = append(out, c)
		}
	}
	return out
}

// at shows frame n as a time: "00:01:02.521".
func at(p *rule.Pass, n int64) string { return p.File.FrameRate.Frames(n).String() }

// counted says at which rate frames were counted when that rate is only
// the fallback, since the user then has a flag to set.
func counted(p *rule.Pass) string {
	if p.File.FrameRateDeclared {
		return ""
	}
	return " (frames at " + fps(p.File.FrameRate) + " fps, the default rate: the file declares none, set --fps)"
}

func runShotChangeInTime(p *rule.Pass) {
	cuts := cutFrames(p)
	minD, snap := wholeFrames(p, "min_distance"), wholeFrames(p, "snap_within")
	fr := p.File.FrameRate
	for _, c := range shotCues(p) {
		in := fr.Snap(c.Start)
		i := sort.Search(len(cuts), func(i int) bool { return cuts[i] >= in })
		cut, ok := int64(0), false
		for _, j := range []int{i, i - 1} {
			if j >= 0 && j < len(cuts) && (!ok || abs64(in-cuts[j]) < abs64(in-cut)) {
				cut, ok = cuts[j], true
			}
		}
		d := in - cut
		if !ok || d == 0 || abs64(d) >= minD {
			continue
		}
		side, fix := "after", "move it back to the shot change"
		if d < 0 {
			side, fix = "before", "move it to the shot change"
			if -d > snap {
				fix = "move it to " + plural(minD, "frame") + " before the shot change (" + at(p, cut-minD) + ")"
			}
		}
		p.ReportCueFix(c, "min_distance", "in-time is "+plural(abs64(d), "frame")+" "+side+" the shot change at "+
			at(p, cut)+": "+fix+counted(p),
			"on the shot change ("+at(p, cut)+") or ≥ "+plural(minD, "frame")+" from it",
			plural(abs64(d), "frame")+" "+side, inTimeFix(p, c, cut, d, minD, snap)...)
	}
}

func runShotChangeOutTime(p *rule.Pass) {
	cuts := cutFrames(p)
	window, gap := wholeFrames(p, "window"), wholeFrames(p, "gap_before_cut")
	fr := p.File.FrameRate
	cues := shotCues(p)
	for k, c := range cues {
		out := fr.Snap(c.End)
		i := sort.Search(len(cuts), func(i int) bool { return cuts[i] >= out })
		if i == len(cuts) {
			continue
		}
		cut := cuts[i]
		before := cut - out
		if before > window || before == gap || startsBetween(fr, cues[k+1:], out, cut) {
			continue
		}
		actual := plural(before, "frame") + " before"
		if before == 0 {
			actual = "on the shot change"
		}
		p.ReportCueFix(c, "gap_before_cut", "out-time is "+strings.TrimSuffix(actual, " the shot change")+" the shot change at "+at(p, cut)+": end it "+
			plural(gap, "frame")+" before the cut ("+at(p, cut-gap)+")"+counted(p),
			plural(gap, "frame")+" before the shot change ("+at(p, cut-gap)+")", actual, endBeforeCutFix(p, c, cut, gap)...)
	}
}

// startsBetween reports whether one of the later cues (in start order)
// starts at or after frame from and before frame to: a cue chained to the
// out-time with no gap holds it where it is as much as one starting later.
func startsBetween(fr cue.FrameRate, later []*cue.Cue, from, to int64) bool {
	for _, c := range later {
		s := fr.Snap(c.Start)
		if s >= to {
			return false
		}
		if s >= from {
			return true
		}
	}
	return false
}

func runShotChangeCrossed(p *rule.Pass) {
	cuts := cutFrames(p)
	minOver, gap := wholeFrames(p, "min_overhang"), wholeFrames(p, "gap_before_cut")
	fr := p.File.FrameRate
	for _, c := range shotCues(p) {
		in, out := fr.Snap(c.Start), fr.Snap(c.End)
		// The last cut strictly inside the cue: what it runs on past.
		i := sort.Search(len(cuts), func(i int) bool { return cuts[i] >= out }) - 1
		if i < 0 || cuts[i] <= in {
			continue
		}
		cut := cuts[i]
		over := out - cut
		if over >= minOver {
			continue
		}
		p.ReportCueFix(c, "min_overhang", "cue runs "+plural(over, "frame")+" past the shot change at "+at(p, cut)+
			": end it "+plural(gap, "frame")+" before the cut ("+at(p, cut-gap)+") or keep it up ≥ "+
			plural(minOver, "frame")+" after it"+counted(p),
			"out-time at "+at(p, cut-gap)+" or ≥ "+plural(minOver, "frame")+" after the shot change",
			plural(over, "frame")+" after", endBeforeCutFix(p, c, cut, gap)...)
	}
}

// runShotChangesMissing reports that the file has no shot changes; the
// engine runs it only then, and keeps one such finding per run.
func runShotChangesMissing(p *rule.Pass) {
	if why := p.File.ShotChangesUnavailable; why != "" {
		p.Report(rule.Finding{Message: "no shot changes for this file (nor for any later file with the same cause: this note is " +
			"given once per cause): " + why + "; the shot-change rules (T010–T012) did not run"})
		return
	}
	p.Report(rule.Finding{Message: "no shot-change list or video for this file (nor for any later file without one: " +
		"this note is given once per cause): the shot-change rules (T010–T012) did not run; give --shot-changes LIST " +
		"or --video FILE, or shot_changes: or video: per episode in the manifest"})
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
