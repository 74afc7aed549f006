package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// The human formats (text, Markdown, GitHub annotations, HTML) show a digest
// of a run rather than a dump: counts per rule, the worst files, and the
// first findings of each file. This file holds what they share.

// DefaultMaxPerFile is how many findings of each file the text report lists
// unless told otherwise: enough to see what kind of problem a file has.
const DefaultMaxPerFile = 5

// DefaultMaxAnnotations is how many GitHub annotations each rule gets before
// the rest are counted in one summary annotation: GitHub shows only a
// handful per step, so thousands of them hide the ones that matter.
const DefaultMaxAnnotations = 10

// worstFilesShown is how many files the "worst files" lists name.
const worstFilesShown = 5

// ruleStat is one row of the per-rule table.
type ruleStat struct {
	Code, Name string
	// Severity is the highest severity the rule's findings carry (a
	// --severity override can make one rule's findings differ by file).
	Severity rule.Severity
	Count    int
	Files    int
}

// add counts count problems of severity sev under the rule's name: the
// highest severity is kept, and the first name given (a finding's Name
// may be empty).
func (s *ruleStat) add(sev rule.Severity, name string, count int) {
	s.Count += count
	s.Severity = max(s.Severity, sev)
	if s.Name == "" {
		s.Name = name
	}
}

// ruleStats counts the view's findings per rule: most severe first, then
// most frequent, then by code, so the table starts with what to fix first.
func (v *view) ruleStats() []ruleStat {
	idx := map[string]int{}
	var out []ruleStat
	for i := range v.files {
		seen := map[string]bool{}
		for _, f := range v.files[i].Findings {
			k, ok := idx[f.Rule]
			if !ok {
				k = len(out)
				idx[f.Rule] = k
				out = append(out, ruleStat{Code: f.Rule, Name: f.Name, Severity: f.Severity})
			}
			s := &out[k]
			s.add(f.Severity, f.Name, 1+f.More)
			if !seen[f.Rule] {
				seen[f.Rule] = true
				s.Files++
			}
		}
	}
	sortRuleStats(out)
	return out
}

func sortRuleStats(out []ruleStat) {
	slices.SortFunc(out, func(a, b ruleStat) int {
		if a.Severity != b.Severity {
			return int(b.Severity) - int(a.Severity)
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Code, b.Code)
	})
}

// ruleCount is a rule code with how many findings it has in some set.
type ruleCount struct {
	Code  string
	Count int
}

// countByRule counts findings per rule, most frequent first (ties by code).
func countByRule(fs []rule.Finding) []ruleCount { return countRulesWhere(fs, nil) }

// countRulesWhere is countByRule over the findings keep accepts (all when
// keep is nil), without copying them: findings are large structs, and the
// text digest counts every file's.
func countRulesWhere(fs []rule.Finding, keep func(i int, f *rule.Finding) bool) []ruleCount {
	var out []ruleCount
	for i := range fs {
		f := &fs[i]
		if keep != nil && !keep(i, f) {
			continue
		}
		k := slices.IndexFunc(out, func(c ruleCount) bool { return c.Code == f.Rule })
		if k < 0 {
			k = len(out)
			out = append(out, ruleCount{Code: f.Rule})
		}
		out[k].Count += f.Problems()
	}
	sortRuleCounts(out)
	return out
}

// sortRuleCounts puts the most frequent rules first, ties by code.
func sortRuleCounts(rc []ruleCount) {
	slices.SortFunc(rc, func(a, b ruleCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Code, b.Code)
	})
}

// ruleCountsPhrase is "T004 ×840, T005 ×400, …": at most limit rules, then
// an ellipsis when there are more (limit <= 0 lists all).
func ruleCountsPhrase(rc []ruleCount, limit int) string {
	var b strings.Builder
	for i, c := range rc {
		if limit > 0 && i == limit {
			b.WriteString(", …")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.Code)
		b.WriteString(" ×")
		b.WriteString(groupDigits(c.Count))
	}
	return b.String()
}

