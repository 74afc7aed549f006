package webvtt

import "github.com/exportqc/exportqc/qc/cue"

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWS is the spec's "ASCII whitespace" (LF and CR cannot occur in a line).
func isWS(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// maxHours keeps times within the range of cue.Time; the spec has no limit,
// but no subtitle runs for a century.
const maxHours = 1_000_000

// timestamp runs the spec's "collect a WebVTT timestamp" at s[p]: hh:mm:ss.ttt
// or mm:ss.ttt, with exactly two digits for minutes and seconds, exactly
// three for the fraction, and hours of any width (or minutes written with
// other than two digits, which then count as hours).
func timestamp(s string, p int) (cue.Time, int, string) {
	if t, ok := canonicalTimestamp(s, p); ok {
		return t, p + 12, ""
	}
	return collectTimestamp(s, p)
}

// collectTimestamp is timestamp's reading digit by digit, for any form.
func collectTimestamp(s string, p int) (cue.Time, int, string) {
	if p >= len(s) || !isDigit(s[p]) {
		return 0, p, "expected a digit"
	}
	v1, n1, p := digits(s, p)
	hours := n1 != 2 || v1 > 59
	if p >= len(s) || s[p] != ':' {
		return 0, p, "expected ':'"
	}
	p++
	v2, n2, p := digits(s, p)
	if n2 != 2 {
		return 0, p, "minutes and seconds need exactly two digits"
	}
	var v3 int64
	if hours || (p < len(s) && s[p] == ':') {
		if p >= len(s) || s[p] != ':' {
			return 0, p, "expected ':' before the seconds"
		}
		p++
		var n3 int
		v3, n3, p = digits(s, p)
		if n3 != 2 {
			return 0, p, "minutes and seconds need exactly two digits"
		}
	} else {
		v1, v2, v3 = 0, v1, v2
	}
	if p >= len(s) || s[p] != '.' {
		return 0, p, "expected '.' and three digits of milliseconds"
	}
	p++
	v4, n4, p := digits(s, p)
	if n4 != 3 {
		return 0, p, "milliseconds need exactly three digits"
	}
	if v2 > 59 || v3 > 59 {
		return 0, p, "minutes or seconds above 59"
	}
	if n1 > 12 || v1 > maxHours {
		return 0, p, "hours out of range"
	}
	return cue.Time(v1)*cue.Hour + cue.Time(v2)*cue.Minute + cue.Time(v3)*cue.Second + cue.Time(v4)*cue.Millisecond, p, ""
}

// canonicalTimestamp reads the timestamp nearly every cue is written
// with, "HH:MM:SS.mmm" (no digit after it, minutes and seconds under 60),
// from fixed places; timestamp reads such a one alike, digit by digit
// (TestCanonicalTimestampReadsAsTheGeneralPath), and every other.
func canonicalTimestamp(s string, p int) (cue.Time, bool) {
	if p < 0 || len(s)-p < 12 || len(s)-p > 12 && isDigit(s[p+12]) {
		return 0, false
	}
	return cue.ReadClock(s[p:], '.')
}

// digits collects ASCII digits at s[p]; the value saturates (callers check
// the count) so that long runs cannot overflow.
func digits(s string, p int) (v int64, n int, next int) {
	for p < len(s) && isDigit(s[p]) {
		if n < 15 {
			v = v*10 + int64(s[p]-'0')
		}
		n++
		p++
	}
	return v, n, p
}

// timing is a parsed cue timing line.
type timing struct {
	start, end cue.Time
	settings   string // the remainder after the end time, trimmed
	// startAt/endAt are the byte ranges of the two timestamps in the line.
	startAt, endAt [2]int
}

// parseTiming runs "collect WebVTT cue timings and settings" on a line.
func parseTiming(s string) (t timing, err string) {
	// The timing line of nearly every cue: "HH:MM:SS.mmm --> HH:MM:SS.mmm"
	// and perhaps settings, read from fixed places; the steps below read
	// it alike (TestCanonicalTimingReadsAsTheGeneralPath).
	// (canonicalTimestamp's test of the byte after each time is made here
	// once: the start time is followed by the arrow's space.)
	if len(s) >= 29 && s[12:17] == " --> " && (len(s) == 29 || !isDigit(s[29])) {
		start, ok1 := cue.ReadClock(s, '.')
		end, ok2 := cue.ReadClock(s[17:], '.')
		if ok1 && ok2 {
			t.start, t.end, t.startAt, t.endAt = start, end, [2]int{0, 12}, [2]int{17, 29}
			t.settings = trimWS(s[29:])
			return t, ""
		}
	}
	return collectTiming(s)
}

// collectTiming is parseTiming's reading step by step, for any form.
func collectTiming(s string) (t timing, err string) {
	p := skipWS(s, 0)
	t.startAt[0] = p
	t.start, p, err = timestamp(s, p)
	t.startAt[1] = p
	if err != "" {
		return t, "start time: " + err
	}
	p = skipWS(s, p)
	if len(s)-p < 3 || s[p:p+3] != "-->" {
		return t, "expected \"-->\" after the start time"
	}
	p = skipWS(s, p+3)
	t.endAt[0] = p
	t.end, p, err = timestamp(s, p)
	t.endAt[1] = p
	if err != "" {
		return t, "end time: " + err
	}
	t.settings = trimWS(s[p:])
	return t, ""
}

// trimWS removes ASCII whitespace from both ends of s.
func trimWS(s string) string {
	for s != "" && isWS(s[0]) {
		s = s[1:]
	}
	for s != "" && isWS(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func skipWS(s string, p int) int {
	for p < len(s) && isWS(s[p]) {
		p++
	}
	return p
}
