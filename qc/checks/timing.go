package checks

import (
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

var (
	CueTooShort = &rule.Rule{
		Code: "T001", Name: "cue-too-short", Family: "timing",
		Summary: "A cue is shown for less than the minimum duration",
		Doc: "Viewers cannot read a subtitle that flashes by. The cue's duration (end minus start) is below min_duration, " +
			"allowing for the file's time resolution (an SRT at 23.976 fps stores 5/6 s as 833 ms). Extend the out-time " +
			"or merge with a neighbour.",
		DefaultSeverity: rule.Error,
		Params:          []rule.ParamSpec{{Name: "min_duration", Kind: rule.KindDuration, Doc: "shortest allowed duration"}},
		Run:             runCueTooShort,
	}
	CueTooLong = &rule.Rule{
		Code: "T002", Name: "cue-too-long", Family: "timing",
		Summary: "A cue stays on screen longer than the maximum duration",
		Doc:     "A subtitle left up past max_duration is re-read by viewers and drifts from the dialogue. Split it or pull the out-time in.",
		Params:  []rule.ParamSpec{{Name: "max_duration", Kind: rule.KindDuration, Doc: "longest allowed duration"}},
		Run:     runCueTooLong, DefaultSeverity: rule.Error,
	}
	CueOverlap = &rule.Rule{
		Code: "T003", Name: "cue-overlap", Family: "timing",
		Summary: "A cue starts before the previous one has ended",
		Doc: "Two cues on screen at once stack unpredictably in most players. Cues placed in different named regions " +
			"(TTML/iTT positioning) may legitimately overlap and are not reported. Set the earlier cue's out-time before " +
			"the later cue's in-time (with the minimum gap).",
		Run: runCueOverlap, DefaultSeverity: rule.Error,
	}
	GapTooShort = &rule.Rule{
		Code: "T004", Name: "gap-too-short", Family: "timing",
		Summary: "The gap between two cues is shorter than the minimum",
		Doc: "Consecutive cues need a short gap so the eye registers a change of subtitle. Reported when " +
			"0 ≤ gap < min_gap (usually in frames, at the file's frame rate); negative gaps are overlaps (T003).",
		Params: []rule.ParamSpec{{Name: "min_gap", Kind: rule.KindDuration, Doc: "shortest allowed gap between cues"}},
		Run:    runGapTooShort, DefaultSeverity: rule.Error,
	}
	ReadingSpeed = &rule.Rule{
		Code: "T005", Name: "reading-speed-too-high", Family: "timing",
		Summary: "A cue asks for more characters per second than viewers can read",
		Doc: "Characters per second = characters in all display lines / duration. Spaces and punctuation count, markup " +
			"never does, grapheme clusters count once (Thai and Devanagari combining marks do not inflate the count), and " +
			"in Chinese, Japanese and Korean half-width characters count half_width_weight (0.5 by Netflix's rule). " +
			"Condense the text or give the cue more time.",
		Params: []rule.ParamSpec{
			{Name: "max_cps", Kind: rule.KindFloat, Doc: "highest allowed reading speed, characters per second"},
			{Name: "half_width_weight", Kind: rule.KindFloat, Doc: "weight of a half-width character (1 = counts fully)"},
		},
		Run: runReadingSpeed, DefaultSeverity: rule.Warning,
	}
	GapShouldClose = &rule.Rule{
		Code: "T006", Name: "gap-should-close", Family: "timing",
		Summary: "A short gap between cues should be closed to the minimum gap",
		Doc: "Gaps longer than min_gap but no longer than close_below (inclusive; ½ s in Netflix's rule) make the " +
			"subtitles flicker off and on; close them to the minimum gap. Advisory.",
		Params: []rule.ParamSpec{
			{Name: "min_gap", Kind: rule.KindDuration, Doc: "the gap a closed gap should have"},
			{Name: "close_below", Kind: rule.KindDuration, Doc: "gaps up to and including this long should be closed"},
		},
		Run: runGapShouldClose, DefaultSeverity: rule.Info,
	}
	CueOutOfOrder = &rule.Rule{
		Code: "T007", Name: "cue-out-of-order", Family: "timing",
		Summary: "A cue starts earlier than the cue before it in the file",
		Doc:     "Many players and ingest tools require cues in time order. Sort the file by in-time.",
		Run:     runCueOutOfOrder, DefaultSeverity: rule.Error,
	}
	OffFrame = &rule.Rule{
		Code: "T008", Name: "off-frame-timecode", Family: "timing",
		Summary: "A cue's in- or out-time does not fall on a frame boundary",
		Doc: "Only checked when a frame rate is declared (by the file, --fps, config or a manifest): against the fallback " +
			"rate it would be noise. A time counts as on-frame when it is within the file's time resolution of a frame " +
			"boundary (SRT/WebVTT store milliseconds). Snap times to frames of the programme's rate.",
		Run: runOffFrame, DefaultSeverity: rule.Warning,
	}
	EndBeforeStart = &rule.Rule{
		Code: "T009", Name: "end-before-start", Family: "timing",
		Summary: "A cue ends at or before its start",
		Doc:     "A zero or negative duration: the cue is never shown. Usually a typing error in a timecode.",
		Run:     runEndBeforeStart, DefaultSeverity: rule.Error,
	}
)

var timingRules = []*rule.Rule{CueTooShort, CueTooLong, CueOverlap, GapTooShort, ReadingSpeed,
	GapShouldClose, CueOutOfOrder, OffFrame, EndBeforeStart}

func runCueTooShort(p *rule.Pass) {
	min, tol := p.Duration("min_duration"), tolerance(p.Doc)
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || !valid(c) || c.Duration() >= min-tol {
			continue
		}
		p.ReportCueFix(c, "min_duration", "cue is on screen for "+secs(c.Duration())+", less than the minimum "+secs(min),
			"≥ "+secs(min), secs(c.Duration()), extendFix(p, c, min)...)
	}
}

