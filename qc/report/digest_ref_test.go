package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// The Markdown, GitHub annotations and HTML writers before they streamed
// (a view of the whole report, then the document), kept as the reference
// the streaming writers must match byte for byte.

// Markdown (before streaming) returns the writer for pull-request comments and CI job
// summaries. It always fits MaxChars, whatever the run: first what a
// reviewer needs (verdict, counts, findings per rule, worst files), then
// the first findings of each file with findings, worst files first, while
// they fit; what does not fit is counted, and no table is ever cut.
func markdownReference(o MarkdownOptions) Writer {
	limit := o.MaxRows
	if limit <= 0 {
		limit = DefaultMaxRows
	}
	budget := o.MaxChars
	if budget <= 0 {
		budget = GitHubCommentLimit
	}
	return func(w io.Writer, r *Report) error {
		v := newViewFrom(r, o.MinSeverity)
		var doc strings.Builder
		markdownHeadReference(&doc, v)

		// The closing note is at most this long; keep room for it.
		const tailRoom = 600
		worst := v.worstFiles()
		var sections strings.Builder
		shownFiles := 0
		for _, fv := range worst {
			sec := markdownFileSection(fv, limit)
			if doc.Len()+sections.Len()+len(sec)+tailRoom > budget {
				break
			}
			sections.WriteString(sec)
			shownFiles++
		}
		if len(worst) > 0 {
			doc.WriteString("\n### First findings\n")
			doc.WriteString(sections.String())
		}
		if rest := len(worst) - shownFiles; rest > 0 {
			fmt.Fprintf(&doc, "\n_%s with %s not listed here, to fit a comment: the full report has them._\n",
				count(rest, "more file", "more files"), count(problemsIn(v.findings)-shownFindingsIn(worst[:shownFiles]), "finding", "findings"))
		}
		_, err := io.WriteString(w, doc.String())
		return err
	}
}

// shownFindingsIn counts the findings of the files whose sections were
// written: listed, or counted in their "+ N more" lines.
func shownFindingsIn(fs []*fileView) int {
	n := 0
	for _, fv := range fs {
		n += problemsIn(fv.Findings)
	}
	return n
}

// writeMarkdownHead (before streaming) writes the parts that always fit: verdict, totals,
// findings per rule (one row per rule, bounded by the rule registry) and
// the worst files.
func markdownHeadReference(b *strings.Builder, v *view) {
	r, s := v.r, &v.r.Summary
	fmt.Fprintf(b, "## %s %s: %s\n\n", verdictIcon(s.Passed), mdCell(r.Tool.Name), passLabel(s.Passed))
	if r.Tool.Version != "" || r.Tool.Profile != "" {
		parts := []string{}
		if r.Tool.Version != "" {
			parts = append(parts, mdCell(r.Tool.Name+" "+r.Tool.Version))
		}
		if r.Tool.Profile != "" {
			parts = append(parts, "profile "+mdCell(r.Tool.Profile))
		}
		fmt.Fprintf(b, "<sub>%s</sub>\n\n", strings.Join(parts, " · "))
	}
	b.WriteString("| Files | Cues | Errors | Warnings | Info | Result |\n")
	b.WriteString("|---:|---:|---:|---:|---:|:---|\n")
	fmt.Fprintf(b, "| %d | %d | %d | %d | %d | **%s** (fail-on %s) |\n",
		s.Files, s.Cues, s.Errors, s.Warnings, s.Infos, passLabel(s.Passed), v.failOnLabel())
	if v.hidden > 0 {
		fmt.Fprintf(b, "\n_%s below %s not shown (--min-severity); they still count above._\n", count(v.hidden, "finding", "findings"), v.minSeverity)
	}

	if stats := v.ruleStats(); len(stats) > 0 {
		b.WriteString("\n### Findings per rule\n\n")
		b.WriteString("| Rule | Name | Severity | Findings | Files |\n")
		b.WriteString("|:---|:---|:---|---:|---:|\n")
		for _, st := range stats {
			fmt.Fprintf(b, "| %s | %s | %s | %d | %d |\n", mdShortCell(st.Code), mdShortCell(st.Name), severityIcon(st.Severity), st.Count, st.Files)
		}
	}

	worst := v.worstFiles()
	if len(worst) == 0 {
		return
	}
	clean := len(v.files) - len(worst)
	n := min(len(worst), worstFilesShownMarkdown)
	fmt.Fprintf(b, "\n### Files with findings (%s of %d, worst first", groupDigits(n), len(worst))
	if clean > 0 {
		fmt.Fprintf(b, "; %s without findings", count(clean, "file", "files"))
	}
	b.WriteString(")\n\n")
	b.WriteString("| File | Format | Language | Cues | Errors | Warnings | Info | Result |\n")
	b.WriteString("|:---|:---|:---|---:|---:|---:|---:|:---|\n")
	for _, fv := range worst[:n] {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %d | %d | %d | %s %s |\n",
			mdShortCell(displayPath(fv.Path)), mdShortCell(fv.Format), mdShortCell(fv.Language), knownInt(fv.Known, fv.Cues),
			fv.Errors, fv.Warnings, fv.Infos, verdictIcon(!fv.Failed), passLabel(!fv.Failed))
	}
}

