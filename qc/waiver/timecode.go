package waiver

import (
	"fmt"
	"strconv"
	"strings"
)

// parseAt reads an "at" condition: one timecode, or a range "A-B" with
// both ends included. Timecodes are HH:MM:SS with an optional fraction of
// one to three digits after '.' or ',' (the SRT spelling): what people copy
// from a report or a subtitle editor. Frame timecodes (HH:MM:SS:FF) are
// refused: they need a frame rate, and the report prints milliseconds.
func parseAt(s string) (*span, error) {
	s = strings.TrimSpace(s)
	a, b, isRange := strings.Cut(s, "-")
	lo, err := parseMillis(a)
	if err != nil {
		return nil, err
	}
	if !isRange {
		return &span{lo, lo}, nil
	}
	hi, err := parseMillis(b)
	if err != nil {
		return nil, err
	}
	if hi < lo {
		return nil, fmt.Errorf("range %q ends before it starts", s)
	}
	return &span{lo, hi}, nil
}

func parseMillis(s string) (int64, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("timecode %q: want HH:MM:SS or HH:MM:SS.mmm, or a range of two", s)
	hms, frac, hasFrac := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	parts := strings.Split(hms, ":")
	if len(parts) != 3 || (hasFrac && (len(frac) == 0 || len(frac) > 3)) {
		return 0, bad
	}
	var v [3]int64
	for i, p := range parts {
		n, ok := digits(p, 1, 7)
		if !ok || (i > 0 && (len(p) != 2 || n > 59)) {
			return 0, bad
		}
		v[i] = n
	}
	ms := ((v[0]*60+v[1])*60 + v[2]) * 1000
	if hasFrac {
		n, ok := digits(frac, 1, 3)
		if !ok {
			return 0, bad
		}
		for i := len(frac); i < 3; i++ {
			n *= 10 // ".5" is 500 ms
		}
		ms += n
	}
	return ms, nil
}

// digits parses an unsigned decimal of min..max digits and nothing else.
func digits(s string, min, max int) (int64, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}
