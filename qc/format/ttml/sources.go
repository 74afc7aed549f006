package ttml

import (
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// pTiming says which of a <p>'s own time attributes a fix may rewrite: a
// begin and an end written on the p itself (no dur, no iTT negative
// offset), in a par container (in a seq one, moving an end would move every
// later sibling); and where in the input their values are written.
type pTiming struct {
	ok         bool
	begin, end valueSrc
}

// valueSrc is where an attribute value is written in r.src, between its
// quotes.
type valueSrc struct {
	from, to int
	found    bool
}

func pTimingOf(a *attrs, parent *frame) pTiming {
	return pTiming{ok: a.hasBegin && a.hasEnd && !a.hasDur && !parent.seq &&
		!strings.HasPrefix(trimXMLSpace(a.begin), "-"), begin: a.beginSrc, end: a.endSrc}
}

// timeSrc is where the start tag's i-th attribute (a begin= or end=) has
// its value, when a fix may find it there: only a name written after white
// space counts, as fixes have always looked for it (an attribute written
// right after the previous one's closing quote is not rewritten). Of
// several, the last counts.
func (r *reader) timeSrc(i int, old valueSrc) valueSrc {
	if n := r.dec.AttrNameStart(i); n == 0 || !isXMLSpace(r.src[n-1]) {
		return old
	}
	from, to := r.dec.AttrSource(i)
	return valueSrc{from: from, to: to, found: true}
}

// sources records where cue c's begin and end values are written in the
// p's start tag, when the cue's times are exactly those attributes' (not
// clipped by a container, region or timed span).
func (r *reader) sources(c *cue.Cue, f *frame) {
	if !r.pTimed.ok || c.Start != f.begin || !f.hasEnd || c.End != f.ownEnd || r.hasTimedText {
		return
	}
	if t := r.pTimed.begin; t.found {
		c.StartSrc = cue.Range{From: int64(t.from) + r.base, To: int64(t.to) + r.base}
	}
	if t := r.pTimed.end; t.found {
		c.EndSrc = cue.Range{From: int64(t.from) + r.base, To: int64(t.to) + r.base}
	}
}
