package ttml

import (
	"github.com/exportqc/exportqc/qc/cue"
)

type timeBase uint8

const (
	baseMedia timeBase = iota
	baseSMPTE
	baseClock
)

func (b timeBase) String() string {
	switch b {
	case baseSMPTE:
		return "smpte"
	case baseClock:
		return "clock"
	}
	return "media"
}

type dropMode uint8

const (
	nonDrop dropMode = iota
	dropNTSC
	dropPAL
)

// params are the timing parameters of the tt element (TTML1 §6.2) that
// time expressions need.
type params struct {
	frameRate    int64 // ttp:frameRate; TTML1's default 30 when not declared
	frameRateSet bool
	mulNum       int64 // ttp:frameRateMultiplier numerator (default 1)
	mulDen       int64
	subFrameRate int64 // ttp:subFrameRate (default 1)
	// Ticks per second as a ratio: the default (frame rate × sub-frame
	// rate) is fractional for 1000/1001 rates.
	tickNum, tickDen int64
	tickRateSet      bool
	base             timeBase
	drop             dropMode
	dropSet          bool // ttp:dropMode given (iTT wants it explicit)
	discontinuous    bool // ttp:markerMode="discontinuous"
}

func defaultParams() params {
	return params{frameRate: 30, mulNum: 1, mulDen: 1, subFrameRate: 1, tickNum: 1, tickDen: 1}
}

// settle fills the defaults that depend on other parameters: TTML1 §6.2.10
// says ticks are sub-frames of the effective frame rate when a frame rate
// is declared and no tick rate is, and one per second otherwise.
func (p *params) settle() {
	if p.tickRateSet {
		return
	}
	if p.frameRateSet {
		p.tickNum = p.frameRate * p.mulNum * p.subFrameRate
		p.tickDen = p.mulDen
	} else {
		p.tickNum, p.tickDen = 1, 1
	}
}

// effectiveRate is ttp:frameRate × ttp:frameRateMultiplier, reduced.
func (p *params) effectiveRate() cue.FrameRate {
	return reduceRate(p.frameRate*p.mulNum, p.mulDen)
}

func reduceRate(num, den int64) cue.FrameRate {
	a, b := num, den
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return cue.FrameRate{}
	}
	return cue.FrameRate{Num: num / a, Den: den / a}
}

// Kinds of time expression, as bits: what a document's time precision and
// IMSC's "declare the rate you use" constraints depend on.
const (
	usesFrames  uint8 = 1 << iota // clock frames component or the "f" metric
	usesTicks                     // the "t" metric
	smpteFormed                   // written hh:mm:ss:ff[.sub], as iTT wants
)

// parseTime reads a TTML1 §10.3.1 time expression:
//
//	clock-time:  hh:mm:ss | hh:mm:ss.fraction | hh:mm:ss:frames | hh:mm:ss:frames.sub-frames
//	offset-time: N[.F](h|m|s|ms|f|t)
//
// It returns the time in flicks, the kind bits, and a non-empty reason when
// the expression is malformed (the caller turns it into a diagnostic).
// Leading and trailing XML whitespace is tolerated; inner whitespace is not.
func (p *params) parseTime(s string) (cue.Time, uint8, string) {
	// The common hh:mm:ss.fff first: a string it takes begins and ends
	// with a digit, so trimming would not have changed it.
	if t, ok := millisClock(s); ok {
		return t, 0, ""
	}
	s = trimXMLSpace(s)
	if s == "" {
		return 0, 0, "empty time expression"
	}
	if t, ok := millisClock(s); ok {
		return t, 0, ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return p.parseClock(s)
		}
	}
	return p.parseOffset(s)
}

// millisClock reads the clock time nearly every delivery writes,
// hh:mm:ss.fff, at fixed places (cue.ReadClock, as the SRT and WebVTT
// readers do), as parseClock would read it; ok is false for anything else
// (a leap second 60 among it), which parseClock then reads.
func millisClock(s string) (cue.Time, bool) {
	if len(s) != len("00:00:00.000") {
		return 0, false
	}
	return cue.ReadClock(s, '.')
}

