package ttml

import (
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// lenientTime reads the time forms that are not TTML but that Apple Music's
// lyrics TTML (and tools that copy it) write, as they mean them: bare
// seconds "19.764" (no metric) and clock times with a short leading field,
// "3:58.640" (minutes:seconds) or "1:02:03.5" (one-digit hours). Minutes
// and seconds after the first field are two digits below 60. ok is false
// for anything else, which stays unreadable.
func lenientTime(s string) (cue.Time, bool) {
	s = trimXMLSpace(s)
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, false
	}
	last := parts[len(parts)-1]
	whole, frac, hasFrac := strings.Cut(last, ".")
	secs, n, ok := digits(whole, 0)
	if !ok || n == 0 || n != len(whole) {
		return 0, false
	}
	var t cue.Time
	if hasFrac {
		f, why := fraction(frac)
		if why != "" {
			return 0, false
		}
		t = f
	}
	if len(parts) > 1 && (n != 2 || secs > 59) {
		return 0, false
	}
	if secs > uint64(maxTime/cue.Second) {
		return 0, false
	}
	t += cue.Time(secs) * cue.Second
	unit := cue.Minute
	for k := len(parts) - 2; k >= 0; k-- {
		v, n, ok := digits(parts[k], 0)
		if !ok || n == 0 || n != len(parts[k]) || (k > 0 && (n != 2 || v > 59)) || v > uint64(maxTime/unit) {
			return 0, false
		}
		t += cue.Time(v) * unit
		unit = cue.Hour
	}
	if t > maxTime {
		return 0, false
	}
	return t, true
}

// lenientTimesMessage is the one finding for all the lenient times of a
// file: one authoring habit, not a defect per attribute.
func lenientTimesMessage(u *use) string {
	n := "1 time expression is"
	if u.n > 1 {
		n = strconv.Itoa(u.n) + " time expressions are"
	}
	return n + " not TTML time syntax (first here: " + u.value + "): bare seconds without a metric, or a clock " +
		"time with one-digit hours or minutes; read as seconds and [h:]m:ss, as Apple Music's lyrics TTML means them. " +
		"TTML requires hh:mm:ss.fff or a number with a metric (19.764s); strict players drop these cues"
}
