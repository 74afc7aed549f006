package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/rule"
)

// MarkdownOptions tunes the Markdown writer.
type MarkdownOptions struct {
	// MaxRows caps the findings listed per file (0: DefaultMaxRows), errors
	// first; the rest are counted per rule.
	MaxRows int
	// MinSeverity hides findings below it.
	MinSeverity rule.Severity
	// MaxChars is the size the whole document must fit (0:
	// GitHubCommentLimit).
	MaxChars int
}

// DefaultMaxRows is how many findings of each file the Markdown lists.
const DefaultMaxRows = 10

// GitHubCommentLimit is the most characters a GitHub comment (and a job
// summary section) may hold.
const GitHubCommentLimit = 65536

// mdCellLimit caps one table cell, in characters: a message quoting a
// megabyte-long line must not eat the whole comment.
const mdCellLimit = 300

// Markdown returns the writer for pull-request comments and CI job
// summaries. It always fits MaxChars, whatever the run: first what a
// reviewer needs (verdict, counts, findings per rule, worst files), then
// the first findings of each file with findings, worst files first, while
// they fit; what does not fit is counted, and no table is ever cut.
func Markdown(o MarkdownOptions) Writer {
	return func(w io.Writer, r *Report) error { return writeMarkdownStream(w, partsOf(r), o) }
}

// writeMarkdownHead writes the parts that always fit: verdict, totals,
// findings per rule (one row per rule, bounded by the rule registry) and
// the worst files.
func writeMarkdownHead(b *strings.Builder, d *mdDigest, tool Tool, s *Summary) {
	fmt.Fprintf(b, "## %s %s: %s\n\n", verdictIcon(s.Passed), mdCell(tool.Name), passLabel(s.Passed))
	if tool.Version != "" || tool.Profile != "" {
		parts := []string{}
		if tool.Version != "" {
			parts = append(parts, mdCell(tool.Name+" "+tool.Version))
		}
		if tool.Profile != "" {
			parts = append(parts, "profile "+mdCell(tool.Profile))
		}
		fmt.Fprintf(b, "<sub>%s</sub>\n\n", strings.Join(parts, " · "))
	}
	b.WriteString("| Files | Cues | Errors | Warnings | Info | Result |\n")
	b.WriteString("|---:|---:|---:|---:|---:|:---|\n")
	fmt.Fprintf(b, "| %d | %d | %d | %d | %d | **%s** (fail-on %s) |\n",
		s.Files, s.Cues, s.Errors, s.Warnings, s.Infos, passLabel(s.Passed), d.failOnLabel)
	if d.hidden > 0 {
		fmt.Fprintf(b, "\n_%s below %s not shown (--min-severity); they still count above._\n", count(d.hidden, "finding", "findings"), d.minSeverity)
	}

	if stats := d.counts.ruleStats(); len(stats) > 0 {
		b.WriteString("\n### Findings per rule\n\n")
		b.WriteString("| Rule | Name | Severity | Findings | Files |\n")
		b.WriteString("|:---|:---|:---|---:|---:|\n")
		for _, st := range stats {
			fmt.Fprintf(b, "| %s | %s | %s | %d | %d |\n", mdShortCell(st.Code), mdShortCell(st.Name), severityIcon(st.Severity), st.Count, st.Files)
		}
	}

	withFindings := d.counts.withFindings
	if withFindings == 0 {
		return
	}
	clean := d.files - withFindings
	n := len(d.worstRows)
	fmt.Fprintf(b, "\n### Files with findings (%s of %d, worst first", groupDigits(n), withFindings)
	if clean > 0 {
		fmt.Fprintf(b, "; %s without findings", count(clean, "file", "files"))
	}
	b.WriteString(")\n\n")
	b.WriteString("| File | Format | Language | Cues | Errors | Warnings | Info | Result |\n")
	b.WriteString("|:---|:---|:---|---:|---:|---:|---:|:---|\n")
	for _, row := range d.worstRows {
		b.WriteString(row.text)
	}
}

// markdownWorstRow is one row of the worst files table.
func markdownWorstRow(fv *fileView) string {
	return fmt.Sprintf("| %s | %s | %s | %s | %d | %d | %d | %s %s |\n",
		mdShortCell(displayPath(fv.Path)), mdShortCell(fv.Format), mdShortCell(fv.Language), knownInt(fv.Known, fv.Cues),
		fv.Errors, fv.Warnings, fv.Infos, verdictIcon(!fv.Failed), passLabel(!fv.Failed))
}

// worstFilesShownMarkdown is how many files the Markdown file table lists.
const worstFilesShownMarkdown = 10

// markdownFileSection renders one file's first findings and the count of
// the rest.
func markdownFileSection(fv *fileView, limit int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n#### %s %s\n\n", verdictIcon(!fv.Failed), mdShortCell(displayPath(fv.Path)))
	if fv.Known {
		fmt.Fprintf(&b, "<sub>%s</sub>\n\n", mdShortCell(fileFacts(&fv.File)))
	}
	b.WriteString("| Line | Cue | Time | Severity | Rule | Message | Expected | Actual |\n")
	b.WriteString("|---:|---:|:---|:---|:---|:---|:---|:---|\n")
	shown := firstFindings(fv.Findings, limit)
	for j := range shown {
		f := &shown[j]
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
			positive(f.Line), positive(f.Cue), timecode(f.Start), severityIcon(f.Severity),
			mdShortCell(ruleID(f.Rule, f.Name)), mdShortCell(f.Message), mdShortCell(f.Expected), mdShortCell(f.Actual))
	}
	if n, rc := notShownCounts(fv.Findings, shown); n > 0 {
		fmt.Fprintf(&b, "\n_+ %s more: %s_\n", groupDigits(n), mdCell(ruleCountsPhrase(rc, 5)))
	}
	return b.String()
}

// mdShortCell is mdCell of at most mdCellLimit characters of s.
func mdShortCell(s string) string {
	if utf8.RuneCountInString(s) > mdCellLimit {
		rs := []rune(s)
		s = string(rs[:mdCellLimit]) + "…"
	}
	return mdCell(s)
}

func knownInt(known bool, n int) string {
	if !known {
		return ""
	}
	return strconv.Itoa(n)
}

func verdictIcon(passed bool) string {
	if passed {
		return "✅"
	}
	return "❌"
}

func severityIcon(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "🔴 error"
	case rule.Warning:
		return "🟠 warning"
	}
	return "🔵 info"
}

// mdEscaper makes any text inert inside a GFM table cell: pipes would split
// the cell, line breaks end the row, and Markdown/HTML punctuation would
// format, link or inject markup. Backslash goes first so added escapes are
// not escaped again (a Replacer works in one pass anyway).
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "#", `\#`, "~", `\~`,
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

func mdCell(s string) string { return mdEscaper.Replace(s) }
