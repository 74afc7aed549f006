package checks

import (
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

var (
	CueTooShort = &rule.Rule{
		Code: "T001", Name: "cue-too-short", Family: "timing",
		Summary: "A cue is shown for less than the minimum duration",
		Doc: "Viewers cannot read a subtitle that flashes by. The cue's duration (end minus start) is below min_duration. " +
			"A duration in frames compares whole frames after each time is snapped to its nearest frame at the file's " +
			"rate, as players show it; one in seconds allows for the file's time resolution (an SRT at 23.976 fps stores " +
			"5/6 s as 833 ms). Extend the out-time or merge with a neighbour.",
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
		Doc: "Two cues on screen at once stack unpredictably in most players. Overlaps the format lays out by design " +
			"are not reported: cues in different named regions (TTML/iTT positioning), ASS events on different layers " +
			"or placed by themselves (\\pos, \\move, \\an, their own margins), and CEA-608 roll-up rows. Set the " +
			"earlier cue's out-time before the later cue's in-time (with the minimum gap).",
		Run: runCueOverlap, DefaultSeverity: rule.Error,
	}
	GapTooShort = &rule.Rule{
		Code: "T004", Name: "gap-too-short", Family: "timing",
		Summary: "The gap between two cues is shorter than the minimum",
		Doc: "Consecutive cues need a short gap so the eye registers a change of subtitle. Reported when " +
			"0 ≤ gap < min_gap; negative gaps are overlaps (T003). A min_gap in frames compares whole frames after each " +
			"time is snapped to its nearest frame at the file's rate (a tick-timed gap of 1.99 frames is the 2-frame gap " +
			"it was authored as).",
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
			"rate it would be noise. A time counts as on-frame when it is within 1 ms of a frame boundary (tick-timed " +
			"files carry sub-millisecond jitter), or within the file's time resolution where that is coarser. Snap times " +
			"to frames of the programme's rate.",
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
	min := p.DurationParam("min_duration")
	minimum := limitOf(p, min)
	var limit limitTexts
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || !valid(c) || !minimum.below(c.Start, c.End) {
			continue
		}
		limit.build(p, min, "≥ ")
		message, shown := measuredIn(p, min, c.Duration(), true, []byte("cue is on screen for "),
			", less than the minimum ", limit.threshold)
		p.ReportCueFix(c, "min_duration", message, limit.expected, shown, extendFix(p, c, p.Duration("min_duration"))...)
	}
}

func runCueTooLong(p *rule.Pass) {
	max := p.DurationParam("max_duration")
	maximum := limitOf(p, max)
	var limit limitTexts
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || !maximum.above(c.Start, c.End) {
			continue
		}
		limit.build(p, max, "≤ ")
		message, shown := measuredIn(p, max, c.Duration(), false, []byte("cue is on screen for "),
			", more than the maximum ", limit.threshold)
		p.ReportCueFix(c, "max_duration", message, limit.expected, shown, trimFix(p, c, p.Duration("max_duration"))...)
	}
}

func runCueOverlap(p *rule.Pass) {
	// Cues in different regions (TTML regions, ASS layers) may share the
	// screen; a cue with no region can collide with any. So a cue is
	// compared with the latest-ending cue of its own region and of no
	// region, or, without a region, with the latest-ending cue of all.
	var all, unplaced *cue.Cue
	inRegion := map[string]*cue.Cue{}
	later := func(a, b *cue.Cue) *cue.Cue {
		if a == nil || b != nil && b.End > a.End {
			return b
		}
		return a
	}
	for _, c := range p.Doc.Displayed() {
		if !valid(c) || c.MayOverlap {
			continue
		}
		prev := all
		if c.Region != "" {
			prev = later(inRegion[c.Region], unplaced)
		}
		if prev != nil && c.Start < prev.End {
			// The expected value ends with the earlier cue's end, which
			// the message quotes: one text holds both.
			expected := p.Text(func(b []byte) []byte { return prev.End.AppendTimecode(append(b, "start ≥ "...)) })
			prevEnd := expected[len("start ≥ "):]
			message := p.Text(func(b []byte) []byte {
				b = strconv.AppendInt(append(b, "cue "...), int64(c.Index), 10)
				b = appendSecs(append(b, " starts "...), prev.End-c.Start)
				b = strconv.AppendInt(append(b, " before cue "...), int64(prev.Index), 10)
				return append(append(append(b, " ends (at "...), prevEnd...), ')')
			})
			p.ReportCueFix(c, "", message, expected, timecode(c.Start), chainFix(p, prev, c, minGapFor(p), false)...)
		}
		all = later(all, c)
		if c.Region == "" {
			unplaced = later(unplaced, c)
		} else {
			inRegion[c.Region] = later(inRegion[c.Region], c)
		}
	}
}

// gaps calls fn for each pair of consecutive valid displayed cues but
// those whose gap is at least fine (and both its ends in range): the rule
// passes those whatever the rest of its test says, and most gaps of a
// file are long enough for each rule, so they cost no call.
func gaps(p *rule.Pass, fine cue.Time, fn func(prev, next *cue.Cue)) {
	var prev *cue.Cue
	for _, c := range p.Doc.Displayed() {
		if !valid(c) || c.MayOverlap {
			continue
		}
		if prev != nil && !(c.Start-prev.End >= fine && inRange(prev.End) && inRange(c.Start)) {
			fn(prev, c)
		}
		if prev == nil || c.End > prev.End {
			prev = c
		}
	}
}

