package checks

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/lazyre"
	"github.com/exportqc/exportqc/qc/rule"
)

// A threshold stated in frames ("2f") is compared in whole frames after
// each time is snapped to its nearest frame at the file's rate, as players
// and Subtitle Edit show them: a Netflix tick-timed gap of 830,830 ticks
// (1.99 frames at 23.976 fps) is the 2-frame gap it was authored as. A
// threshold stated in time ("0.5s") is compared in time, within the file's
// time resolution (tolerance).

// A limit is a duration threshold made ready for one file, so that a rule
// comparing every cue or gap with it resolves it once. Snapping both ends
// of a span to frames costs two 128-bit divisions, and a span well clear
// of a threshold in frames cannot change sides by snapping: each end moves
// by at most half a frame, so the snapped span is within one frame of the
// unsnapped one (checked against FrameSpan by TestLimitAgreesWithFrameSpan).
type limit struct {
	d    rule.Duration
	fr   cue.FrameRate
	grid cue.FrameGrid // fr, ready to snap the spans the shortcut leaves
	// In frames, for k = 0 and 1 (the rules ask "at least d.Frames+k
	// frames?"): a span at least surelyAtLeast[k] is surely d.Frames+k
	// frames or more once snapped, one at most surelyBelow[k] surely
	// fewer. Snapping moves each end by at most half a frame, so the
	// snapped span of a span over n frames is more than n-1 frames (at
	// least n), and of one under n-1 frames less than n. (Frames rounds to
	// the nearest flick, so one flick more or less is enough.) A gap of
	// exactly the minimum gap is so decided for "more than the minimum?"
	// without snapping, where bounds one frame wider left it to the snap.
	surelyAtLeast, surelyBelow [2]cue.Time
	// In time: the threshold less and plus the file's time resolution.
	lo, hi cue.Time
}

func limitOf(p *rule.Pass, d rule.Duration) limit {
	l := limit{d: d, fr: p.File.FrameRate}
	if d.InFrames {
		l.grid = l.fr.Grid()
		for k := range l.surelyAtLeast {
			// No rate (every span is 0 frames), or a threshold far from
			// any real one: always snap.
			l.surelyAtLeast[k], l.surelyBelow[k] = math.MaxInt64, math.MinInt64
			if n := d.Frames + int64(k); !l.fr.IsZero() && d.Frames >= 1 && d.Frames <= 1<<20 {
				l.surelyAtLeast[k], l.surelyBelow[k] = l.fr.Frames(n)+1, l.fr.Frames(n-1)-1
			}
		}
		return l
	}
	t, tol := d.Resolve(l.fr), tolerance(p.Doc)
	l.lo, l.hi = t-tol, t+tol
	return l
}

// atLeast reports whether the snapped span from a to b is n frames or
// more, deciding a span surely on one side of n without snapping either
// end when n is d.Frames or one more (what below and above ask).
func (l *limit) atLeast(a, b cue.Time, n int64) bool {
	if k := n - l.d.Frames; (k == 0 || k == 1) && inRange(a) && inRange(b) { // so that b - a cannot overflow
		switch span := b - a; {
		case span >= l.surelyAtLeast[k]:
			return true
		case span <= l.surelyBelow[k]:
			return false
		}
	}
	return l.grid.SpanAtLeast(a, b, n)
}

// inRange reports whether t is within ±2⁶¹ flicks (about 100 years).
func inRange(t cue.Time) bool { return t > -1<<61 && t < 1<<61 }

// below reports whether the span from a to b is shorter than the threshold.
func (l *limit) below(a, b cue.Time) bool {
	if l.d.InFrames {
		return !l.atLeast(a, b, l.d.Frames)
	}
	return b-a < l.lo
}

// above reports whether the span from a to b is longer than the threshold.
func (l *limit) above(a, b cue.Time) bool {
	if l.d.InFrames {
		return l.d.Frames < math.MaxInt64 && l.atLeast(a, b, l.d.Frames+1)
	}
	return b-a > l.hi
}

// notBelowFrom is a span from which on below is surely false, for spans
// whose ends are in range: what a rule can pass without asking below.
func (l *limit) notBelowFrom() cue.Time {
	if l.d.InFrames {
		return l.surelyAtLeast[0] // atLeast(a, b, d.Frames) says true without snapping
	}
	return l.lo // below is b-a < lo
}

// aboveFrom is a span from which on above is surely true, for spans whose
// ends are in range.
func (l *limit) aboveFrom() cue.Time {
	if l.d.InFrames {
		if l.d.Frames == math.MaxInt64 {
			return math.MaxInt64 // above is always false; no span in range reaches this
		}
		return l.surelyAtLeast[1] // atLeast(a, b, d.Frames+1) says true without snapping
	}
	if l.hi >= 1<<62 {
		return math.MaxInt64
	}
	return l.hi + 1 // above is b-a > hi
}

