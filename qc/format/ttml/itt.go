package ttml

import (
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// negativeOffset reads Apple's iTT convention of a negative begin on the
// body or a div, "-01:00:00:00", which moves programme timecodes that start
// at 01:00:00:00 to zero (Apple's "iTunes Timed Text Example" in the iTunes
// Package Film Specification writes <div begin="-01:00:00:00">). TTML has
// no negative times, so this is accepted only in documents recognised as
// iTT, only on body and div, and only as a minus sign before an otherwise
// valid time expression. applies is false when the convention does not
// apply (the caller reads the value as usual); otherwise ok says whether
// the time after the sign was valid (a malformed one is reported).
func (r *reader) negativeOffset(kind elemKind, v string, pos at) (magnitude cue.Time, applies, ok bool) {
	if r.doc.Profile != "itt" || kind != kBody && kind != kDiv {
		return 0, false, false
	}
	rest, neg := strings.CutPrefix(trimXMLSpace(v), "-")
	if !neg {
		return 0, false, false
	}
	t, ok := r.timeAttr("begin", rest, pos)
	return t, true, ok
}
