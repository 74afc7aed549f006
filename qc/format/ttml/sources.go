package ttml

import (
	"regexp"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// pTiming says which of a <p>'s own time attributes a fix may rewrite: a
// begin and an end written on the p itself (no dur, no iTT negative
// offset), in a par container (in a seq one, moving an end would move every
// later sibling).
type pTiming struct{ ok bool }

func pTimingOf(a *attrs, parent *frame) pTiming {
	return pTiming{ok: a.hasBegin && a.hasEnd && !a.hasDur && !parent.seq &&
		!strings.HasPrefix(trimXMLSpace(a.begin), "-")}
}

var timeAttrRE = regexp.MustCompile(`(?:^|[\s])(begin|end)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// sources records where cue c's begin and end values are written in the
// p's start tag, when the cue's times are exactly those attributes' (not
// clipped by a container, region or timed span).
func (r *reader) sources(c *cue.Cue, f *frame) {
	if !r.pTimed.ok || c.Start != f.begin || !f.hasEnd || c.End != f.ownEnd || r.hasTimedText {
		return
	}
	from := int(r.pAt.off - r.base)
	if from < 0 || r.pInner > len(r.src) || from >= r.pInner {
		return
	}
	tag := r.src[from:r.pInner]
	for _, m := range timeAttrRE.FindAllStringSubmatchIndex(tag, -1) {
		vs, ve := m[4], m[5]
		if vs < 0 {
			vs, ve = m[6], m[7]
		}
		rg := cue.Range{From: int64(from+vs) + r.base, To: int64(from+ve) + r.base}
		switch tag[m[2]:m[3]] {
		case "begin":
			c.StartSrc = rg
		case "end":
			c.EndSrc = rg
		}
	}
}
