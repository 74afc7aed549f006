package audit

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"

	"github.com/exportqc/exportqc/qc/rule"
)

// Merge joins the reports of every shard of one audit into the audit an
// unsharded run would have written (without history: the caller adds
// Previous and Trend as for a whole run). It refuses shards that do not
// fit together: a missing or repeated shard, different plans (another tree
// or member list), tools, profiles, fail-on levels or rules, or a delivery
// reported twice.
func Merge(shards []*Audit) (*Audit, error) {
	if len(shards) == 0 {
		return nil, errors.New("merge: no shard reports")
	}
	first := shards[0]
	if first.Shard == nil {
		return nil, errors.New("merge: report 1 is not a shard report (made without --shard)")
	}
	n := first.Shard.Count
	seen := make(map[int]bool, n)
	var deliveries []Delivery
	byPath := map[string]bool{}
	for i, s := range shards {
		name := "report " + strconv.Itoa(i+1)
		switch {
		case s.Shard == nil:
			return nil, fmt.Errorf("merge: %s is not a shard report (made without --shard)", name)
		case s.Shard.Count != n:
			return nil, fmt.Errorf("merge: %s is shard %s, but report 1 is one of %d", name, s.Shard, n)
		case seen[s.Shard.Index]:
			return nil, fmt.Errorf("merge: shard %s given twice", s.Shard)
		case s.Plan != first.Plan:
			return nil, fmt.Errorf("merge: %s (shard %s) audited another tree or member list (plan %s, report 1 has %s)",
				name, s.Shard, s.Plan, first.Plan)
		case s.Tool != first.Tool:
			return nil, fmt.Errorf("merge: %s was made by %s %s with profile %s, report 1 by %s %s with profile %s",
				name, s.Tool.Name, s.Tool.Version, s.Tool.Profile, first.Tool.Name, first.Tool.Version, first.Tool.Profile)
		case s.FailOn != first.FailOn:
			return nil, fmt.Errorf("merge: %s fails on %s, report 1 on %s", name, s.FailOn, first.FailOn)
		case !reflect.DeepEqual(nonNil(s.Rules), nonNil(first.Rules)):
			return nil, fmt.Errorf("merge: %s ran other rules or severities than report 1 (different --set, --severity or config?)", name)
		case !reflect.DeepEqual(memberList(s), memberList(first)):
			return nil, fmt.Errorf("merge: %s lists other members than report 1", name)
		}
		if err := consistent(s); err != nil {
			return nil, fmt.Errorf("merge: %s (shard %s): %v: the report was altered or damaged", name, s.Shard, err)
		}
		seen[s.Shard.Index] = true
		for _, d := range s.Deliveries {
			if byPath[d.Path] {
				return nil, fmt.Errorf("merge: delivery %s is in two shard reports", d.Path)
			}
			byPath[d.Path] = true
			deliveries = append(deliveries, d)
		}
	}
	var missing []string
	for i := 1; i <= n; i++ {
		if !seen[i] {
			missing = append(missing, strconv.Itoa(i)+"/"+strconv.Itoa(n))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("merge: shard reports missing: %v (every shard 1/%d to %d/%d is needed)", missing, n, n, n)
	}
	failOn, err := rule.ParseSeverity(first.FailOn)
	if err != nil {
		return nil, fmt.Errorf("merge: %v", err)
	}
	h := Header{Tool: first.Tool, FailOn: failOn, Plan: first.Plan, Rules: first.Rules}
	return Assemble(h, memberList(first), deliveries, mergeNotes(shards)), nil
}

// consistent checks a shard report's counts against its contents: each
// delivery's counts and verdict against the findings it lists, and the
// totals against the deliveries. Merge recomputes every aggregate from the
// deliveries, so a report whose numbers were edited (a shard claiming
// 99,999 errors with no finding) would otherwise be taken at its word in
// one place and not in another.
func consistent(s *Audit) error {
	failOn, err := rule.ParseSeverity(s.FailOn)
	if err != nil {
		return err
	}
	for i := range s.Deliveries {
		d := &s.Deliveries[i]
		fs, err := d.FindingList()
		if err != nil {
			return fmt.Errorf("delivery %s: %v", d.Path, err)
		}
		var counts rule.Counts
		waived, fails := 0, false
		for j := range fs {
			if fs[j].Waived != nil {
				waived++
				continue
			}
			counts.AddFinding(&rule.Finding{Severity: fs[j].Severity, More: fs[j].More})
			fails = fails || fs[j].Severity >= failOn
		}
		switch {
		case counts != d.Counts || waived != d.Waived:
			return fmt.Errorf("delivery %s claims %s and %d waived, but its findings are %s and %d waived",
				d.Path, countsText(d.Counts), d.Waived, countsText(counts), waived)
		case d.Passed == fails:
			return fmt.Errorf("delivery %s claims passed=%v, but its findings say %v", d.Path, d.Passed, !fails)
		}
	}
	_, t := Summarise(memberList(s), s.Deliveries, s.Rules)
	got, want := s.Totals, t
	switch {
	case got.Counts != want.Counts || got.Waived != want.Waived:
		return fmt.Errorf("totals claim %s and %d waived, but its deliveries hold %s and %d waived",
			countsText(got.Counts), got.Waived, countsText(want.Counts), want.Waived)
	case got.Deliveries != want.Deliveries || got.PassedDeliveries != want.PassedDeliveries ||
		got.FailedDeliveries != want.FailedDeliveries:
		return fmt.Errorf("totals claim %d deliveries (%d passed, %d failed), but it lists %d (%d passed, %d failed)",
			got.Deliveries, got.PassedDeliveries, got.FailedDeliveries, want.Deliveries, want.PassedDeliveries, want.FailedDeliveries)
	case got.Files != want.Files || got.Cues != want.Cues:
		return fmt.Errorf("totals claim %d files and %d cues, but its deliveries hold %d and %d",
			got.Files, got.Cues, want.Files, want.Cues)
	}
	return nil
}

func countsText(c rule.Counts) string {
	return fmt.Sprintf("%d errors, %d warnings, %d info", c.Errors, c.Warnings, c.Infos)
}

// mergeNotes combines the shards' notes. Notes about the configuration
// (waiver files) are seen by every shard: an expired waiver is reported by
// all of them, and a waiver is unused in the whole audit only if it is
// unused in every shard (a shard that used it does not report it). So a
// note is kept when every shard has it. Notes about a place in the tree
// (a folder that is no delivery) come from the one shard that saw it, and
// are all kept.
func mergeNotes(shards []*Audit) []Finding {
	type key struct {
		rule, file string
		line       int
	}
	count := map[key]int{}
	first := map[key]Finding{}
	var order []key
	for _, s := range shards {
		local := map[key]bool{}
		for _, f := range s.Notes {
			k := key{f.Rule, f.File, f.Line}
			if local[k] {
				continue
			}
			local[k] = true
			if count[k] == 0 {
				order = append(order, k)
				first[k] = f
			} else if longer(f.Message, first[k].Message) {
				// Shards disagree on why a waiver is unused: shadowed by
				// earlier waivers in one, unmatched in another. The whole
				// audit says "shadowed", naming every earlier waiver that
				// took its findings; the longest message is the one naming
				// most of them (exact unless two shards name disjoint sets),
				// and the choice does not depend on the order of the reports.
				first[k] = f
			}
			count[k]++
		}
	}
	var out []Finding
	for _, k := range order {
		f := first[k]
		if isConfigNote(f.Rule) && count[k] < len(shards) {
			continue
		}
		out = append(out, f)
	}
	sortFindings(out)
	return out
}

// isConfigNote reports notes about the run's configuration (waiver files)
// rather than about the tree.
func isConfigNote(code string) bool { return len(code) > 0 && code[0] == 'W' }

// longer orders messages by length, then text.
func longer(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a > b
}
