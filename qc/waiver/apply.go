package waiver

import (
	"slices"
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

// Settled reports whether the notes about the waivers (Notes) can no
// longer change, whatever findings come: every waiver in force has waived
// a finding. W001 is only for a waiver in force that waived none, and
// W002, for an expired one, is known from the start. A run that streams
// its report can then put the notes at their place before its end.
func (a *Applier) Settled() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, w := range a.active {
		if a.used[w] == 0 {
			return false
		}
	}
	return true
}

// Uses is what each waiver did given every batch applied so far, in file
// order: what the waiver rules (Rules: W001, W002) inspect.
func (a *Applier) Uses() []rule.WaiverUse {
	s := a.s
	if s.Len() == 0 {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	uses := make([]rule.WaiverUse, len(s.entries))
	for i, e := range s.entries {
		var shadow []int
		for _, w := range a.shadow[i] {
			shadow = append(shadow, s.entries[w].line)
		}
		slices.Sort(shadow)
		uses[i] = rule.WaiverUse{File: s.path, Line: e.line, Describe: e.describe(),
			Expires: e.info.Expires, Expired: e.expired(a.now), Waived: a.used[i], ShadowedBy: shadow}
	}
	return uses
}

// Notes are the W001/W002 findings about the waivers given every batch
// applied so far, as Set.Apply's notes: the waiver rules run on Uses at
// their default severities (a run configures them as any rule: the engine
// runs them from the registry with the packs' configuration).
func (a *Applier) Notes() []rule.Finding {
	run := &rule.Run{Waivers: a.Uses()}
	if len(run.Waivers) == 0 {
		return nil
	}
	var notes []rule.Finding
	collect := func(f rule.Finding) { notes = append(notes, f) }
	for _, r := range Rules {
		rule.NewRunPass(r, run, &rule.Config{Enabled: true, Severity: r.DefaultSeverity}, collect).RunEnd()
	}
	// Waiver-file line order, whichever rule spoke.
	slices.SortStableFunc(notes, func(x, y rule.Finding) int { return x.Line - y.Line })
	return notes
}