// worstFiles returns the files with findings, worst first: most errors, then
// most warnings, then most info, then report order.
func (v *view) worstFiles() []*fileView {
	var out []*fileView
	for i := range v.files {
		if len(v.files[i].Findings) > 0 {
			out = append(out, &v.files[i])
		}
	}
	slices.SortStableFunc(out, func(a, b *fileView) int {
		switch {
		case a.Errors != b.Errors:
			return b.Errors - a.Errors
		case a.Warnings != b.Warnings:
			return b.Warnings - a.Warnings
		}
		return b.Infos - a.Infos
	})
	return out
}

// firstFindings returns at most n of a file's findings, most severe first
// and in report order within a severity (n < 0: all of them, as they are).
func firstFindings(fs []rule.Finding, n int) []rule.Finding {
	if n < 0 {
		return fs
	}
	out := make([]rule.Finding, 0, min(n, len(fs)))
	for k := 2; k >= 0 && len(out) < n; k-- {
		for _, f := range fs {
			if sevIndex(f.Severity) != k {
				continue
			}
			if len(out) == n {
				break
			}
			out = append(out, f)
		}
	}
	return out
}

// notShownCounts is how many problems of fs firstFindings leaves out (it
// takes, per severity, that severity's first findings), and their counts
// per rule, without copying them.
func notShownCounts(fs, shown []rule.Finding) (int, []ruleCount) {
	if len(shown) == len(fs) {
		return 0, nil
	}
	rc := countRulesWhere(fs, notShownFilter(shown))
	return sumCounts(rc), rc
}

// problemsIn is how many problems fs stand for.
func problemsIn(fs []rule.Finding) int {
	n := 0
	for i := range fs {
		n += fs[i].Problems()
	}
	return n
}

// sumCounts adds up per-rule counts.
func sumCounts(rc []ruleCount) int {
	n := 0
	for _, c := range rc {
		n += c.Count
	}
	return n
}

// notShownFilter accepts, called on fs in order, the findings that are
// not among shown: per severity, the ones after that severity's quota.
func notShownFilter(shown []rule.Finding) func(int, *rule.Finding) bool {
	var quota [3]int
	for i := range shown {
		quota[sevIndex(shown[i].Severity)]++
	}
	return func(_ int, f *rule.Finding) bool {
		k := sevIndex(f.Severity)
		if quota[k] > 0 {
			quota[k]--
			return false
		}
		return true
	}
}

func sevIndex(s rule.Severity) int {
	switch {
	case s >= rule.Error:
		return 2
	case s == rule.Warning:
		return 1
	}
	return 0
}

// groupDigits is 1243 as "1,243", the way people read counts.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// frameRateLabel is "23.976 fps" for 24000/1001 (the number people say),
// "25 fps" for 25, or the report's text as given when it is not a rate.
func frameRateLabel(s string) string {
	if s == "" {
		return ""
	}
	fr, err := cue.ParseFrameRate(s)
	if err != nil {
		return s + " fps"
	}
	v := strconv.FormatFloat(fr.FPS(), 'f', 3, 64)
	v = strings.TrimRight(strings.TrimRight(v, "0"), ".")
	return v + " fps"
}

// fileFacts lists what is known about a file with where each guess came
// from: "ttml, UTF-8, en (file), 23.976 fps (default), 812 cues". A file
// whose language nobody declared says so, since the language decides which
// limits applied.
func fileFacts(f *File) string {
	return strings.Join(append(fileFactList(f), count(f.Cues, "cue", "cues")), ", ")
}

// fileFactList is fileFacts up to the cue count, a fact a line: the text
// digest joins them, the HTML page lists them.
func fileFactList(f *File) []string {
	parts := make([]string, 0, 7)
	if f.Format != "" {
		parts = append(parts, f.Format)
	}
	if f.Encoding != "" {
		enc := f.Encoding
		if f.BOM {
			enc += " with BOM"
		}
		parts = append(parts, enc)
	}
	if f.Language != "" {
		parts = append(parts, withSource(f.Language, f.LanguageSource))
	} else {
		parts = append(parts, "language unknown")
	}
	if f.FrameRate != "" {
		parts = append(parts, withSource(frameRateLabel(f.FrameRate), f.FrameRateSource))
	}
	return parts
}

