package checks

import (
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// A gap is a pair of consecutive valid displayed cues, with the whole
// frames between them once each time is snapped to its nearest frame at
// the file's rate. T004 and T006 both compare every gap of a file against
// a threshold in frames (2 frames by default), so a file's gaps are listed
// and snapped once (rule.Pass.Memo) instead of once per rule, which each
// walked the displayed cues and snapped both ends of every gap.
type gap struct {
	prev, next *cue.Cue
	frames     int64 // FrameSpan(prev.End, next.Start); 0 when the file has no rate
}

type gapsKey struct{}

// gapsOf lists the file's gaps: each valid displayed cue not allowed to
// overlap, after the latest-ending such cue before it.
func gapsOf(p *rule.Pass) []gap {
	return p.Memo(gapsKey{}, func() any {
		displayed := p.Doc.Displayed()
		fr := p.File.FrameRate
		out := make([]gap, 0, len(displayed))
		var prev *cue.Cue
		for _, c := range displayed {
			if !valid(c) || c.MayOverlap {
				continue
			}
			if prev != nil {
				out = append(out, gap{prev: prev, next: c, frames: fr.FrameSpan(prev.End, c.Start)})
			}
			if prev == nil || c.End > prev.End {
				prev = c
			}
		}
		return out
	}).([]gap)
}

// below reports whether the gap is shorter than the threshold d, as the
// function below does for its two times.
func (g *gap) below(p *rule.Pass, d rule.Duration) bool {
	if d.InFrames {
		return g.frames < d.Frames
	}
	return spanBelow(p, d, g.next.Start-g.prev.End)
}

// above reports whether the gap is longer than the threshold d.
func (g *gap) above(p *rule.Pass, d rule.Duration) bool {
	if d.InFrames {
		return g.frames > d.Frames
	}
	return spanAbove(p, d, g.next.Start-g.prev.End)
}