func (p *params) parseClock(s string) (cue.Time, uint8, string) {
	h, n, ok := digits(s, 0)
	if !ok {
		return 0, 0, "hours value too large"
	}
	if n < 2 {
		return 0, 0, "hours need at least two digits"
	}
	i := n
	if i >= len(s) || s[i] != ':' {
		return 0, 0, "expected ':' after hours"
	}
	m, n, _ := digits(s, i+1)
	if n != 2 {
		return 0, 0, "minutes need exactly two digits"
	}
	i += 1 + n
	if i >= len(s) || s[i] != ':' {
		return 0, 0, "expected ':' after minutes"
	}
	sec, n, _ := digits(s, i+1)
	if n != 2 {
		return 0, 0, "seconds need exactly two digits"
	}
	i += 1 + n
	if m > 59 {
		return 0, 0, "minutes exceed 59"
	}
	if sec > 60 { // 60 is allowed: TTML1 permits a leap second
		return 0, 0, "seconds exceed 60"
	}
	if h > uint64(maxTime/cue.Hour) {
		return 0, 0, "time is out of range"
	}
	whole := h*3600 + m*60 + sec
	if i == len(s) {
		return cue.Time(whole) * cue.Second, 0, ""
	}
	switch s[i] {
	case '.':
		frac, why := fraction(s[i+1:])
		if why != "" {
			return 0, 0, why
		}
		return cue.Time(whole)*cue.Second + frac, 0, ""
	case ':':
		if p.base == baseClock {
			return 0, 0, "a frames component is not allowed with ttp:timeBase=\"clock\""
		}
		f, n, ok := digits(s, i+1)
		if !ok || n < 2 {
			return 0, 0, "frames need at least two digits"
		}
		i += 1 + n
		var sub uint64
		if i < len(s) {
			if s[i] != '.' {
				return 0, 0, "unexpected character after frames"
			}
			var ok bool
			sub, n, ok = digits(s, i+1)
			if !ok || n == 0 || i+1+n != len(s) {
				return 0, 0, "sub-frames need digits only"
			}
			if sub >= uint64(p.subFrameRate) {
				return 0, 0, "sub-frames reach the sub-frame rate"
			}
		}
		if f >= uint64(p.frameRate) {
			return 0, 0, "frames reach the frame rate"
		}
		t, ok := p.clockFrames(h, m, sec, f, sub)
		if !ok {
			return 0, 0, "time is out of range"
		}
		return t, usesFrames | smpteFormed, ""
	}
	return 0, 0, "unexpected character after seconds"
}

// clockFrames converts hh:mm:ss:ff.sub. With ttp:timeBase="media" the
// hh:mm:ss part is real seconds and only the frames are at the effective
// rate; with "smpte" the whole value is a timecode label, counted as frames
// at the nominal rate (minus the labels a drop mode skips) and then timed
// at the effective rate, so 00:00:01:00 at 30 × 1000/1001 is 1.001 s.
func (p *params) clockFrames(h, m, s, f, sub uint64) (cue.Time, bool) {
	sfr := uint64(p.subFrameRate)
	den, ok1 := mulCheck(uint64(p.frameRate), uint64(p.mulNum))
	den, ok2 := mulCheck(den, sfr)
	num, ok3 := mulCheck(uint64(p.mulDen), uint64(cue.Second))
	if !ok1 || !ok2 || !ok3 {
		return 0, false
	}
	if p.base == baseSMPTE {
		label := (h*3600+m*60+s)*uint64(p.frameRate) + f
		minutes := h*60 + m
		switch p.drop {
		case dropNTSC: // 2 labels per minute (4 at 60 fps), except every tenth minute
			label -= uint64(cue.DroppedBefore(int64(minutes), int64(p.frameRate)))
		case dropPAL: // 4 labels every even minute, except every tenth minute
			label -= 4 * (minutes/2 - minutes/10)
		}
		x, ok := mulCheck(label, sfr)
		if !ok {
			return 0, false
		}
		v, ok := mulDivRound(x+sub, num, den)
		if !ok || v > uint64(maxTime) {
			return 0, false
		}
		return cue.Time(v), true
	}
	v, ok := mulDivRound(f*sfr+sub, num, den)
	if !ok || v > uint64(maxTime) {
		return 0, false
	}
	t := cue.Time(h*3600+m*60+s)*cue.Second + cue.Time(v)
	return t, t <= maxTime
}