// measured shows a span in the unit of the threshold it is compared with:
// "1.8 frames (0.074 s)" against a frame threshold, "0.074 s" otherwise.
// The frame count is the unrounded one, with as many decimals as it takes
// not to print the threshold itself ("1.99 frames", never "2.0 frames …
// less than the minimum 2 frames"); short says which side it lies on.
func measured(p *rule.Pass, d rule.Duration, span cue.Time, short bool) string {
	return rule.Text(func(b []byte) []byte { return appendMeasured(b, p, d, span, short) })
}

// appendMeasured appends measured(p, d, span, short).
func appendMeasured(b []byte, p *rule.Pass, d rule.Duration, span cue.Time, short bool) []byte {
	if !d.InFrames {
		return appendSecs(b, span)
	}
	b = append(append(b, frameCount(p.File.FrameRate.InFrames(span), d.Frames, short)...), " ("...)
	return append(appendSecs(b, span), ')')
}

// measuredIn returns the message head + measured(…) + tail as one text,
// and the measured part of it (which the finding's actual value repeats):
// one text per finding where the pieces were three.
func measuredIn(p *rule.Pass, d rule.Duration, span cue.Time, short bool, head []byte, tail ...string) (message, shown string) {
	from, to := 0, 0
	message = p.Text(func(b []byte) []byte {
		start := len(b)
		b = append(b, head...)
		from = len(b) - start
		b = appendMeasured(b, p, d, span, short)
		to = len(b) - start
		for _, s := range tail {
			b = append(b, s...)
		}
		return b
	})
	return message, message[from:to]
}

// threshold shows a threshold as the pack wrote it with its value at the
// file's rate: "2 frames (0.083 s at 23.976 fps)", and says when that rate
// is only the fallback, since the user then has a flag to set.
func threshold(p *rule.Pass, d rule.Duration) string {
	if !d.InFrames || p.File.FrameRateDeclared {
		return expected(p, d)
	}
	note := ", the default rate: the file declares none, set --fps)"
	if r, ok := rateInName(p.File.Path); ok && r != p.File.FrameRate {
		note = ", the default rate: the file declares none; its name says " + fps(r) + " fps: set --fps " + fps(r) + ")"
	}
	return strings.TrimSuffix(expected(p, d), ")") + note
}

// rateInName finds a frame rate written in a file name, as in
// "Annie_Hall_-_Eng_25fps.srt" or "Show.23.976fps.srt". It is only ever
// a hint to the user: the name is not the file, so it never sets the rate.
var rateToken = lazyre.New(`(?i)(?:^|[^0-9])([0-9]{2,3}(?:\.[0-9]{1,3})?) ?fps`)

func rateInName(path string) (cue.FrameRate, bool) {
	m := rateToken().FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return cue.FrameRate{}, false
	}
	r, err := cue.ParseFrameRate(m[1])
	return r, err == nil
}

// expected is threshold without the note on the default rate, for the
// finding's expected field.
func expected(p *rule.Pass, d rule.Duration) string {
	t := d.Resolve(p.File.FrameRate)
	if !d.InFrames {
		return secs(t)
	}
	return plural(d.Frames, "frame") + " (" + secs(t) + " at " + fps(p.File.FrameRate) + " fps)"
}

// frameCount formats x frames as a whole number when it is one, else with
// one decimal, or more where one decimal would round it onto the threshold
// n; short says x < n (else x > n).
func frameCount(x float64, n int64, short bool) string {
	// A frame-timed file's spans are whole frames: "1 frame", not "1.0 frames".
	if whole := math.Round(x); math.Abs(x-whole) < 0.0005 && int64(whole) != n {
		return plural(int64(whole), "frame")
	}
	for dec := 1; dec <= 3; dec++ {
		s := strconv.FormatFloat(x, 'f', dec, 64)
		if v, _ := strconv.ParseFloat(s, 64); v != float64(n) {
			return s + " frames"
		}
	}
	// Within a thousandth of a frame: cut towards the side x is on.
	v := math.Floor(x*1000) / 1000
	if !short {
		v = math.Ceil(x*1000) / 1000
	}
	return strconv.FormatFloat(v, 'f', 3, 64) + " frames"
}

func plural(n int64, unit string) string {
	if n == 1 || n == -1 {
		return itoa(n) + " " + unit
	}
	return itoa(n) + " " + unit + "s"
}

// fps shows a rate as people write it: "25", "23.976", "29.97".
func fps(r cue.FrameRate) string {
	if r.Den == 1 {
		return itoa(r.Num)
	}
	return strconv.FormatFloat(math.Round(r.FPS()*1000)/1000, 'f', -1, 64)
}
