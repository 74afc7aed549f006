package srt

import (
	"encoding/binary"
	"strings"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
)

// deviation is a way a readable timestamp departs from HH:MM:SS,mmm.
type deviation uint8

const (
	devDot        deviation = 1 << iota // '.' before the milliseconds
	devColon                            // ':' before the milliseconds
	devNoHours                          // MM:SS,mmm
	devShortMs                          // 1 or 2 millisecond digits
	devNoMs                             // no milliseconds at all
	devWidth                            // a field that is not two digits
	devTrailing                         // text after the end time that is not an X1.. box
	devArrow                            // "->", "- >", "—>" and the like
	numDeviations = 8
)

var deviationText = [numDeviations]string{
	"'.' before the milliseconds; SRT uses ','",
	"':' before the milliseconds; SRT uses ','",
	"no hours field (MM:SS,mmm); SRT uses HH:MM:SS,mmm",
	"fewer than 3 millisecond digits, read as milliseconds (\",97\" = 97 ms, as ffmpeg, pysrt and python-srt read it; a tool that reads a decimal fraction shows 970 ms); write three digits",
	"no milliseconds; SRT uses HH:MM:SS,mmm",
	"an hours, minutes or seconds field that is not two digits",
	"text after the end time that is not an X1:.. X2:.. Y1:.. Y2:.. box",
	"a mistyped arrow instead of \"-->\" (read anyway); players such as ffmpeg drop these cues",
}

// timing is a parsed timing line.
type timing struct {
	start, end cue.Time
	settings   string    // text after the end time
	dev        deviation // deviations seen on this line
	rangeMsg   string    // a minutes/seconds field of 60 or more, if any
	// startAt/endAt are the byte ranges of the two timestamps in the line.
	startAt, endAt [2]int
}

// isTimingCandidate reports whether a line is meant as a timing line, so
// that one we cannot read is reported as a bad timing line rather than
// taken for text: a "-->" with only timestamp characters before it, or a
// line starting HH:MM:SS that goes on to a '>' (a mistyped arrow). Cue text
// such as "Go --> there" stays text.
func isTimingCandidate(s string) bool {
	// Every line of a file is asked, so the common answers come without a
	// search of the line: the first "-->" has only timestamp characters
	// before it exactly when those characters run up to a "-->".
	k := 0
	for k < len(s) && timestampChar(s[k]) {
		k++
	}
	if k >= 2 && k < len(s) && s[k] == '>' && s[k-2:k] == "--" {
		return true
	}
	t := s
	for len(t) > 0 && (t[0] == ' ' || t[0] == '\t') {
		t = t[1:]
	}
	// HH:MM or H:MM: the first ':' is the line's second or third character.
	if len(t) < 3 || !digit(t[0]) {
		return false
	}
	c := strings.IndexByte(t[:3], ':')
	if c < 1 || !digit(t[c-1]) || c+1 >= len(t) || !digit(t[c+1]) {
		return false
	}
	if strings.Contains(s, "-->") {
		return false // an arrow after other text: "12:30 Go --> there"
	}
	// A second time must follow the '>': "12:30 -> meeting" is text.
	gt := strings.IndexByte(t, '>')
	if gt < 0 {
		return false
	}
	after := t[gt+1:]
	for len(after) > 0 && (after[0] == ' ' || after[0] == '\t' || after[0] == '>') {
		after = after[1:]
	}
	return len(after) > 0 && (digit(after[0]) || after[0] == '-')
}

// timestampChar reports the characters an SRT timestamp and the space
// around it are written with.
func timestampChar(c byte) bool { return timestampChars[c] }

// timestampChars holds timestampChar's answer for each byte: a look-up is
// cheaper than the comparisons in the loop that every line of a file runs.
var timestampChars = func() (t [256]bool) {
	for _, c := range []byte("0123456789:,.- \t") {
		t[c] = true
	}
	return t
}()

// arrowLen returns the length of the arrow at the start of s: "-->" or a
// mistyped one ("->", "- >", "--->", "—>", "==>"): dashes, en or em dashes
// or '=' (spaces allowed among them), then one or two '>'. 0 if none.
func arrowLen(s string) int {
	p, dashes := 0, 0
	for p < len(s) {
		switch {
		case s[p] == '-' || s[p] == '=':
			p++
			dashes++
		case strings.HasPrefix(s[p:], "\u2013") || strings.HasPrefix(s[p:], "\u2014"):
			p += 3
			dashes++
		case s[p] == ' ' && dashes > 0:
			p++
		default:
			if dashes == 0 || p >= len(s) || s[p] != '>' {
				return 0
			}
			p++
			if p < len(s) && s[p] == '>' {
				p++
			}
			return p
		}
	}
	return 0
}