// GitHubAnnotations (before streaming) returns the writer of GitHub Actions workflow commands,
// one annotation per finding:
//
//	::error file=subs/a.srt,line=12,title=T003 cue-overlap::cue 3 [00:01:02.500]: ...
//
// Severities map to error, warning and notice. GitHub shows only a handful
// of annotations per step, so each rule gets at most MaxPerRule of them, in
// report order; one last notice counts the rest per rule and points to the
// full report.
func githubReference(o GitHubOptions) Writer {
	limit := o.MaxPerRule
	if limit == 0 {
		limit = DefaultMaxAnnotations
	}
	return func(w io.Writer, r *Report) error {
		v := newViewFrom(r, o.MinSeverity)
		bw := bufio.NewWriter(w)
		perRule := map[string]int{}
		var rest []rule.Finding
		for i := range v.findings {
			f := &v.findings[i]
			if limit > 0 && perRule[f.Rule] >= limit {
				rest = append(rest, *f)
				continue
			}
			perRule[f.Rule]++
			writeAnnotation(bw, f)
		}
		if len(rest) > 0 {
			rc := countByRule(rest)
			msg := groupDigits(sumCounts(rc)) + " more findings not annotated (at most " + strconv.Itoa(limit) +
				" per rule): " + ruleCountsPhrase(rc, 10) + ". The step summary and the full report list them."
			bw.WriteString("::notice title=" + escapeProperty(r.Tool.Name+": more findings") + "::" + escapeData(msg) + "\n")
		}
		return bw.Flush()
	}
}

// HTMLWith (before streaming) returns the HTML writer with options.
func htmlReference(o HTMLOptions) Writer {
	return func(w io.Writer, r *Report) error {
		p, err := htmlPageReference(r, o)
		if err != nil {
			return err
		}
		return htmlTemplate().Execute(w, p)
	}
}

func htmlPageReference(r *Report, o HTMLOptions) (*htmlPage, error) {
	v := newViewFrom(r, o.MinSeverity)
	p := &htmlPage{
		Tool:       r.Tool,
		Summary:    r.Summary,
		Verdict:    passLabel(r.Summary.Passed),
		FailOn:     v.failOnLabel(),
		Total:      len(v.findings),
		Hidden:     v.hidden,
		MinSev:     v.minSeverity.String(),
		CSS:        template.CSS(htmlCSS),
		JS:         template.JS(htmlJS),
		Deliveries: r.Deliveries,
	}
	var bySev [3]int
	byRule := make(map[string]int)
	for _, f := range v.findings {
		bySev[sevIndex(f.Severity)] += 1 + f.More
		byRule[f.Rule] += 1 + f.More
	}
	for _, s := range []rule.Severity{rule.Error, rule.Warning, rule.Info} {
		p.Severities = append(p.Severities, htmlOption{Value: s.String(), Label: s.String(), Count: bySev[sevIndex(s)]})
	}
	rules := v.ruleList()
	summaries := make(map[string]string, len(rules))
	for _, ri := range rules {
		if n := byRule[ri.Code]; n > 0 {
			p.Rules = append(p.Rules, htmlOption{Value: ri.Code, Label: ruleID(ri.Code, ri.Name), Count: n})
		}
		p.RuleDocs = append(p.RuleDocs, htmlRuleDoc{
			Code: ri.Code, Name: ri.Name, Family: ri.Family, Severity: ri.Severity.String(),
			Summary: ri.Summary, Doc: ri.Doc, Help: HelpURI(ri.Code),
		})
		summaries[ri.Code] = ri.Summary
	}
	for _, st := range v.ruleStats() {
		p.RuleStats = append(p.RuleStats, htmlRuleStat{Code: st.Code, Name: st.Name, Severity: st.Severity.String(),
			Summary: summaries[st.Code], Count: st.Count, Files: st.Files})
	}

	d := htmlData{Strs: []string{""}}
	strIdx := map[string]int{"": 0}
	str := func(s string) int {
		if k, ok := strIdx[s]; ok {
			return k
		}
		k := len(d.Strs)
		d.Strs = append(d.Strs, s)
		strIdx[s] = k
		return k
	}
	ruleIdx := map[string]int{}
	ms := func(t *rule.Timecode) int64 {
		if t == nil {
			return -1
		}
		return cue.Time(*t).Milliseconds()
	}
	for i := range v.files {
		fv := &v.files[i]
		hf := htmlFile{
			Anchor:   "file-" + strconv.Itoa(fv.Index),
			Path:     displayPath(fv.Path),
			Verdict:  passLabel(!fv.Failed),
			Errors:   fv.Errors,
			Warnings: fv.Warnings,
			Infos:    fv.Infos,
			Findings: len(fv.Findings),
		}
		if fv.Known {
			hf.Format, hf.Language, hf.Cues = fv.Format, fv.Language, strconv.Itoa(fv.Cues)
			hf.Meta = htmlMeta(&fv.File)
		}
		p.Files = append(p.Files, hf)
		d.Files = append(d.Files, [4]int64{int64(len(fv.Findings)), timelineEnd(fv), ms(fv.FirstCue), ms(fv.LastCue)})
		for j := range fv.Findings {
			f := &fv.Findings[j]
			k, ok := ruleIdx[f.Rule]
			if !ok {
				k = len(d.Rules)
				ruleIdx[f.Rule] = k
				d.Rules = append(d.Rules, [3]int{str(f.Rule), str(f.Name), str(summaries[f.Rule])})
			}
			d.Rows = append(d.Rows, []any{i, k, sevIndex(f.Severity), f.Line, f.Cue, ms(f.Start), ms(f.End),
				f.Message, str(f.Expected), str(f.Actual), str(f.Source), str(waivedText(f.Waived))})
		}
	}
	// json.Marshal escapes <, > and & as \u003c and so on, so nothing in the
	// data can close the script element or start markup.
	b, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	p.Data = template.JS(b)
	return p, nil
}
