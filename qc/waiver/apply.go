package waiver

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/exportqc/exportqc/qc/rule"
)

// Apply decides which findings the waivers waive at time now (the clock is
// injected so expiry is testable and a run is reproducible).
//
// waived is parallel to findings: waived[i] is the waiver of findings[i], or
// nil if it is not waived; the engine attaches it with
//
//	for i, w := range waived { findings[i].Waived = w }
//
// (waived is nil when the set is nil or empty, which that loop handles).
// Several findings may share one *rule.Waiver; it must not be modified.
// findings is not modified.
//
// notes are W001/W002 findings about the waivers, in waiver-file line
// order, with the waiver file as File and the waiver's line as Line. See
// the package documentation for the exact semantics.
func (s *Set) Apply(findings []rule.Finding, now time.Time) (waived []*rule.Waiver, notes []rule.Finding) {
	if s.Len() == 0 {
		return nil, nil
	}
	active := make([]int, 0, len(s.entries))
	needFP := false
	for i, e := range s.entries {
		if !e.expired(now) {
			active = append(active, i)
			needFP = needFP || e.fingerprint != ""
		}
	}
	// used counts the findings each waiver waived; shadow lists, per
	// waiver, the earlier waivers that took findings it also matched.
	used := make([]int, len(s.entries))
	shadow := make([][]int, len(s.entries))
	waived = make([]*rule.Waiver, len(findings))
	for i := range findings {
		f := &findings[i]
		fp := ""
		fingerprint := func() string {
			if fp == "" && needFP {
				fp = rule.Fingerprint(f)
			}
			return fp
		}
		winner := -1
		for _, w := range active {
			e := s.entries[w]
			if !e.matches(f, fingerprint) {
				continue
			}
			if winner < 0 {
				winner = w
				used[w]++
				waived[i] = &e.info
			} else if !slices.Contains(shadow[w], winner) {
				shadow[w] = append(shadow[w], winner)
			}
		}
	}

	for i, e := range s.entries {
		switch {
		case e.expired(now):
			notes = append(notes, s.note(e, ruleExpired,
				e.describe()+" expired on "+e.info.Expires+" and no longer applies: "+
					"fix the findings it waived, or renew it with a new date"))
		case used[i] > 0:
		case len(shadow[i]) > 0:
			notes = append(notes, s.note(e, ruleUnused,
				e.describe()+" waives nothing: every finding it matches is already waived by "+
					s.lines(shadow[i])+"; remove it"))
		default:
			notes = append(notes, s.note(e, ruleUnused,
				e.describe()+" matched no finding: remove it if the problem is fixed, or correct it"))
		}
	}
	return waived, notes
}

// lines names waivers by their lines: "the waiver on line 2", "the
// waivers on lines 2, 5".
func (s *Set) lines(idx []int) string {
	slices.Sort(idx)
	nums := make([]string, len(idx))
	for i, w := range idx {
		nums[i] = strconv.Itoa(s.entries[w].line)
	}
	if len(nums) == 1 {
		return "the waiver on line " + nums[0]
	}
	return "the waivers on lines " + strings.Join(nums, ", ")
}

// note is a finding at the waiver's line; its severity is the rule's
// default (the engine may override it from the packs, as for any rule).
func (s *Set) note(e *entry, r *rule.Rule, msg string) rule.Finding {
	return rule.Finding{Rule: r.Code, Name: r.Name, Severity: r.DefaultSeverity, File: s.path, Line: e.line, Message: msg}
}
