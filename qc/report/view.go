package report

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// view is the shape most writers render: findings in report order, grouped
// per file, every file of the run present (clean ones too) and no finding
// dropped even when its path has no File record.
type view struct {
	r        *Report
	findings []rule.Finding // sorted copy, never nil
	files    []fileView
	// failOn is the severity from which findings fail the run; failNone
	// means nothing fails (fail-on "none").
	failOn   rule.Severity
	failNone bool
	// minSeverity is the lowest severity shown (--min-severity); hidden
	// counts the findings below it, which still count for the verdict.
	minSeverity rule.Severity
	hidden      int
}

type fileView struct {
	File
	// Known is false for paths that only appear in findings (e.g. a
	// delivery-level finding on a manifest).
	Known    bool
	Findings []rule.Finding
	Index    int // 1-based, for anchors
	// Counts of the findings listed here, over File's (which the engine
	// counted without waived findings).
	rule.Counts
	Failed bool
}

func newView(r *Report) *view { return newViewFrom(r, rule.Info) }

// newViewFrom is newView showing only findings at or above minSeverity: the
// human formats' --min-severity. The report's summary and verdict are left
// as they are; the exit code does not depend on what is shown.
func newViewFrom(r *Report, minSeverity rule.Severity) *view {
	v := &view{r: r, minSeverity: minSeverity}
	v.failOn, v.failNone = parseFailOn(r.Summary.FailOn)
	v.findings = inReportOrder(r.Findings) // no copy when already sorted (the engine sorts)
	if minSeverity > rule.Info {
		v.findings, v.hidden = atLeast(v.findings, minSeverity)
	}

	byPath := make(map[string]int, len(r.Files))
	for _, f := range r.Files {
		if _, dup := byPath[f.Path]; dup {
			continue
		}
		byPath[f.Path] = len(v.files)
		v.files = append(v.files, fileView{File: f, Known: true})
	}
	// Findings are sorted by file, so each path's findings are one run of
	// the slice; paths without a record are appended in sorted order.
	for i := 0; i < len(v.findings); {
		j := i + 1
		for j < len(v.findings) && v.findings[j].File == v.findings[i].File {
			j++
		}
		path := v.findings[i].File
		k, ok := byPath[path]
		if !ok {
			k = len(v.files)
			byPath[path] = k
			v.files = append(v.files, fileView{File: File{Path: path}})
		}
		v.files[k].Findings = v.findings[i:j:j]
		i = j
	}
	for i := range v.files {
		fv := &v.files[i]
		fv.Index = i + 1
		for _, f := range fv.Findings {
			fv.AddFinding(&f)
			if v.fails(f.Severity) {
				fv.Failed = true
			}
		}
	}
	return v
}

// sortedFindings returns a sorted copy in report order. The engine already
// sorts, but the writers promise determinism on their own.
func sortedFindings(in []rule.Finding) []rule.Finding {
	out := make([]rule.Finding, len(in))
	copy(out, in)
	slices.SortStableFunc(out, func(a, b rule.Finding) int {
		switch {
		case rule.Less(&a, &b):
			return -1
		case rule.Less(&b, &a):
			return 1
		}
		return 0
	})
	return out
}

// parseFailOn reads Summary.FailOn. An empty value means the CLI default
// (error); "none"/"never"/"off" or anything unknown means nothing fails.
func parseFailOn(s string) (sev rule.Severity, none bool) {
	if strings.TrimSpace(s) == "" {
		return rule.Error, false
	}
	sev, err := rule.ParseSeverity(s)
	if err != nil {
		return 0, true
	}
	return sev, false
}

// fails reports whether a finding of severity s fails the run.
func (v *view) fails(s rule.Severity) bool { return !v.failNone && s >= v.failOn }

// failOnLabel is the threshold as shown to people.
func (v *view) failOnLabel() string {
	if v.failNone {
		return "none"
	}
	return v.failOn.String()
}

// ruleList is every rule the report knows, in Report.Rules order, followed
// by rules that only appear in findings (E000 from a reader, say), sorted by
// code, so that no finding refers to an undeclared rule.
func (v *view) ruleList() []RuleInfo {
	out := make([]RuleInfo, 0, len(v.r.Rules))
	seen := make(map[string]bool, len(v.r.Rules))
	for _, ri := range v.r.Rules {
		if seen[ri.Code] {
			continue
		}
		seen[ri.Code] = true
		out = append(out, ri)
	}
	var extra []RuleInfo
	for _, f := range v.findings {
		if seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		extra = append(extra, RuleInfo{Code: f.Rule, Name: f.Name, Severity: f.Severity})
	}
	slices.SortFunc(extra, func(a, b RuleInfo) int { return strings.Compare(a.Code, b.Code) })
	return append(out, extra...)
}

// appendRuleID appends ruleID(code, name).
func appendRuleID(b []byte, code, name string) []byte {
	switch {
	case name == "":
		return append(b, code...)
	case code == "":
		return append(b, name...)
	}
	return append(append(append(b, code...), ' '), name...)
}

// ruleID is "T003 cue-overlap" (or just the code when the name is unknown).
func ruleID(code, name string) string {
	if name == "" {
		return code
	}
	if code == "" {
		return name
	}
	return code + " " + name
}

// timecode formats a timecode pointer, "" for nil.
func timecode(t *rule.Timecode) string {
	if t == nil {
		return ""
	}
	b, _ := t.MarshalText()
	return string(b)
}

// appendExpectedActual appends "expected X, actual Y", either half
// omitted when empty.
func appendExpectedActual(b []byte, expected, actual string) []byte {
	switch {
	case expected != "" && actual != "":
		return append(append(append(append(b, "expected "...), expected...), ", actual "...), actual...)
	case expected != "":
		return append(append(b, "expected "...), expected...)
	case actual != "":
		return append(append(b, "actual "...), actual...)
	}
	return b
}