// severityCountsByRule is "3 errors (T004 ×2, L001 ×1), 5 warnings (T005
// ×5)": a file's counts per severity, each with its rules; severities
// without findings are left out. rows are the file's findings tallied by
// rule (tallyRules).
func severityCountsByRule(rows []ruleTally) string {
	var n [3]int
	for i := range rows {
		for k, c := range rows[i].problems {
			n[k] += c
		}
	}
	var parts []string
	var rc []ruleCount
	for _, k := range []int{2, 1, 0} {
		if n[k] == 0 {
			continue
		}
		one, many := [3]string{"info", "warning", "error"}[k], [3]string{"info", "warnings", "errors"}[k]
		rc = rc[:0]
		for i := range rows {
			if c := rows[i].problems[k]; c > 0 {
				rc = append(rc, ruleCount{Code: rows[i].Code, Count: c})
			}
		}
		sortRuleCounts(rc)
		parts = append(parts, count(n[k], one, many)+" ("+ruleCountsPhrase(rc, 0)+")")
	}
	return strings.Join(parts, ", ")
}

// count is plural with the digits grouped: "1 cue", "11,890 cues".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupDigits(n) + " " + many
}

// nonZeroCounts is "3 errors, 1 info": countsPhrase without the zeros.
func nonZeroCounts(errors, warnings, infos int) string {
	var parts []string
	if errors > 0 {
		parts = append(parts, count(errors, "error", "errors"))
	}
	if warnings > 0 {
		parts = append(parts, count(warnings, "warning", "warnings"))
	}
	if infos > 0 {
		parts = append(parts, count(infos, "info", "info"))
	}
	if len(parts) == 0 {
		return "no findings"
	}
	return strings.Join(parts, ", ")
}

// digestCounts is what the text digest's closing tables need, counted as
// files arrive: per-rule rows and the worst files so far, never the
// findings themselves.
type digestCounts struct {
	rules        []ruleStat
	ruleIndex    map[string]int
	worst        []worstFile // at most worstFilesShown, worst first
	withFindings int         // files with findings listed
	tally        []ruleTally // the last file's, kept for its memory
}

type worstFile struct {
	path string
	rule.Counts
}

// add counts one file's listed findings.
func (d *digestCounts) add(path string, c rule.Counts, fs []rule.Finding) {
	d.tally = tallyRules(d.tally, fs)
	d.addRules(path, c, d.tally)
}

// addRules counts one file's listed findings, tallied by rule: one look-up
// per rule of the file rather than two for each finding.
func (d *digestCounts) addRules(path string, c rule.Counts, rows []ruleTally) {
	if d.ruleIndex == nil {
		d.ruleIndex = map[string]int{}
	}
	for i := range rows {
		r := &rows[i]
		k, ok := d.ruleIndex[r.Code]
		if !ok {
			k = len(d.rules)
			d.ruleIndex[r.Code] = k
			d.rules = append(d.rules, ruleStat{Code: r.Code, Name: r.Name, Severity: r.Severity})
		}
		s := &d.rules[k]
		s.add(r.Severity, r.Name, r.Count)
		s.Files++
	}
	d.withFindings++
	// Insert after every file at least as bad (a stable sort's order:
	// ties stay in report order), keeping the first worstFilesShown.
	at := len(d.worst)
	for i, w := range d.worst {
		if worseFile(c, w.Counts) {
			at = i
			break
		}
	}
	if at < worstFilesShown {
		d.worst = slices.Insert(d.worst, at, worstFile{path: path, Counts: c})
		if len(d.worst) > worstFilesShown {
			d.worst = d.worst[:worstFilesShown]
		}
	}
}

// worseFile reports whether a is strictly worse than b: more errors, then
// more warnings, then more info.
func worseFile(a, b rule.Counts) bool {
	switch {
	case a.Errors != b.Errors:
		return a.Errors > b.Errors
	case a.Warnings != b.Warnings:
		return a.Warnings > b.Warnings
	}
	return a.Infos > b.Infos
}

// ruleStats is the per-rule table: most severe first, then most frequent,
// then by code, so it starts with what to fix first.
func (d *digestCounts) ruleStats() []ruleStat {
	out := slices.Clone(d.rules)
	sortRuleStats(out)
	return out
}
