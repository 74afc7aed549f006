package checks

import (
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Fixes for the shot-change rules (T010–T012). Every new time is a whole
// frame at the file's rate, computed from the cut's frame, and written in
// the file's own notation by retime. A fix is offered only when the
// retimed cue still fits between its neighbours by the pack's values for
// this file (T004's min_gap, T001's min_duration, T002's max_duration,
// T006's close_below): the fix command would drop a fix that trips them
// anyway, but a fix that knows it cannot be kept is better not offered.

// inTimeFix moves an in-time d frames from the cut (negative: before it)
// onto the cut, or, when it lies more than snap frames before the cut, to
// minD frames before it. When the first choice does not fit, the guide's
// other choice (minD before the cut) is tried.
func inTimeFix(p *rule.Pass, c *cue.Cue, cut, d, minD, snap int64) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	fr := p.File.FrameRate
	onCut := shotRetime{start: fr.Frames(cut), end: c.End, msg: "move the in-time onto the shot change at " + at(p, cut)}
	away := shotRetime{start: fr.Frames(cut - minD), end: c.End,
		msg: "move the in-time to " + plural(minD, "frame") + " before the shot change (" + at(p, cut-minD) + ")"}
	choices := []shotRetime{onCut, away}
	switch {
	case d > 0:
		choices = choices[:1] // after the cut: back onto it, never further
	case -d > snap:
		choices = choices[1:]
	}
	for _, r := range choices {
		if r.start == c.Start || (r.start != fr.Frames(cut) && nearOtherCut(p, cut, fr.Snap(r.start), minD)) {
			continue
		}
		if fitsNeighbours(p, c, r.start, r.end) {
			return fixOf(r.msg, retime(p, c, r.start, r.end))
		}
	}
	return nil
}

// endBeforeCutFix ends a cue gap frames before the cut (T011's out-time
// near a cut, T012's overhang past one).
func endBeforeCutFix(p *rule.Pass, c *cue.Cue, cut, gap int64) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	end := p.File.FrameRate.Frames(cut - gap)
	if end == c.End || end <= c.Start || !fitsNeighbours(p, c, c.Start, end) {
		return nil
	}
	return fixOf("end the cue "+plural(gap, "frame")+" before the shot change at "+at(p, cut)+" ("+at(p, cut-gap)+")",
		retime(p, c, c.Start, end))
}

type shotRetime struct {
	start, end cue.Time
	msg        string
}

// nearOtherCut reports whether frame n is within minD of a cut other than
// cut without being on it: moving an in-time there would trade one T010
// finding for another.
func nearOtherCut(p *rule.Pass, cut, n, minD int64) bool {
	for _, k := range cutFrames(p) {
		if k != cut && k != n && abs64(n-k) < minD {
			return true
		}
	}
	return false
}

// fitsNeighbours reports whether cue c retimed to [start, end) keeps the
// timing rules it could trip: the gaps to the cues before and after it
// (no overlap, T004's min_gap, not newly a gap T006 asks to close) and its
// duration (T001, T002, when the change moves it the wrong way).
func fitsNeighbours(p *rule.Pass, c *cue.Cue, start, end cue.Time) bool {
	fr := p.File.FrameRate
	tol := tolerance(p.Doc)
	minGap := minGapFor(p)
	closeBelow, closing := p.File.Fix.Duration(GapShouldClose.Code, "close_below", fr)
	// newlyClosable: a gap T006 would report now and did not before.
	newlyClosable := func(before, after cue.Time) bool {
		in := func(g cue.Time) bool { return g > minGap+tol && g <= closeBelow+tol }
		return closing && in(after) && !in(before)
	}
	prevEnd, hasPrev, nextStart, hasNext := neighbourTimes(p, c)
	if start != c.Start && hasPrev {
		if waitForSnap(p, prevEnd) || prevEnd > outBefore(fr, start, minGap)+tol || newlyClosable(c.Start-prevEnd, start-prevEnd) {
			return false
		}
	}
	if end != c.End && hasNext {
		if waitForSnap(p, nextStart) || end > outBefore(fr, nextStart, minGap)+tol || newlyClosable(nextStart-c.End, nextStart-end) {
			return false
		}
	}
	was, now := c.End-c.Start, end-start
	if min, ok := p.File.Fix.Duration(CueTooShort.Code, "min_duration", fr); ok && now < was && now+tol < min {
		return false
	}
	if max, ok := p.File.Fix.Duration(CueTooLong.Code, "max_duration", fr); ok && now > was && now > max+tol {
		return false
	}
	return true
}

// neighbourTimes are the latest out-time of the displayed cues before c
// and the earliest in-time of those after it, in display order.
func neighbourTimes(p *rule.Pass, c *cue.Cue) (prevEnd cue.Time, hasPrev bool, nextStart cue.Time, hasNext bool) {
	after := false
	for _, d := range p.Doc.Displayed() {
		switch {
		case d == c:
			after = true
		case !valid(d):
		case !after && (!hasPrev || d.End > prevEnd):
			prevEnd, hasPrev = d.End, true
		case after && (!hasNext || d.Start < nextStart):
			nextStart, hasNext = d.Start, true
		}
	}
	return prevEnd, hasPrev, nextStart, hasNext
}