func runGapTooShort(p *rule.Pass) {
	min := p.DurationParam("min_gap")
	minimum := limitOf(p, min)
	var limit limitTexts
	gaps(p, minimum.notBelowFrom(), func(prev, next *cue.Cue) {
		gap := next.Start - prev.End
		if gap < 0 || !minimum.below(prev.End, next.Start) {
			return
		}
		limit.build(p, min, "≥ ")
		var head [40]byte
		message, shown := measuredIn(p, min, gap, true,
			append(strconv.AppendInt(append(head[:0], "gap after cue "...), int64(prev.Index), 10), " is "...),
			", less than the minimum ", limit.threshold)
		p.ReportCueFix(next, "min_gap", message, limit.expected, shown, chainFix(p, prev, next, p.Duration("min_gap"), false)...)
	})
}

func runGapShouldClose(p *rule.Pass) {
	min, upTo := p.DurationParam("min_gap"), p.DurationParam("close_below")
	minimum, closeBelow := limitOf(p, min), limitOf(p, upTo)
	var closeTo, want string // the same for every gap of the file: built once, at the first
	gaps(p, closeBelow.aboveFrom(), func(prev, next *cue.Cue) {
		if !minimum.above(prev.End, next.Start) || closeBelow.above(prev.End, next.Start) {
			return
		}
		if closeTo == "" {
			closeTo, want = threshold(p, min), expected(p, min)+" or more than "+expected(p, upTo)
		}
		shown := measured(p, min, next.Start-prev.End, false)
		p.ReportCueFix(next, "close_below", rule.Concat("gap of ", shown, " after cue ", itoa(int64(prev.Index)),
			" should be closed to ", closeTo), want, shown, chainFix(p, prev, next, p.Duration("min_gap"), true)...)
	})
}

func runReadingSpeed(p *rule.Pass) {
	max, weight := p.Float("max_cps"), p.Float("half_width_weight")
	widths := lineWidths(p, weight)
	var limit, want string // the same for every cue: built once, at the first finding
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || !valid(c) {
			continue
		}
		seconds := c.Duration().Seconds()
		chars, counted := 0.0, false
		if widths.bounded() {
			// The cue's bytes, and its lines' bounds, bound its count, and
			// dividing both by the same duration keeps their order: a cue
			// slow enough in bytes or code points is slow enough in
			// characters.
			bytes := 0
			for _, l := range c.Lines {
				bytes += len(l.Text)
			}
			if float64(bytes)/seconds <= max {
				continue
			}
			most, exact := 0, true
			for _, m := range widths.cueBounds(p, i) {
				most += int(m &^ exactBound)
				exact = exact && m&exactBound != 0
			}
			if float64(most)/seconds <= max {
				continue
			}
			// At weight 1 lines of code points that are clusters of their
			// own count their code points: the sum is the count (a sum of
			// whole numbers, as exact in a float as the lines' one by one).
			chars, counted = float64(most), exact && weight == 1
		}
		if !counted {
			chars = 0
			for j := range c.Lines {
				chars += widths.line(p, i, j)
			}
		}
		cps := chars / seconds
		if cps <= max {
			continue
		}
		if limit == "" {
			limit = num(max)
			want = "≤ " + limit + " cps"
		}
		// The actual value, "17.8 cps", and the message after it in one
		// text, numbers written in place; the speed is the start of both.
		var speedEnd, actualEnd int
		both := p.Text(func(b []byte) []byte {
			start := len(b) // b holds the texts before this one
			b = appendRate(b, cps, max)
			speedEnd = len(b) - start
			b = append(b, " cps"...)
			actualEnd = len(b) - start
			b = append(b, "reading speed "...)
			b = append(b, b[start:start+speedEnd]...) // the speed again, from the old array should b grow
			b = append(b, " characters/s ("...)
			b = append(appendNum(b, chars), " characters in "...)
			return append(append(appendSecs(b, c.Duration()), ") is over the limit of "...), limit...)
		})
		actual, message := both[:actualEnd], both[actualEnd:]
		p.ReportCue(c, "max_cps", message, want, actual)
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
			p.ReportCueFix(c, "", rule.Concat("cue starts at ", timecode(c.Start), ", before cue ", itoa(int64(prev.Index)),
				" above it (at ", timecode(prev.Start), ")"), rule.Concat("start ≥ ", timecode(prev.Start)), timecode(c.Start), reorderFix(p)...)
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
	// Within a millisecond of a boundary counts as on it (or within the
	// file's own resolution when coarser): tick-timed files carry
	// sub-millisecond jitter that no player can show.
	fr, tol := p.File.FrameRate, max(tolerance(p.Doc), cue.Millisecond)
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
			p.ReportCueFix(c, "", rule.Concat(edge.name, " ", timecode(edge.t), " is ", secs(abs(off)), " off the nearest frame at ",
				fr.String(), " fps (frame ", itoa(n), " at ", timecode(fr.Frames(n)), ")"),
				rule.Concat("a frame boundary at ", fr.String(), " fps"), timecode(edge.t), snapFix(p, c)...)
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
		p.ReportCue(c, "", rule.Concat("cue ", what, " (", timecode(c.Start), " --> ", timecode(c.End), ")"),
			"end > start", secs(c.Duration()))
	}
}

// limitTexts are a duration limit's texts in a finding (T001, T002, T004):
// the threshold as the message shows it and the expected value with its
// comparison. They depend on the file and the parameter, not on the cue,
// so they are built at a rule's first finding in a file and shared by the
// rest.
type limitTexts struct {
	threshold, expected string
}

func (l *limitTexts) build(p *rule.Pass, d rule.Duration, compare string) {
	if l.threshold == "" {
		l.threshold, l.expected = threshold(p, d), compare+expected(p, d)
	}
}
