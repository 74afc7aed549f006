// Package cue is the one model every subtitle reader produces and every rule
// reads: cues with exact times, display lines, source positions, and the
// non-fatal diagnostics met while reading.
package cue

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/internal/digits"
)

// Time is a point or span on the programme timeline, counted in flicks
// (1/705,600,000 s). A flick divides evenly the frame period of every
// broadcast rate (23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60, 120) and the
// millisecond, so SRT/WebVTT millisecond times and SMPTE frame times are both
// exact: an off-frame check never has to guess about floating-point noise.
// Range: about ±415 years.
type Time int64

const (
	Flick       Time = 1
	Second      Time = 705_600_000
	Millisecond Time = Second / 1000
	Minute           = 60 * Second
	Hour             = 60 * Minute
)

// Seconds returns t as floating seconds (for reporting and rates only).
func (t Time) Seconds() float64 { return float64(t) / float64(Second) }

// Milliseconds returns t rounded to the nearest millisecond.
func (t Time) Milliseconds() int64 {
	if t < 0 {
		return -((-t + Millisecond/2) / Millisecond).int64()
	}
	return ((t + Millisecond/2) / Millisecond).int64()
}

func (t Time) int64() int64 { return int64(t) }

// FromSeconds converts a decimal number of seconds, rounding to the nearest flick.
func FromSeconds(s float64) Time {
	if s < 0 {
		return -Time(-s*float64(Second) + 0.5)
	}
	return Time(s*float64(Second) + 0.5)
}

// FromRatio returns num/den seconds rounded to the nearest flick (half away
// from zero); den must be > 0. Used for TTML ticks (ticks/tickRate) and
// frames (n*Den/Num). Exact 128-bit arithmetic: this runs for every cue of
// frame-based checks, so it avoids math/big's allocations.
func FromRatio(num, den int64) Time {
	if den <= 0 {
		return 0
	}
	neg := num < 0
	n := uint64(num)
	if neg {
		n = uint64(-num)
	}
	q, ok := mulDivRound(n, uint64(Second), uint64(den))
	if !ok {
		return fromRatioBig(num, den)
	}
	if neg {
		return -Time(q)
	}
	return Time(q)
}

// mulDivRound computes round(a*b/d) (half up) in 128 bits; ok is false when
// the result does not fit in an int64.
func mulDivRound(a, b, d uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, b)
	// add d/2 for rounding
	lo, carry := bits.Add64(lo, d/2, 0)
	hi += carry
	if hi >= d {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, d)
	if q > math.MaxInt64 {
		return 0, false
	}
	return q, true
}

func fromRatioBig(num, den int64) Time {
	n := new(big.Int).Mul(big.NewInt(num), big.NewInt(int64(Second)))
	d := big.NewInt(den)
	q, r := new(big.Int).QuoRem(n, d, new(big.Int))
	// round half away from zero
	r2 := new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2))
	if r2.Cmp(d) >= 0 {
		if n.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Time(q.Int64())
}

// String formats t as HH:MM:SS.mmm (hours may exceed 99; negative times get a
// leading minus). This is the timecode every report uses.
func (t Time) String() string {
	var b [24]byte
	return string(t.AppendTimecode(b[:0]))
}

// AppendTimecode appends HH:MM:SS.mmm to dst without allocating.
func (t Time) AppendTimecode(dst []byte) []byte { return t.AppendTimecodeSep(dst, '.') }

// AppendTimecodeSep is AppendTimecode with sep before the milliseconds
// (',' for SubRip).
func (t Time) AppendTimecodeSep(dst []byte, sep byte) []byte {
	ms := t.Milliseconds()
	if ms < 0 {
		dst = append(dst, '-')
		ms = -ms
	}
	if ms < 100*3_600_000 {
		// Every field is a fixed width: write the digits (reports write
		// two timecodes per finding).
		n := len(dst)
		dst = append(dst, "00:00:00.000"...)
		putTimecode(dst[n:], uint64(ms), sep)
		return dst
	}
	h := ms / 3_600_000
	m := ms / 60_000 % 60
	s := ms / 1000 % 60
	f := ms % 1000
	dst = appendPad(dst, h, 2)
	dst = append(dst, ':')
	dst = appendPad(dst, m, 2)
	dst = append(dst, ':')
	dst = appendPad(dst, s, 2)
	dst = append(dst, sep)
	return appendPad(dst, f, 3)
}