func runCueTooLong(p *rule.Pass) {
	max, tol := p.Duration("max_duration"), tolerance(p.Doc)
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || c.Duration() <= max+tol {
			continue
		}
		p.ReportCueFix(c, "max_duration", "cue is on screen for "+secs(c.Duration())+", more than the maximum "+secs(max),
			"≤ "+secs(max), secs(c.Duration()), trimFix(p, c, max)...)
	}
}

func runCueOverlap(p *rule.Pass) {
	cues := p.Doc.Displayed()
	var latest = -1 // index in cues of the valid cue with the latest end so far
	for i, c := range cues {
		if !valid(c) {
			continue
		}
		if latest >= 0 {
			prev := cues[latest]
			if c.Start < prev.End && !(prev.Region != "" && c.Region != "" && prev.Region != c.Region) {
				p.ReportCueFix(c, "", "cue "+itoa(int64(c.Index))+" starts "+secs(prev.End-c.Start)+" before cue "+
					itoa(int64(prev.Index))+" ends (at "+prev.End.String()+")",
					"start ≥ "+prev.End.String(), c.Start.String(), chainFix(p, prev, c, minGapFor(p), false)...)
			}
			if c.End <= prev.End {
				continue
			}
		}
		latest = i
	}
}

// gaps calls fn for each pair of consecutive valid displayed cues.
func gaps(p *rule.Pass, fn func(prev, next *cue.Cue)) {
	var prev *cue.Cue
	for _, c := range p.Doc.Displayed() {
		if !valid(c) {
			continue
		}
		if prev != nil {
			fn(prev, c)
		}
		if prev == nil || c.End > prev.End {
			prev = c
		}
	}
}

