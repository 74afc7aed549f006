package deliverycheck

import (
	"fmt"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// outsideProgramme reports (D007) the cues of a delivery's subtitle file
// that run past the end of its programme or start before it: at most two
// findings, however many cues are out. It runs in the per-file pass, which
// has the cues in hand; the delivery gives the file its Programme.
func outsideProgramme(p *rule.Pass) {
	prog, doc := p.File.Programme, p.Doc
	if prog == nil || prog.Duration <= 0 || len(doc.Cues) == 0 {
		return
	}
	fr := prog.FrameRate
	if fr.IsZero() {
		fr = cue.FrameRate{Num: 25, Den: 1} // only frame-based parameters need it
	}
	tol := p.DurationAt("tolerance", fr)
	start := p.DurationAt("programme_start", fr)
	end := start + prog.Duration

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
	if late != nil {
		msg := fmt.Sprintf("cue %d ends at %s, %s after the end of %s (%s long%s)",
			late.Index, tc(late.End), secs(late.End-end), prog.Label, tc(prog.Duration), from(start))
		if nLate > 1 {
			msg += fmt.Sprintf("; %d cues run past the end, the first is cue %d (%s–%s)", nLate, firstLate.Index, tc(firstLate.Start), tc(firstLate.End))
		}
		if firstLate.Start >= end && nLate == countShown(doc) {
			msg += "; every cue is past the end: is the file timed from a start timecode such as 01:00:00:00 or 10:00:00:00? (set D007.programme_start)"
		}
		p.Report(rule.Finding{Line: late.Line, Cue: late.Index, CueID: rule.CueID(late),
			Start: rule.TC(late.Start), End: rule.TC(late.End), Message: msg,
			Expected: "cues end by " + tc(end+tol), Actual: tc(late.End), Source: p.Source("tolerance")})
	}
	if early != nil {
		msg := fmt.Sprintf("cue %d starts at %s, %s before %s starts (%s)",
			early.Index, tc(early.Start), secs(start-early.Start), prog.Label, tc(start))
		if nEarly > 1 {
			msg += fmt.Sprintf("; %d cues start before the programme", nEarly)
		}
		p.Report(rule.Finding{Line: early.Line, Cue: early.Index, CueID: rule.CueID(early),
			Start: rule.TC(early.Start), End: rule.TC(early.End), Message: msg,
			Expected: "cues start from " + tc(start-tol), Actual: tc(early.Start), Source: p.Source("programme_start")})
	}
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