func digit(c byte) bool { return '0' <= c && c <= '9' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\f' || c == '\v' }

// parseTiming reads "start --> end [settings]". err says what is wrong with
// a line that cannot be read.
func parseTiming(s string) (t timing, err string) {
	if t, ok := canonicalTiming(s); ok {
		return t, ""
	}
	return parseTimingLine(s)
}

// parseTimingLine is parseTiming for any spelling of a timing line.
func parseTimingLine(s string) (t timing, err string) {
	p := 0
	for p < len(s) && isSpace(s[p]) {
		p++
	}
	var rng string
	t.startAt[0] = p
	t.start, p, err = parseTimestamp(s, p, &t.dev, &rng)
	t.startAt[1] = p
	if err != "" {
		return t, "start time: " + err
	}
	for p < len(s) && isSpace(s[p]) {
		p++
	}
	arrow := arrowLen(s[p:])
	if arrow == 0 {
		return t, "no \"-->\" after the start time"
	}
	if s[p:p+arrow] != "-->" {
		t.dev |= devArrow
	}
	p += arrow
	for p < len(s) && isSpace(s[p]) {
		p++
	}
	if p == len(s) {
		return t, "no end time"
	}
	t.endAt[0] = p
	t.end, p, err = parseTimestamp(s, p, &t.dev, &rng)
	t.endAt[1] = p
	if err != "" {
		return t, "end time: " + err
	}
	if p < len(s) && !isSpace(s[p]) {
		return t, "unexpected " + quoteRest(s[p:]) + " after the end time"
	}
	t.settings = strings.TrimSpace(s[p:])
	if t.settings != "" && !(len(t.settings) >= 3 && (t.settings[0]|0x20) == 'x' && t.settings[1] == '1' && t.settings[2] == ':') {
		t.dev |= devTrailing
	}
	t.rangeMsg = rng
	return t, ""
}

// canonicalLen is the length of "HH:MM:SS,mmm --> HH:MM:SS,mmm".
const canonicalLen = 29

// Where a canonical line's two timestamps are.
var canonicalStartAt, canonicalEndAt = [2]int{0, 12}, [2]int{17, canonicalLen}

// canonicalTiming reads the one timing line nearly every cue of every file
// has, "HH:MM:SS,mmm --> HH:MM:SS,mmm" to the byte, from fixed places
// instead of parsing it; ok is false for any other line (settings after
// it, another spelling, minutes or seconds of 60 or more), which the
// general parser reads. Both read a canonical line alike
// (TestCanonicalTimingReadsAsTheGeneralParser).
func canonicalTiming(s string) (t timing, ok bool) {
	t.start, t.end, ok = canonicalTimes(s)
	if ok {
		t.startAt, t.endAt = canonicalStartAt, canonicalEndAt
	}
	return t, ok
}

// canonicalShape reports whether s has the shape of a canonical timing
// line, " --> " where it goes and bytes from ',' to ':' but '/' (digits,
// ':', ',', '.', '-': timestamp characters all) in the 24 other places:
// then isTimingCandidate's first test holds. It reads four words, not 15
// bytes one by one as that test does.
func canonicalShape(s string) bool {
	if len(s) != canonicalLen || s[12:17] != " --> " {
		return false
	}
	b := unsafe.Slice(unsafe.StringData(s), canonicalLen) // read only
	le := binary.LittleEndian
	return outOfPlace(le.Uint64(b[0:]))|outOfPlace(le.Uint64(b[4:]))|
		outOfPlace(le.Uint64(b[17:]))|outOfPlace(le.Uint64(b[21:])) == 0
}

// outOfPlace has the high bit of each byte of x that is not a timestamp
// character from ',' to ':' (digits, ':', ',', '.', '-'; '/' left out),
// and perhaps others: zero when all eight are. Bytes under 0x80 do not
// carry into the next when 0x54 (0x80 less ',') or 0x45 (0x7F less ':')
// is added: the sum's high bit says the byte is at least ',', or beyond
// ':'.
func outOfPlace(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	slash := x ^ ('/' * ones)
	return (x | ^(x + (0x80-',')*ones) | (x + (0x7F-':')*ones) | (slash-ones)&^slash) & highs
}

// canonicalTimes is canonicalTiming's reading of the two times alone, for
// the reader to fill its timing in place: a timing returned by value (some
// 90 bytes, copied on return) cost more than reading the times.
func canonicalTimes(s string) (start, end cue.Time, ok bool) {
	if len(s) != canonicalLen || s[12:17] != " --> " {
		return 0, 0, false
	}
	start, ok1 := canonicalTimestamp(s[:12])
	end, ok2 := canonicalTimestamp(s[17:])
	return start, end, ok1 && ok2
}

// canonicalTimestamp reads "HH:MM:SS,mmm" with minutes and seconds under 60.
func canonicalTimestamp(s string) (cue.Time, bool) { return cue.ReadClock(s, ',') }

func quoteRest(s string) string {
	if len(s) > 12 {
		s = s[:12] + "…"
	}
	return "\"" + s + "\""
}

// parseTimestamp reads [-][H:]MM:SS[(,|.|:)m[m[m]]] at s[p]. Hours may have
// any number of digits (within range); minutes and seconds up to three (a
// "013" seconds field occurs in real files).
func parseTimestamp(s string, p int, dev *deviation, rng *string) (cue.Time, int, string) {
	start := p
	neg := false
	if p < len(s) && s[p] == '-' {
		neg = true
		p++
	}
	var f [3]int64
	var w [3]int
	n := 0
	for {
		q := p
		var v int64
		for p < len(s) && digit(s[p]) {
			if p-q < 12 {
				v = v*10 + int64(s[p]-'0')
			}
			p++
		}
		if p == q {
			if n == 0 {
				return 0, p, "expected digits"
			}
			return 0, p, "expected digits after ':'"
		}
		f[n], w[n] = v, p-q
		n++
		if n < 3 && p+1 < len(s) && s[p] == ':' && digit(s[p+1]) {
			// A third ':' group is milliseconds ("00:00:01:500"), handled below.
			p++
			continue
		}
		break
	}
	if n < 2 {
		return 0, p, "expected HH:MM:SS,mmm"
	}
	h, m, sec := int64(0), f[0], f[1]
	wh, wm, ws := 2, w[0], w[1]
	if n == 3 {
		h, m, sec = f[0], f[1], f[2]
		wh, wm, ws = w[0], w[1], w[2]
	} else {
		*dev |= devNoHours
	}
	var ms int64
	if p < len(s) && (s[p] == ',' || s[p] == '.' || (s[p] == ':' && n == 3)) {
		switch s[p] {
		case '.':
			*dev |= devDot
		case ':':
			*dev |= devColon
		}
		p++
		q := p
		for p < len(s) && digit(s[p]) {
			p++
		}
		switch d := p - q; {
		case d == 0:
			return 0, p, "no digits after the millisecond separator"
		case d > 3:
			return 0, p, "too many millisecond digits (" + s[q:p] + ")"
		default:
			// The digits are a number of milliseconds whatever their
			// count, as ffmpeg, pysrt and python-srt read them: ",97" is
			// 97 ms. Files that carry such times mean it (in
			// Annie_Hall_-_Eng_25fps.srt a cue "00:11:01,97 --> 00:11:01,831"
			// would otherwise end before it starts).
			for k := q; k < p; k++ {
				ms = ms*10 + int64(s[k]-'0')
			}
			if d < 3 {
				*dev |= devShortMs
			}
		}
	} else {
		*dev |= devNoMs
	}
	switch {
	case wh > 7 || h > 1_000_000:
		return 0, p, "hours out of range"
	case wm > 3 || ws > 3:
		return 0, p, "minutes or seconds field too long"
	}
	if wh != 2 || wm != 2 || ws != 2 {
		*dev |= devWidth
	}
	t := cue.Time(h)*cue.Hour + cue.Time(m)*cue.Minute + cue.Time(sec)*cue.Second + cue.Time(ms)*cue.Millisecond
	if (m >= 60 || sec >= 60) && *rng == "" {
		*rng = "timestamp " + strings.TrimSpace(s[start:p]) + " has minutes or seconds of 60 or more (read as " + t.String() + ")"
	}
	if neg {
		t = -t
	}
	return t, p, ""
}
