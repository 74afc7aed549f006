package fix

import (
	"sort"

	"github.com/exportqc/exportqc/qc/rule"
)

// planned is one finding's fix chosen for a pass.
type planned struct {
	finding *rule.Finding
	fix     rule.SuggestedFix
}

// plan picks, among the fixes offered for one file, those that apply
// together: in priority order, a fix is taken when none of its edits
// overlaps an edit already taken. An edit identical to one taken (two
// findings about the same cue offer the same rewrite) is not a conflict and
// is applied once. only, when not empty, restricts the plan to that rule.
func plan(findings []rule.Finding, want func(*rule.Finding) bool, only string) []planned {
	var offers []planned
	for i := range findings {
		f := &findings[i]
		if f.Waived != nil || len(f.Fixes) == 0 || !want(f) || (only != "" && f.Rule != only) {
			continue
		}
		offers = append(offers, planned{finding: f, fix: f.Fixes[0]})
	}
	sort.SliceStable(offers, func(a, b int) bool {
		pa, pb := priority(offers[a].finding.Rule), priority(offers[b].finding.Rule)
		if pa != pb {
			return pa < pb
		}
		if offers[a].finding.Rule != offers[b].finding.Rule {
			return offers[a].finding.Rule < offers[b].finding.Rule
		}
		return rule.Less(offers[a].finding, offers[b].finding)
	})
	var taken []rule.TextEdit
	var out []planned
	for _, o := range offers {
		var fresh []rule.TextEdit
		ok := true
		for _, e := range o.fix.Edits {
			if conflict(fresh, e) != free {
				ok = false // a fix whose own edits overlap is not applied
			}
			switch conflict(taken, e) {
			case same:
			case clash:
				ok = false
			default:
				fresh = append(fresh, e)
			}
		}
		if !ok || len(fresh) == 0 {
			continue
		}
		taken = append(taken, fresh...)
		out = append(out, planned{finding: o.finding, fix: rule.SuggestedFix{Message: o.fix.Message, Edits: fresh}})
	}
	return out
}

type overlap int

const (
	free overlap = iota
	same
	clash
)

func conflict(taken []rule.TextEdit, e rule.TextEdit) overlap {
	for _, t := range taken {
		if t == e {
			return same
		}
		if e.Start < t.End && t.Start < e.End || e.Start == t.Start || (e.Start == e.End && e.Start > t.Start && e.Start < t.End) ||
			(t.Start == t.End && t.Start > e.Start && t.Start < e.End) {
			return clash
		}
	}
	return free
}

// apply returns data with the (non-overlapping) edits made; data is not modified.
func apply(data []byte, ps []planned) []byte {
	var edits []rule.TextEdit
	for _, p := range ps {
		edits = append(edits, p.fix.Edits...)
	}
	sort.Slice(edits, func(a, b int) bool {
		if edits[a].Start != edits[b].Start {
			return edits[a].Start < edits[b].Start
		}
		return edits[a].End < edits[b].End
	})
	out := make([]byte, 0, len(data))
	at := int64(0)
	for _, e := range edits {
		if e.Start < at {
			return data // overlapping edits: plan never makes them; refuse rather than corrupt
		}
		out = append(out, data[at:e.Start]...)
		out = append(out, e.New...)
		at = e.End
	}
	return append(out, data[at:]...)
}

// valid reports whether every edit lies inside data.
func valid(data []byte, ps []planned) bool {
	for _, p := range ps {
		for _, e := range p.fix.Edits {
			if e.Start < 0 || e.End < e.Start || e.End > int64(len(data)) {
				return false
			}
		}
	}
	return true
}
