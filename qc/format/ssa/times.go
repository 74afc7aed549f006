package ssa

import (
	"math"
	"strconv"
	"strings"
)

// maxHours bounds an SSA time: 99,999,999 hours would overflow the
// library's nanosecond clock into a negative time (a cue 8.9e9 s long).
// Nothing real comes near it.
const maxHours = 1_000_000

// checkTime says what is wrong with an H:MM:SS.cc time field, or "" when
// nothing is: empty, not three colon-separated numbers, negative, or out
// of range (minutes and seconds may overflow too: "0:00:99999999999999.00").
// It is asked of Start, then End, and the first problem is reported: a
// time the library would reject must be caught here, or a bad End would
// be named while the bad Start before it was not.
func checkTime(v string) string {
	if strings.HasPrefix(v, "-") {
		return "is negative"
	}
	parts := strings.Split(v, ":")
	if len(parts) == 4 && allDigits(parts) {
		// A timecode habit (frames or centiseconds after a colon): the
		// library's own words for it ("No hours, minutes or seconds
		// detected") send the reader looking in the wrong place.
		if len(parts[3]) > 2 {
			return "is not H:MM:SS.cc (centiseconds follow a full stop, not a colon)"
		}
		return "is not H:MM:SS.cc (centiseconds follow a full stop, not a colon: " +
			strings.Join(parts[:3], ":") + "." + parts[3] + " if " + parts[3] + " are centiseconds)"
	}
	if strings.TrimSpace(v) == "" {
		return "is empty"
	}
	if len(parts) != 3 {
		return "is not H:MM:SS.cc"
	}
	var secs float64
	for i, unit := range [3]float64{3600, 60, 1} {
		f := strings.TrimSpace(parts[i])
		if strings.HasPrefix(f, "-") {
			return "is negative"
		}
		n, err := strconv.ParseFloat(f, 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			if strings.Trim(f, "0123456789.") == "" && f != "" {
				return "is out of range (over " + strconv.Itoa(maxHours) + " hours)"
			}
			return "is not H:MM:SS.cc" // said here, not by the library, so that Start is named before End
		}
		secs += n * unit
	}
	if secs > maxHours*3600 {
		return "is out of range (over " + strconv.Itoa(maxHours) + " hours)"
	}
	return ""
}

// allDigits reports whether every field is one or more ASCII digits.
func allDigits(fields []string) bool {
	for _, f := range fields {
		if f == "" || strings.Trim(f, "0123456789") != "" {
			return false
		}
	}
	return true
}

// layerValue reads a Layer field as libass does (the leading integer, 0
// if there is none); ok is false when the field is not just an integer.
func layerValue(v string) (layer int, ok bool) {
	if n, err := strconv.Atoi(v); err == nil {
		return n, true
	}
	end := 0
	if end < len(v) && (v[0] == '-' || v[0] == '+') {
		end++
	}
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(v[:end])
	return n, false
}

// layerRegion names the layer an event is drawn on ("" without layers).
func layerRegion(layer string) string {
	if layer == "" {
		return ""
	}
	return "layer " + layer
}
