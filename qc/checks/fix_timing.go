package checks

import (
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Fixes for the timing rules. Every new time is a frame boundary at the
// file's rate, and every threshold is the pack's value for this file (the
// rule's own, or the neighbouring rule's it must not trip), so a fixed file
// passes the same checks that found the problem. Gaps are made to hold both
// in time (next start - out-time ≥ min_gap) and on the frame grid (frames
// between the nearest frames of the two times ≥ min_gap in frames).

// floorFrame and ceilFrame are the frame boundaries at or before / after t.
func floorFrame(fr cue.FrameRate, t cue.Time) int64 {
	n, off := fr.FrameAt(t)
	if off < 0 {
		n--
	}
	return n
}

func ceilFrame(fr cue.FrameRate, t cue.Time) int64 {
	n, off := fr.FrameAt(t)
	if off > 0 {
		n++
	}
	return n
}

// outBefore is the out-time that leaves exactly gap before an in-time at
// next (so neither T004 nor T006 fires), moved back to a frame boundary
// when the two times' nearest frames would be less than gap apart.
func outBefore(fr cue.FrameRate, next, gap cue.Time) cue.Time {
	end := next - gap
	inFrame, _ := fr.FrameAt(next)
	outFrame, _ := fr.FrameAt(end)
	if want := ceilFrame(fr, gap); inFrame-outFrame < want {
		return fr.Frames(inFrame - want)
	}
	return end
}

// waitForSnap reports a time T008 will move first: when off-frame times are
// being fixed, a gap measured from one would be wrong after the snap.
func waitForSnap(p *rule.Pass, t cue.Time) bool {
	if !p.File.FrameRateDeclared || !p.File.Fix.Enabled(OffFrame.Code) {
		return false
	}
	_, off := p.File.FrameRate.FrameAt(t)
	return abs(off) > tolerance(p.Doc)
}

// minGapFor is the min_gap a fix must keep: T004's when it is enabled.
func minGapFor(p *rule.Pass) cue.Time {
	g, _ := p.File.Fix.Duration(GapTooShort.Code, "min_gap", p.File.FrameRate)
	return g
}

func fixOf(msg string, edits []rule.TextEdit) []rule.SuggestedFix {
	if len(edits) == 0 {
		return nil
	}
	return []rule.SuggestedFix{{Message: msg, Edits: edits}}
}

// chainFix moves prev's out-time to min_gap before next's in-time (T003,
// T004, T006: Netflix's chaining); nothing when that would not keep prev
// on screen, or would not move it the way the rule asks (later: grow).
func chainFix(p *rule.Pass, prev, next *cue.Cue, gap cue.Time, grow bool) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	if waitForSnap(p, next.Start) {
		return nil
	}
	end := outBefore(p.File.FrameRate, next.Start, gap)
	if end <= prev.Start || end == prev.End || (end > prev.End) != grow {
		return nil
	}
	return fixOf("set cue "+itoa(int64(prev.Index))+"'s out-time to "+end.String()+", "+secs(gap)+" before cue "+
		itoa(int64(next.Index))+" starts", retime(p, prev, prev.Start, end))
}

// extendFix lengthens a short cue to min_duration when the screen is free
// up to the next cue's in-time less min_gap (T001).
func extendFix(p *rule.Pass, c *cue.Cue, min cue.Time) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	fr := p.File.FrameRate
	end := fr.Frames(ceilFrame(fr, c.Start+min))
	if next := nextDisplayed(p, c); next != nil {
		if waitForSnap(p, next.Start) {
			return nil
		}
		limit := outBefore(fr, next.Start, minGapFor(p))
		if end > limit {
			return nil
		}
		// A gap short enough for T006 to ask for closing is closed now.
		if upTo, ok := p.File.Fix.Duration(GapShouldClose.Code, "close_below", fr); ok && next.Start-end <= upTo+tolerance(p.Doc) {
			end = limit
		}
	}
	return fixOf("extend the out-time to "+end.String()+" ("+secs(end-c.Start)+" on screen)", retime(p, c, c.Start, end))
}

// trimFix shortens a long cue to max_duration (T002).
func trimFix(p *rule.Pass, c *cue.Cue, max cue.Time) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	fr := p.File.FrameRate
	end := fr.Frames(floorFrame(fr, c.Start+max))
	return fixOf("pull the out-time in to "+end.String()+" ("+secs(end-c.Start)+" on screen)", retime(p, c, c.Start, end))
}

// snapFix moves both times to their nearest frame boundary (T008).
func snapFix(p *rule.Pass, c *cue.Cue) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	fr := p.File.FrameRate
	s, _ := fr.FrameAt(c.Start)
	e, _ := fr.FrameAt(c.End)
	return fixOf("snap the times to frames at "+fr.String()+" fps", retime(p, c, fr.Frames(s), fr.Frames(e)))
}

// nextDisplayed is the displayed valid cue that starts after c, if any.
func nextDisplayed(p *rule.Pass, c *cue.Cue) *cue.Cue {
	type nextKey struct{}
	next := p.Memo(nextKey{}, func() any {
		m := map[*cue.Cue]*cue.Cue{}
		var prev *cue.Cue
		for _, d := range p.Doc.Displayed() {
			if !valid(d) {
				continue
			}
			if prev != nil {
				m[prev] = d
			}
			prev = d
		}
		return m
	}).(map[*cue.Cue]*cue.Cue)
	return next[c]
}
