package deliverycheck

import (
	"fmt"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Programme is what D007 knows of the episode a subtitle file belongs to.
type Programme struct {
	Label     string   // "episode 3", "the programme"
	Duration  cue.Time // 0: unknown, nothing to check
	FrameRate cue.FrameRate
}

// CheckProgramme reports (D007) the cues of doc that run past the end of
// the programme or start before it. cfg is D007's configuration; file is
// the path findings name. Called by the per-file pass, which has the cues
// in hand; the result is at most two findings, however many cues are out.
func CheckProgramme(doc *cue.Document, file string, p Programme, cfg *rule.Config) []rule.Finding {
	if p.Duration <= 0 || cfg == nil || !cfg.Enabled || len(doc.Cues) == 0 {
		return nil
	}
	fr := p.FrameRate
	if fr.IsZero() {
		fr = cue.FrameRate{Num: 25, Den: 1} // only frame-based parameters need it
	}
	tolSet, startSet := cfg.Params["tolerance"], cfg.Params["programme_start"]
	tol := tolSet.Value.Duration.Resolve(fr)
	start := startSet.Value.Duration.Resolve(fr)
	end := start + p.Duration

	var late, early *cue.Cue
	nLate, nEarly := 0, 0
	var firstLate *cue.Cue
	for i := range doc.Cues {
		c := &doc.Cues[i]
		if c.Comment || c.End <= c.Start {
			continue // not shown (T009 reports reversed cues)
		}
		if c.End > end+tol {
			nLate++
			if late == nil || c.End > late.End {
				late = c
			}
			if firstLate == nil || c.Start < firstLate.Start {
				firstLate = c
			}
		}
		if c.Start < start-tol {
			nEarly++
			if early == nil || c.Start < early.Start {
				early = c
			}
		}
	}
	var out []rule.Finding
	if late != nil {
		msg := fmt.Sprintf("cue %d ends at %s, %s after the end of %s (%s long%s)",
			late.Index, tc(late.End), secs(late.End-end), p.Label, tc(p.Duration), from(start))
		if nLate > 1 {
			msg += fmt.Sprintf("; %d cues run past the end, the first is cue %d (%s–%s)", nLate, firstLate.Index, tc(firstLate.Start), tc(firstLate.End))
		}
		if firstLate.Start >= end && nLate == countShown(doc) {
			msg += "; every cue is past the end: is the file timed from a start timecode such as 01:00:00:00 or 10:00:00:00? (set D007.programme_start)"
		}
		out = append(out, rule.Finding{Rule: "D007", File: file, Line: late.Line, Cue: late.Index,
			Start: rule.TC(late.Start), End: rule.TC(late.End), Message: msg,
			Expected: "cues end by " + tc(end+tol), Actual: tc(late.End), Source: tolSet.Source})
	}
	if early != nil {
		msg := fmt.Sprintf("cue %d starts at %s, %s before %s starts (%s)",
			early.Index, tc(early.Start), secs(start-early.Start), p.Label, tc(start))
		if nEarly > 1 {
			msg += fmt.Sprintf("; %d cues start before the programme", nEarly)
		}
		out = append(out, rule.Finding{Rule: "D007", File: file, Line: early.Line, Cue: early.Index,
			Start: rule.TC(early.Start), End: rule.TC(early.End), Message: msg,
			Expected: "cues start from " + tc(start-tol), Actual: tc(early.Start), Source: startSet.Source})
	}
	return out
}

func countShown(doc *cue.Document) int {
	n := 0
	for i := range doc.Cues {
		if c := &doc.Cues[i]; !c.Comment && c.End > c.Start {
			n++
		}
	}
	return n
}

func tc(t cue.Time) string { return string(t.AppendTimecode(nil)) }

func secs(t cue.Time) string { return fmt.Sprintf("%.3fs", t.Seconds()) }

// from says where the programme starts when it is not at zero.
func from(start cue.Time) string {
	if start == 0 {
		return ""
	}
	return ", from " + tc(start)
}