func (p *params) parseOffset(s string) (cue.Time, uint8, string) {
	whole, n, ok := digits(s, 0)
	if !ok {
		return 0, 0, "time is out of range"
	}
	if n == 0 {
		return 0, 0, "not a clock time or an offset time"
	}
	i := n
	fracStart, fracEnd := i, i
	if i < len(s) && s[i] == '.' {
		_, fn, _ := digits(s, i+1)
		if fn == 0 {
			return 0, 0, "a fraction needs digits"
		}
		fracStart, fracEnd = i+1, i+1+fn
		i = fracEnd
	}
	var unitNum, unitDen uint64
	var kind uint8
	switch s[i:] {
	case "h":
		unitNum, unitDen = uint64(cue.Hour), 1
	case "m":
		unitNum, unitDen = uint64(cue.Minute), 1
	case "s":
		unitNum, unitDen = uint64(cue.Second), 1
	case "ms":
		unitNum, unitDen = uint64(cue.Millisecond), 1
	case "f":
		num, ok1 := mulCheck(uint64(p.mulDen), uint64(cue.Second))
		den, ok2 := mulCheck(uint64(p.frameRate), uint64(p.mulNum))
		if !ok1 || !ok2 {
			return 0, 0, "time is out of range"
		}
		unitNum, unitDen, kind = num, den, usesFrames
	case "t":
		num, ok := mulCheck(uint64(p.tickDen), uint64(cue.Second))
		if !ok {
			return 0, 0, "time is out of range"
		}
		unitNum, unitDen, kind = num, uint64(p.tickNum), usesTicks
	case "":
		return 0, 0, "missing metric (h, m, s, ms, f or t)"
	default:
		return 0, 0, "unknown metric \"" + s[i:] + "\" (metrics are h, m, s, ms, f, t; lower case)"
	}
	// value = (whole + frac/10^k) × unitNum/unitDen, computed as one
	// fraction so that e.g. 6.7t rounds once. Fraction digits past what
	// 64 bits hold are far below a flick and are dropped.
	for k := fracEnd - fracStart; ; k-- {
		if v, ok, fits := scaled(whole, s[fracStart:fracStart+k], unitNum, unitDen); fits {
			if !ok || v > uint64(maxTime) { // compare unsigned: a cast could wrap negative
				return 0, 0, "time is out of range"
			}
			return cue.Time(v), kind, ""
		}
		if k == 0 {
			return 0, 0, "time is out of range"
		}
	}
}

// scaled computes round((whole + 0.frac) × num/den). fits is false when the
// intermediate mantissa or scale overflows 64 bits (the caller drops a
// fraction digit and retries); ok is false when the result itself does.
func scaled(whole uint64, frac string, num, den uint64) (v uint64, ok, fits bool) {
	mant, scale := whole, uint64(1)
	for i := 0; i < len(frac); i++ {
		if mant, fits = mulCheck(mant, 10); !fits {
			return 0, false, false
		}
		if mant += uint64(frac[i] - '0'); mant < uint64(frac[i]-'0') {
			return 0, false, false
		}
		if scale, fits = mulCheck(scale, 10); !fits {
			return 0, false, false
		}
	}
	d, fits := mulCheck(scale, den)
	if !fits {
		return 0, false, false
	}
	v, ok = mulDivRound(mant, num, d)
	return v, ok, true
}

// fraction converts the digits after "hh:mm:ss." to flicks.
func fraction(s string) (cue.Time, string) {
	if s == "" {
		return 0, "a fraction needs digits"
	}
	var mant, scale uint64 = 0, 1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, "unexpected character in fraction"
		}
		if i < 18 { // later digits are far below a flick
			mant = mant*10 + uint64(c-'0')
			scale *= 10
		}
	}
	if len(s) < len(flicksPerUnit) {
		// A second divides evenly into tenths down to hundred-thousandths:
		// no rounding, so no 128-bit division.
		return cue.Time(mant * flicksPerUnit[len(s)]), ""
	}
	v, _ := mulDivRound(mant, uint64(cue.Second), scale) // mant < scale: cannot overflow
	return cue.Time(v), ""
}

// flicksPerUnit[n] is how many flicks the last digit of an n-digit
// fraction of a second is worth, for the n where that is a whole number.
var flicksPerUnit = [...]uint64{1: uint64(cue.Second) / 10, uint64(cue.Second) / 100, uint64(cue.Second) / 1000,
	uint64(cue.Second) / 10_000, uint64(cue.Second) / 100_000}

// digits reads a run of ASCII digits at s[i:], returning its value, its
// length and false if the value overflows uint64 (the length still counts
// every digit).
func digits(s string, i int) (uint64, int, bool) {
	var v uint64
	ok := true
	n := 0
	for i+n < len(s) {
		c := s[i+n]
		if c < '0' || c > '9' {
			break
		}
		if v > (1<<64-1-9)/10 {
			ok = false
		} else {
			v = v*10 + uint64(c-'0')
		}
		n++
	}
	return v, n, ok
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func trimXMLSpace(s string) string {
	for len(s) > 0 && isXMLSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isXMLSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}
