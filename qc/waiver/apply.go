package waiver

import (
	"slices"
	"strconv"
	"strings"
	"sync"
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
	a := s.Applier(now)
	return a.Apply(findings), a.Notes()
}

// Applier is Apply in instalments, for a run that hands its findings over
// in batches (an audit, delivery by delivery) instead of all at once. Which
// waiver takes a finding depends only on the finding and the waiver file,
// so the batches may come in any order; Notes, once every batch is in, are
// those Apply gives for all the findings together. Safe for concurrent use.
type Applier struct {
	s      *Set
	now    time.Time
	active []int // entries not expired at now, in file order
	needFP bool  // some active waiver matches by fingerprint

	mu sync.Mutex
	// used counts the findings each waiver waived; shadow lists, per
	// waiver, the earlier waivers that took findings it also matched.
	used   []int
	shadow [][]int
}

// Applier starts applying the set at time now.
func (s *Set) Applier(now time.Time) *Applier {
	a := &Applier{s: s, now: now}
	if s.Len() == 0 {
		return a
	}
	a.used = make([]int, len(s.entries))
	a.shadow = make([][]int, len(s.entries))
	for i, e := range s.entries {
		if !e.expired(now) {
			a.active = append(a.active, i)
			a.needFP = a.needFP || e.fingerprint != ""
		}
	}
	return a
}

// Apply decides one batch: the result is parallel to findings, as Set.Apply's
// waived (nil when the set is empty).
func (a *Applier) Apply(findings []rule.Finding) []*rule.Waiver {
	if a.s.Len() == 0 {
		return nil
	}
	waived := make([]*rule.Waiver, len(findings))
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := range findings {
		f := &findings[i]
		fp := ""
		fingerprint := func() string {
			if fp == "" && a.needFP {
				fp = rule.Fingerprint(f)
			}
			return fp
		}
		winner := -1
		for _, w := range a.active {
			e := a.s.entries[w]
			if !e.matches(f, fingerprint) {
				continue
			}
			if winner < 0 {
				winner = w
				a.used[w]++
				waived[i] = &e.info
			} else if !slices.Contains(a.shadow[w], winner) {
				a.shadow[w] = append(a.shadow[w], winner)
			}
		}
	}
	return waived
}

// Notes are the W001/W002 findings about the waivers given every batch
// applied so far, as Set.Apply's notes.
func (a *Applier) Notes() []rule.Finding {
	s := a.s
	if s.Len() == 0 {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	var notes []rule.Finding
	for i, e := range s.entries {
		switch {
		case e.expired(a.now):
			notes = append(notes, s.note(e, ruleExpired,
				e.describe()+" expired on "+e.info.Expires+" and no longer applies: "+
					"fix the findings it waived, or renew it with a new date"))
		case a.used[i] > 0:
		case len(a.shadow[i]) > 0:
			notes = append(notes, s.note(e, ruleUnused,
				e.describe()+" waives nothing: every finding it matches is already waived by "+
					s.lines(slices.Clone(a.shadow[i]))+"; remove it"))
		default:
			notes = append(notes, s.note(e, ruleUnused,
				e.describe()+" matched no finding: remove it if the problem is fixed, or correct it"))
		}
	}
	return notes
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