// PutTimecode writes t as HH:MM:SS.mmm over d's first twelve bytes when
// it is from 00:00:00.000 to 99:59:59.999 (what AppendTimecode writes
// then), and reports false, d untouched, for any other time: a writer
// with the bytes laid out already (a report's template) fills them in.
func (t Time) PutTimecode(d []byte) bool {
	ms := t.Milliseconds()
	if ms < 0 || ms >= 100*3_600_000 {
		return false
	}
	putTimecode(d, uint64(ms), '.')
	return true
}

// putTimecode writes ms (under 100 hours) as HH:MM:SS.mmm, sep before
// the milliseconds, over d's first twelve bytes. Each field is taken from
// the next larger unit by one division (a multiply for a constant
// divisor) and a subtraction, rather than a division and a remainder of
// ms for each, and written two digits at a time from digits.Pairs.
func putTimecode(d []byte, ms uint64, sep byte) {
	_ = d[11]
	secs := ms / 1000
	f := ms - secs*1000
	mins := secs / 60
	s := secs - mins*60
	h := mins / 60
	m := mins - h*60
	hi := f / 10
	d[0], d[1], d[2] = digits.Pairs[h*2], digits.Pairs[h*2+1], ':'
	d[3], d[4], d[5] = digits.Pairs[m*2], digits.Pairs[m*2+1], ':'
	d[6], d[7], d[8] = digits.Pairs[s*2], digits.Pairs[s*2+1], sep
	d[9], d[10], d[11] = digits.Pairs[hi*2], digits.Pairs[hi*2+1], byte('0'+f-hi*10)
}

func appendPad(dst []byte, v int64, width int) []byte {
	start := len(dst)
	dst = strconv.AppendInt(dst, v, 10)
	for len(dst)-start < width {
		dst = append(dst, 0)
		copy(dst[start+1:], dst[start:])
		dst[start] = '0'
	}
	return dst
}

// FrameRate is an exact frame rate Num/Den frames per second (24000/1001 for
// "23.976"). The zero value means "not declared".
type FrameRate struct {
	Num, Den int64
}

// IsZero reports whether no frame rate is set.
func (r FrameRate) IsZero() bool { return r.Num <= 0 || r.Den <= 0 }

// FPS returns the rate as a float, for display.
func (r FrameRate) FPS() float64 {
	if r.IsZero() {
		return 0
	}
	return float64(r.Num) / float64(r.Den)
}

// Frames returns the exact duration of n frames (rounded to a flick for exotic rates).
func (r FrameRate) Frames(n int64) Time {
	if r.IsZero() {
		return 0
	}
	return FromRatio(n*r.Den, r.Num)
}

// FrameAt returns the frame number whose boundary is nearest to t, and the
// distance (t minus that boundary).
func (r FrameRate) FrameAt(t Time) (frame int64, offset Time) {
	if r.IsZero() {
		return 0, 0
	}
	frame, ok := r.frameAtFast(t)
	if !ok {
		frame = r.frameAtBig(t)
	}
	return frame, t - r.Frames(frame)
}

// frameAtFast is round(t * Num / (Den * Second)), half up, in 128-bit
// integer arithmetic: every cue of every file goes through it (T008), so
// it must not allocate. ok is false for negative times and results that do
// not fit, which frameAtBig handles.
func (r FrameRate) frameAtFast(t Time) (int64, bool) {
	if t < 0 || r.Num <= 0 || r.Den <= 0 {
		return 0, false
	}
	hi, dd := bits.Mul64(uint64(r.Den), uint64(Second))
	if hi != 0 {
		return 0, false
	}
	q, ok := mulDivRound(uint64(t), uint64(r.Num), dd)
	return int64(q), ok
}

