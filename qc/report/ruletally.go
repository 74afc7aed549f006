package report

import "github.com/exportqc/exportqc/qc/rule"

// ruleTally is what one file's findings of one rule add up to. A file's
// tally is taken in one pass (tallyRules) and serves the text digest's
// line for the file, its verdict and the closing per-rule table, each of
// which used to pass over the findings again, with map look-ups for each.
type ruleTally struct {
	ruleStat // the rule's counts in this file (Files unused)
	// problems adds each finding's problems by sevIndex of its severity.
	problems [3]int
}

// tallyRules tallies fs by rule, in the order the rules first appear,
// into rows' memory.
func tallyRules(rows []ruleTally, fs []rule.Finding) []ruleTally {
	rows = rows[:0]
	at := -1 // the row of the last finding's rule: a rule's findings often follow each other
	for i := range fs {
		f := &fs[i]
		if at < 0 || rows[at].Code != f.Rule {
			at = rowOf(rows, f.Rule)
			if at < 0 {
				at = len(rows)
				rows = append(rows, ruleTally{ruleStat: ruleStat{Code: f.Rule, Name: f.Name, Severity: f.Severity}})
			}
		}
		r := &rows[at]
		r.add(f.Severity, f.Name, 1+f.More)
		r.problems[sevIndex(f.Severity)] += f.Problems()
	}
	return rows
}

func rowOf(rows []ruleTally, code string) int {
	for i := range rows {
		if rows[i].Code == code {
			return i
		}
	}
	return -1
}

// tallyCounts is the file's counts per severity and its highest severity
// (rows is not empty).
func tallyCounts(rows []ruleTally) (rule.Counts, rule.Severity) {
	var c rule.Counts
	worst := rows[0].Severity
	for i := range rows {
		r := &rows[i]
		c.Errors += r.problems[2]
		c.Warnings += r.problems[1]
		c.Infos += r.problems[0]
		worst = max(worst, r.Severity)
	}
	return c, worst
}

// notShownByRule is notShownCounts from the file's tally: each rule's
// problems less those of its findings shown (a handful), instead of a
// pass over every finding deciding which were shown.
func notShownByRule(rows []ruleTally, all, shown []rule.Finding) (int, []ruleCount) {
	if len(shown) == len(all) {
		return 0, nil
	}
	left := make([]ruleCount, len(rows))
	for i := range rows {
		left[i] = ruleCount{Code: rows[i].Code, Count: rows[i].problems[0] + rows[i].problems[1] + rows[i].problems[2]}
	}
	for i := range shown {
		left[rowOf(rows, shown[i].Rule)].Count -= shown[i].Problems()
	}
	rc := left[:0]
	n := 0
	for _, c := range left {
		if c.Count > 0 {
			rc = append(rc, c)
			n += c.Count
		}
	}
	sortRuleCounts(rc)
	return n, rc
}
