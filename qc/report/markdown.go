package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// MarkdownOptions tunes the Markdown writer.
type MarkdownOptions struct {
	// MaxRows caps the findings listed per file (0: DefaultMaxRows); the
	// rest are counted in an "… and N more" line.
	MaxRows int
	// MinSeverity hides findings below it.
	MinSeverity rule.Severity
}

// DefaultMaxRows keeps a PR comment well under the 65,536-character limit
// of GitHub comments for a typical delivery.
const DefaultMaxRows = 50

// Markdown returns the writer for pull-request comments and CI job
// summaries: a summary table, a per-file table, then the findings of each
// file with problems (GitHub-flavoured tables, cells escaped).
func Markdown(o MarkdownOptions) Writer {
	limit := o.MaxRows
	if limit <= 0 {
		limit = DefaultMaxRows
	}
	return func(w io.Writer, r *Report) error {
		v := newView(r)
		s := &r.Summary
		bw := bufio.NewWriter(w)
		fmt.Fprintf(bw, "## %s %s: %s\n\n", verdictIcon(s.Passed), mdCell(r.Tool.Name), passLabel(s.Passed))
		if r.Tool.Version != "" || r.Tool.Profile != "" {
			parts := []string{}
			if r.Tool.Version != "" {
				parts = append(parts, mdCell(r.Tool.Name+" "+r.Tool.Version))
			}
			if r.Tool.Profile != "" {
				parts = append(parts, "profile "+mdCell(r.Tool.Profile))
			}
			fmt.Fprintf(bw, "<sub>%s</sub>\n\n", strings.Join(parts, " · "))
		}
		bw.WriteString("| Files | Cues | Errors | Warnings | Info | Result |\n")
		bw.WriteString("|---:|---:|---:|---:|---:|:---|\n")
		fmt.Fprintf(bw, "| %d | %d | %d | %d | %d | **%s** (fail-on %s) |\n",
			s.Files, s.Cues, s.Errors, s.Warnings, s.Infos, passLabel(s.Passed), v.failOnLabel())

		if len(v.files) > 0 {
			bw.WriteString("\n| File | Format | Language | Cues | Errors | Warnings | Info | Result |\n")
			bw.WriteString("|:---|:---|:---|---:|---:|---:|---:|:---|\n")
			for i := range v.files {
				fv := &v.files[i]
				fmt.Fprintf(bw, "| %s | %s | %s | %s | %d | %d | %d | %s %s |\n",
					mdCell(displayPath(fv.Path)), mdCell(fv.Format), mdCell(fv.Language), knownInt(fv.Known, fv.Cues),
					fv.Errors, fv.Warnings, fv.Infos, verdictIcon(!fv.Failed), passLabel(!fv.Failed))
			}
		}

		for i := range v.files {
			fv := &v.files[i]
			if len(fv.Findings) == 0 {
				continue
			}
			fmt.Fprintf(bw, "\n### %s %s\n\n", verdictIcon(!fv.Failed), mdCell(displayPath(fv.Path)))
			bw.WriteString("| Line | Cue | Time | Severity | Rule | Message | Expected | Actual |\n")
			bw.WriteString("|---:|---:|:---|:---|:---|:---|:---|:---|\n")
			for j := range fv.Findings {
				if j == limit {
					fmt.Fprintf(bw, "\n_… and %d more_\n", len(fv.Findings)-limit)
					break
				}
				f := &fv.Findings[j]
				fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
					positive(f.Line), positive(f.Cue), timecode(f.Start), severityIcon(f.Severity),
					mdCell(ruleID(f.Rule, f.Name)), mdCell(f.Message), mdCell(f.Expected), mdCell(f.Actual))
			}
		}
		return bw.Flush()
	}
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
