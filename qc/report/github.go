package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// GitHub writes GitHub Actions workflow commands, one annotation per finding:
//
//	::error file=subs/a.srt,line=12,title=T003 cue-overlap::cue 3 [00:01:02.500]: ...
//
// Severities map to error, warning and notice. Note that GitHub shows only a
// limited number of annotations per step; the other formats hold them all.
func GitHub(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range sortedFindings(r.Findings) {
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
		bw.WriteString(escapeData(sarifMessage(&f)))
		bw.WriteByte('\n')
	}
	return bw.Flush()
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