func runGapTooShort(p *rule.Pass) {
	min, tol := p.Duration("min_gap"), tolerance(p.Doc)
	want := p.DurationParam("min_gap")
	gaps(p, func(prev, next *cue.Cue) {
		gap := next.Start - prev.End
		if gap < 0 || gap >= min-tol {
			return
		}
		p.ReportCueFix(next, "min_gap", "gap after cue "+itoa(int64(prev.Index))+" is "+gapText(p, gap)+
			", less than the minimum "+durText(p, want, min),
			"≥ "+durText(p, want, min), gapText(p, gap), chainFix(p, prev, next, min, false)...)
	})
}

func runGapShouldClose(p *rule.Pass) {
	min, upTo, tol := p.Duration("min_gap"), p.Duration("close_below"), tolerance(p.Doc)
	want := p.DurationParam("min_gap")
	gaps(p, func(prev, next *cue.Cue) {
		gap := next.Start - prev.End
		if gap <= min+tol || gap > upTo+tol {
			return
		}
		p.ReportCueFix(next, "close_below", "gap of "+gapText(p, gap)+" after cue "+itoa(int64(prev.Index))+
			" should be closed to "+durText(p, want, min),
			durText(p, want, min)+" or more than "+secs(upTo), gapText(p, gap), chainFix(p, prev, next, min, true)...)
	})
}

// gapText shows a gap in seconds and frames at the file's rate.
func gapText(p *rule.Pass, gap cue.Time) string { return secs(gap) + " (" + frames(p, gap) + ")" }

// durText shows a threshold as the pack wrote it plus its value at this rate.
func durText(p *rule.Pass, d rule.Duration, t cue.Time) string {
	if d.InFrames {
		return d.String() + " at " + p.File.FrameRate.String() + " fps (" + secs(t) + ")"
	}
	return secs(t)
}

func runReadingSpeed(p *rule.Pass) {
	max, weight := p.Float("max_cps"), p.Float("half_width_weight")
	widths := lineWidths(p, weight)
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || !valid(c) {
			continue
		}
		var chars float64
		for _, n := range widths.of(i) {
			chars += n
		}
		cps := chars / c.Duration().Seconds()
		if cps <= max {
			continue
		}
		p.ReportCue(c, "max_cps", "reading speed "+rate(cps)+" characters/s ("+num(chars)+" characters in "+
			secs(c.Duration())+") is over the limit of "+num(max),
			"≤ "+num(max)+" cps", rate(cps)+" cps")
	}
}

func runCueOutOfOrder(p *rule.Pass) {
	var prev *cue.Cue
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment {
			continue
		}
		if prev != nil && c.Start < prev.Start {
			p.ReportCueFix(c, "", "cue starts at "+c.Start.String()+", before cue "+itoa(int64(prev.Index))+
				" above it (at "+prev.Start.String()+")", "start ≥ "+prev.Start.String(), c.Start.String(), reorderFix(p)...)
		}
		if prev == nil || c.Start >= prev.Start {
			prev = c
		}
	}
}

func runOffFrame(p *rule.Pass) {
	if !p.File.FrameRateDeclared {
		return
	}
	fr, tol := p.File.FrameRate, tolerance(p.Doc)
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment {
			continue
		}
		for _, edge := range [2]struct {
			name string
			t    cueTime
		}{{"in-time", c.Start}, {"out-time", c.End}} {
			n, off := fr.FrameAt(edge.t)
			if off <= tol && off >= -tol {
				continue
			}
			p.ReportCueFix(c, "", edge.name+" "+edge.t.String()+" is "+secs(abs(off))+" off the nearest frame at "+
				fr.String()+" fps (frame "+itoa(n)+" at "+fr.Frames(n).String()+")",
				"a frame boundary at "+fr.String()+" fps", edge.t.String(), snapFix(p, c)...)
		}
	}
}

func runEndBeforeStart(p *rule.Pass) {
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || valid(c) {
			continue
		}
		what := "ends before it starts"
		if c.End == c.Start {
			what = "has zero duration"
		}
		p.ReportCue(c, "", "cue "+what+" ("+c.Start.String()+" --> "+c.End.String()+")",
			"end > start", secs(c.Duration()))
	}
}