// appendLocus appends "cue 3 [00:01:02.500]", either half omitted when
// unknown, or "cue 3 (#2) [...]" when the file numbers the cue differently.
func appendLocus(b []byte, f *rule.Finding) []byte {
	start := len(b)
	if f.Cue > 0 {
		b = append(b, "cue "...)
		digits := len(b)
		b = strconv.AppendInt(b, int64(f.Cue), 10)
		if id := f.CueID; id != "" && id != string(b[digits:]) {
			b = append(append(append(b, " (#"...), id...), ')')
		}
	}
	if f.Start != nil {
		if len(b) > start {
			b = append(b, ' ')
		}
		b = append(cue.Time(*f.Start).AppendTimecode(append(b, '[')), ']')
	}
	return b
}

// headline is "cue 3 [00:01:02.500] T003 cue-overlap: message (expected X,
// actual Y)": one finding in one line of prose, shared by the formats that
// print findings as sentences.
func headline(f *rule.Finding) string { return string(appendHeadline(nil, f)) }

// appendHeadline appends headline(f): the writers that print a line per
// finding append it into a buffer they reuse, rather than building its
// pieces as strings.
func appendHeadline(b []byte, f *rule.Finding) []byte {
	n := len(b)
	if b = appendLocus(b, f); len(b) > n {
		b = append(b, ' ')
	}
	b = appendRuleID(b, f.Rule, f.Name)
	b = append(append(b, ": "...), f.Message...)
	return appendUnsaidExpectedActual(b, f)
}

// appendUnsaidExpectedActual appends " (expected X, actual Y)", leaving
// out each half the message already says: "reading speed 26.8 characters/s
// … over the limit of 17" followed by "(expected ≤ 17 cps, actual 26.8
// cps)" made every line of a dense text report say its numbers twice, and
// X007's "no space before \":\"" was followed by "actual no space before
// \":\"". The fields stay in the machine formats (JSON, CSV) whatever the
// message says.
func appendUnsaidExpectedActual(b []byte, f *rule.Finding) []byte {
	saysExpected, saysActual := restates(f.Message, f.Expected), restates(f.Message, f.Actual)
	if saysExpected && saysActual {
		return b
	}
	// One half alone is left out only when the message says it surely: by
	// its numbers, or as a phrase. A single word ("text" of "cue has no
	// visible text") may be in the message by chance, and "(actual
	// nothing)" alone would read as a riddle.
	expected, actual := f.Expected, f.Actual
	if saysExpected && saidAlone(expected) {
		expected = ""
	}
	if saysActual && saidAlone(actual) {
		actual = ""
	}
	return append(appendExpectedActual(append(b, " ("...), expected, actual), ')')
}

// saidAlone reports whether v, which a message restates, can be left
// out while the other half of the pair is shown: a value with a number, or
// of more than one word.
func saidAlone(v string) bool {
	return strings.ContainsAny(v, "0123456789 ")
}

// restates reports whether msg already states v: every number in v
// (digits, optionally a decimal part) stands as a number of its own in
// msg, or, when v holds no number, msg contains v. An empty v is said by
// any message. T006's "2 frames (0.083 s …) or more than 0.500 s" is not
// said by a message without 0.500.
func restates(msg, v string) bool {
	if v == "" {
		return true
	}
	found := false
	for i := 0; i < len(v); {
		if !isDigit(v[i]) {
			i++
			continue
		}
		end := i
		for end < len(v) && isDigit(v[end]) {
			end++
		}
		if numberAfter(v, end) { // a decimal part
			end++
			for end < len(v) && isDigit(v[end]) {
				end++
			}
		}
		if !saysNumber(msg, v[i:end]) {
			return false
		}
		found, i = true, end
	}
	return found || strings.Contains(msg, v)
}

// saysNumber reports whether num stands in msg as a number of its own.
func saysNumber(msg, num string) bool {
	for from := 0; ; {
		k := strings.Index(msg[from:], num)
		if k < 0 {
			return false
		}
		k += from
		if !numberBefore(msg, k) && !numberAfter(msg, k+len(num)) {
			return true
		}
		from = k + 1
	}
}

// numberBefore reports whether the number starting at msg[k] continues a
// number before it ("0.17" holds "17", not the number 17).
func numberBefore(msg string, k int) bool {
	return k > 0 && (isDigit(msg[k-1]) || msg[k-1] == '.' && k > 1 && isDigit(msg[k-2]))
}

// numberAfter reports whether a number continues at msg[end]: a digit, or
// a decimal point followed by one ("17." at a sentence's end is 17).
func numberAfter(msg string, end int) bool {
	return end < len(msg) && (isDigit(msg[end]) || msg[end] == '.' && end+1 < len(msg) && isDigit(msg[end+1]))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// countsPhrase is "2 errors, 5 warnings, 1 info".
func countsPhrase(errors, warnings, infos int) string {
	return count(errors, "error", "errors") + ", " + count(warnings, "warning", "warnings") + ", " + count(infos, "info", "info")
}

// passLabel is "PASS" or "FAIL".
func passLabel(passed bool) string {
	if passed {
		return "PASS"
	}
	return "FAIL"
}

// displayPath names a finding's file for people; findings about the
// delivery as a whole may carry no path.
func displayPath(p string) string {
	if p == "" {
		return "(delivery)"
	}
	if !utf8.ValidString(p) {
		// A name that is not UTF-8 (a Latin-1 name on a Linux disk) would
		// print with U+FFFD in place of its bytes: a path that does not
		// exist. Quoted as Go does (%q), every byte is there to find it.
		return strconv.Quote(p)
	}
	return p
}