// frameAtBig is frameAtFast for any value, through math/big.
func (r FrameRate) frameAtBig(t Time) int64 {
	n := new(big.Int).Mul(big.NewInt(int64(t)), big.NewInt(r.Num))
	d := new(big.Int).Mul(big.NewInt(r.Den), big.NewInt(int64(Second)))
	n.Mul(n, big.NewInt(2)).Add(n, d)
	d2 := new(big.Int).Mul(d, big.NewInt(2))
	return new(big.Int).Div(n, d2).Int64() // floor((2tN + D) / 2D) = round half up
}

// String gives "25" for integral rates and "24000/1001" otherwise.
func (r FrameRate) String() string {
	if r.IsZero() {
		return ""
	}
	if r.Num%r.Den == 0 {
		return strconv.FormatInt(r.Num/r.Den, 10)
	}
	return strconv.FormatInt(r.Num, 10) + "/" + strconv.FormatInt(r.Den, 10)
}

// ParseFrameRate accepts "25", "24000/1001", "30000:1001", and the common
// decimal spellings of NTSC-family rates ("23.976", "23.98", "29.97",
// "59.94", "47.952"), which mean the exact x000/1001 rate.
func ParseFrameRate(s string) (FrameRate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return FrameRate{}, fmt.Errorf("empty frame rate")
	}
	if i := strings.IndexAny(s, "/:"); i >= 0 {
		num, err1 := strconv.ParseInt(strings.TrimSpace(s[:i]), 10, 64)
		den, err2 := strconv.ParseInt(strings.TrimSpace(s[i+1:]), 10, 64)
		if err1 != nil || err2 != nil || num <= 0 || den <= 0 {
			return FrameRate{}, fmt.Errorf("frame rate %q: want N or N/D with positive integers", s)
		}
		return plausibleRate(FrameRate{num, den}.reduced(), s)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n <= 0 {
			return FrameRate{}, fmt.Errorf("frame rate %q must be positive", s)
		}
		return plausibleRate(FrameRate{n, 1}, s)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 || f > 1000 {
		return FrameRate{}, fmt.Errorf("frame rate %q is not a number", s)
	}
	// NTSC family: N*1000/1001 for integral N.
	for _, base := range []int64{24, 30, 48, 60, 120} {
		exact := float64(base) * 1000 / 1001
		if abs(f-exact) < 0.006 {
			return FrameRate{base * 1000, 1001}, nil
		}
	}
	if f == float64(int64(f)) {
		return plausibleRate(FrameRate{int64(f), 1}, s)
	}
	return FrameRate{}, fmt.Errorf("frame rate %q: use an exact N/D form such as 24000/1001", s)
}

// plausibleRate accepts rates from 1 to 1000 frames per second with a
// denominator of at most a million: beyond them no picture is timed, and
// frame arithmetic (n·Den·Second/Num) would overflow int64 and count any
// gap as frames long.
func plausibleRate(r FrameRate, s string) (FrameRate, error) {
	if r.Den > 1_000_000 || r.Num < r.Den || r.Num > 1000*r.Den {
		return FrameRate{}, fmt.Errorf("frame rate %q: want between 1 and 1000 frames per second (N/D with D at most 1000000)", s)
	}
	return r, nil
}

