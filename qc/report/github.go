package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// GitHubOptions tunes the GitHub annotations writer.
type GitHubOptions struct {
	// MaxPerRule caps the annotations per rule (0: DefaultMaxAnnotations;
	// negative: no cap).
	MaxPerRule int
	// MinSeverity hides findings below it.
	MinSeverity rule.Severity
}

// GitHub writes the annotations with the default options.
func GitHub(w io.Writer, r *Report) error { return GitHubAnnotations(GitHubOptions{})(w, r) }

// GitHubAnnotations returns the writer of GitHub Actions workflow commands,
// one annotation per finding:
//
//	::error file=subs/a.srt,line=12,title=T003 cue-overlap::cue 3 [00:01:02.500]: ...
//
// Severities map to error, warning and notice. GitHub shows only a handful
// of annotations per step, so each rule gets at most MaxPerRule of them, in
// report order; one last notice counts the rest per rule and points to the
// full report.
func GitHubAnnotations(o GitHubOptions) Writer {
	return func(w io.Writer, r *Report) error {
		findings := inReportOrder(r.Findings)
		done := false
		// The annotations follow report order, not the files' grouping:
		// the whole report is one part.
		return writeGitHubStream(w, &Stream{Tool: r.Tool, Rules: r.Rules, FailOn: r.Summary.FailOn,
			Next: func() (Part, bool) {
				if done {
					return Part{}, false
				}
				done = true
				return Part{Findings: findings}, true
			},
			Tail: func() (Tail, error) { return Tail{Summary: r.Summary, Deliveries: r.Deliveries}, nil },
		}, o)
	}
}

// writeGitHubStream writes the annotations as the findings arrive; of the
// ones over the cap it keeps only a count per rule for the closing notice.
func writeGitHubStream(w io.Writer, s *Stream, o GitHubOptions) error {
	limit := o.MaxPerRule
	if limit == 0 {
		limit = DefaultMaxAnnotations
	}
	bw := bufio.NewWriter(w)
	perRule := map[string]int{}
	rest := map[string]int{} // problems not annotated, per rule
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		for i := range p.Findings {
			f := &p.Findings[i]
			if f.Severity < o.MinSeverity {
				continue
			}
			if limit > 0 && perRule[f.Rule] >= limit {
				rest[f.Rule] += f.Problems()
				continue
			}
			perRule[f.Rule]++
			writeAnnotation(bw, f)
		}
	}
	if _, err := s.Tail(); err != nil {
		bw.Flush()
		return err
	}
	if len(rest) > 0 {
		rc := make([]ruleCount, 0, len(rest))
		for code, n := range rest {
			rc = append(rc, ruleCount{Code: code, Count: n})
		}
		sortRuleCounts(rc)
		msg := groupDigits(sumCounts(rc)) + " more findings not annotated (at most " + strconv.Itoa(limit) +
			" per rule): " + ruleCountsPhrase(rc, 10) + ". The step summary and the full report list them."
		bw.WriteString("::notice title=" + escapeProperty(s.Tool.Name+": more findings") + "::" + escapeData(msg) + "\n")
	}
	return bw.Flush()
}

func writeAnnotation(bw *bufio.Writer, f *rule.Finding) {
	bw.WriteString("::")
	bw.WriteString(githubCommand(f.Severity))
	sep := byte(' ')
	prop := func(k, v string) {
		bw.WriteByte(sep)
		sep = ','
		bw.WriteString(k)
		bw.WriteByte('=')
		bw.WriteString(escapeProperty(v))
	}
	if f.File != "" {
		prop("file", f.File)
	}
	if f.Line > 0 {
		prop("line", strconv.Itoa(f.Line))
	}
	prop("title", ruleID(f.Rule, f.Name))
	bw.WriteString("::")
	bw.WriteString(escapeData(sarifMessage(f)))
	bw.WriteByte('\n')
}

func githubCommand(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "error"
	case rule.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a command's message the way the Actions runner
// unescapes it: %, CR and LF. Escaping % first keeps the others unambiguous.
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// propertyEscaper additionally escapes the property delimiters : and ,.
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