func (r FrameRate) reduced() FrameRate {
	a, b := r.Num, r.Den
	for b != 0 {
		a, b = b, a%b
	}
	return FrameRate{r.Num / a, r.Den / a}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// Snap returns the frame whose boundary is nearest to t: where a player or
// an editor such as Subtitle Edit shows a time given between two frames.
func (r FrameRate) Snap(t Time) int64 {
	// FrameAt less the boundary's time, which Snap does not need: the
	// frame rules snap both ends of every cue and gap.
	if r.IsZero() {
		return 0
	}
	if n, ok := r.frameAtFast(t); ok {
		return n
	}
	return r.frameAtBig(t)
}

// FrameSpan is the whole number of frames from a to b once each time is
// snapped to its nearest frame: the span a viewer sees. Thresholds stated
// in frames (a 2-frame gap, a 20-frame minimum duration, a tolerance of a
// few frames past the programme's end) compare against this, so the
// sub-frame jitter of tick- or millisecond-timed files does not count.
func (r FrameRate) FrameSpan(a, b Time) int64 { return r.Snap(b) - r.Snap(a) }

// A FrameGrid is a frame rate made ready to snap many times: the frame
// rules compare every gap of a file with the same rate. It keeps twice
// the rate's Den·Second and that number's reciprocal, so that a snap is a
// float multiplication put right with exact integer products instead of a
// 128-bit division, which costs several times more.
type FrameGrid struct {
	Rate FrameRate
	d2   uint64  // 2·Den·Second; 0 when the rate is zero or too fine for the shortcut
	inv  float64 // 1/d2
}

// Grid makes r ready for FrameGrid.SpanAtLeast.
func (r FrameRate) Grid() FrameGrid {
	g := FrameGrid{Rate: r}
	if hi, d := bits.Mul64(uint64(r.Den), uint64(Second)); !r.IsZero() && hi == 0 && d < 1<<60 {
		g.d2 = 2 * d
		g.inv = 1 / float64(g.d2)
	}
	return g
}

// snap is Rate.Snap(t) for 0 ≤ t with 2·t·Num + D < 2⁶² (D = Den·Second);
// false for any other t. Snap(t) = ⌊(2·t·Num + D) / 2D⌋, round half up.
func (g *FrameGrid) snap(t Time) (int64, bool) {
	if t < 0 || g.d2 == 0 {
		return 0, false
	}
	hi, x := bits.Mul64(2*uint64(t), uint64(g.Rate.Num))
	if hi != 0 || x >= 1<<62 {
		return 0, false
	}
	x += g.d2 / 2
	// Off by at most one for numbers this size; through int64, since x
	// < 2⁶² and the signed conversions are single instructions.
	q := uint64(int64(float64(int64(x)) * g.inv))
	for q > 0 && q*g.d2 > x {
		q--
	}
	for (q+1)*g.d2 <= x {
		q++
	}
	return int64(q), true
}

// SpanAtLeast reports whether Rate.FrameSpan(a, b) >= n, snapping only a:
// b reaches frame m = Snap(a)+n exactly when it is at or past the halfway
// point before that frame, 2·b·Num ≥ (2m−1)·Den·Second, which a product
// decides. The frame rules ask it of gaps near their threshold, which on
// a chained episode is most gaps.
func (g *FrameGrid) SpanAtLeast(a, b Time, n int64) bool {
	r := g.Rate
	if g.d2 == 0 || b < 0 || n < -1<<40 || n > 1<<40 {
		return r.FrameSpan(a, b) >= n
	}
	sa, ok := g.snap(a)
	if !ok {
		sa = r.Snap(a)
	}
	if sa < -1<<60 || sa > 1<<60 {
		return r.FrameSpan(a, b) >= n
	}
	m := sa + n
	if m <= 0 {
		return true // b ≥ 0 snaps to frame 0 or later
	}
	bHi, bLo := bits.Mul64(2*uint64(b), uint64(r.Num))
	mHi, mLo := bits.Mul64(uint64(2*m-1), g.d2/2)
	return bHi > mHi || bHi == mHi && bLo >= mLo
}

// InFrames measures t in frames at rate r, unrounded (for messages: a
// 0.074 s gap is 1.77 frames at 23.976 fps).
func (r FrameRate) InFrames(t Time) float64 {
	if r.IsZero() {
		return 0
	}
	return t.Seconds() * float64(r.Num) / float64(r.Den)
}
