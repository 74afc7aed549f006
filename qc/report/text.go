package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/exportqc/exportqc/qc/rule"
)

// TextOptions tunes the text writer.
type TextOptions struct {
	// Color puts ANSI colours on severity words and the verdict. Off by
	// default: the CLI turns it on only for a terminal.
	Color bool
	// MaxPerFile is how many findings of each file are listed, errors first
	// (0: DefaultMaxPerFile; negative: none). All lists every finding.
	MaxPerFile int
	All        bool
	// MinSeverity hides findings below it (the verdict still counts them).
	MinSeverity rule.Severity
}

// Text returns the writer for people. Per file: the path with what is known
// about the file and where each guess came from, the counts per severity and
// rule, then the first findings (errors first) in the compiler style editors
// can jump to ("path:line: severity: ..."), and one line counting what was
// not listed. At the end: findings per rule, the worst files, the verdict.
// Thousands of findings thus read as a few screens that say what to fix
// first; All restores the full listing.
func Text(o TextOptions) Writer {
	return func(w io.Writer, r *Report) error { return writeTextStream(w, partsOf(r), o) }
}

// limit is how many findings of each file o lists (-1: all).
func (o TextOptions) limit() int {
	switch {
	case o.All:
		return -1
	case o.MaxPerFile == 0:
		return DefaultMaxPerFile
	case o.MaxPerFile < 0:
		return 0
	}
	return o.MaxPerFile
}

// writeTextStream writes the text report file by file as the parts
// arrive; what comes at the end (findings per rule, the worst files, the
// verdict) is counted on the way, so nothing but counts is kept: a few
// numbers per rule and the worst files so far.
func writeTextStream(w io.Writer, s *Stream, o TextOptions) error {
	s = recordsFirst(s)
	limit := o.limit()
	failOn, failNone := parseFailOn(s.FailOn)
	fails := func(sev rule.Severity) bool { return !failNone && sev >= failOn }
	bw := bufio.NewWriter(w)
	var (
		d          digestCounts
		files      int
		prevListed bool // the previous file had findings listed
		hidden     int
		bufs       lineBufs
	)
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		shownAll := p.Findings
		if o.MinSeverity > rule.Info {
			kept := make([]rule.Finding, 0, len(p.Findings))
			for _, f := range p.Findings {
				if f.Severity >= o.MinSeverity {
					kept = append(kept, f)
				}
			}
			hidden += len(p.Findings) - len(kept)
			shownAll = kept
		}
		if p.File == nil && len(shownAll) == 0 {
			continue // a path only hidden findings name
		}
		path := ""
		if p.File != nil {
			path = p.File.Path
		} else {
			path = shownAll[0].File
		}
		// Files with findings stand apart; clean files list one per line,
		// so a folder of thousands of good files stays readable.
		if files > 0 && (len(shownAll) > 0 || prevListed) {
			bw.WriteByte('\n')
		}
		files++
		prevListed = len(shownAll) > 0
		bw.WriteString(safeLine(displayPath(path)))
		if p.File != nil {
			bw.WriteString(" (" + safeLine(fileFacts(p.File)) + ")")
		}
		if len(shownAll) == 0 {
			bw.WriteString(": no findings\n")
			continue
		}
		d.tally = tallyRules(d.tally, shownAll)
		c, worst := tallyCounts(d.tally)
		d.addRules(path, c, d.tally)
		bw.WriteByte('\n')
		bw.WriteString("  " + o.verdict(!fails(worst)) + ": " + safeLine(severityCountsByRule(d.tally)) + "\n")
		shown := firstFindings(shownAll, limit)
		for j := range shown {
			o.writeFinding(bw, &shown[j], &bufs)
		}
		if n, rc := notShownByRule(d.tally, shownAll, shown); n > 0 {
			fmt.Fprintf(bw, "  + %s more: %s — --all to list\n", groupDigits(n), safeLine(ruleCountsPhrase(rc, 3)))
		}
	}
	t, err := s.Tail()
	if err != nil {
		return err
	}
	if files > 0 {
		bw.WriteByte('\n')
	}
	if o.writeRuleTable(bw, d.ruleStats()) {
		bw.WriteByte('\n')
	}
	if o.writeWorstFiles(bw, &d) {
		bw.WriteByte('\n')
	}
	// One verdict line per delivery, so a folder of deliveries reads as such.
	for _, d := range t.Deliveries {
		title := d.Kind
		if d.Title != "" {
			title += ", " + d.Title
			if d.Season > 0 {
				title += " season " + strconv.Itoa(d.Season)
			}
		}
		fmt.Fprintf(bw, "delivery %s (%s): %s, %s checked: %s — %s\n", safeLine(displayPath(d.Path)), safeLine(title),
			count(len(d.Episodes), "episode", "episodes"), count(d.Checked, "file", "files"),
			countsPhrase(d.Errors, d.Warnings, d.Infos), o.verdict(d.Passed))
	}
	if len(t.Deliveries) > 0 {
		bw.WriteByte('\n')
	}
	sum := &t.Summary
	failOnLabel := failOn.String()
	if failNone {
		failOnLabel = "none"
	}
	fmt.Fprintf(bw, "%s, %s: %s — %s (fail-on %s)",
		count(sum.Files, "file", "files"), count(sum.Cues, "cue", "cues"),
		countsPhrase(sum.Errors, sum.Warnings, sum.Infos),
		o.verdict(sum.Passed), failOnLabel)
	if sum.Waived > 0 {
		fmt.Fprintf(bw, "; %d waived", sum.Waived)
	}
	if sum.Baselined > 0 {
		fmt.Fprintf(bw, "; %d already in the baseline, not shown", sum.Baselined)
	}
	if hidden > 0 {
		fmt.Fprintf(bw, "; %s below %s not shown (--min-severity)", groupDigits(hidden), o.MinSeverity)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// lineBufs are the buffers a writer reuses from finding to finding to
// print one (a --all run prints every one of them): the headline as built
// and as made safe for the terminal.
type lineBufs struct{ raw, safe []byte }

// writeFinding prints one finding in the compiler style.
func (o TextOptions) writeFinding(bw *bufio.Writer, f *rule.Finding, bufs *lineBufs) {
	bw.WriteString(safeLine(displayPath(f.File)))
	if f.Line > 0 {
		bw.WriteByte(':')
		bw.Write(appendDecimal(bufs.safe[:0], f.Line))
	}
	bw.WriteString(": ")
	bw.WriteString(o.severity(f.Severity))
	bw.WriteString(": ")
	bufs.raw = appendHeadline(bufs.raw[:0], f)
	// A view of raw, read while safe is written: they are two arrays.
	bufs.safe = appendSafeLine(bufs.safe[:0], unsafe.String(unsafe.SliceData(bufs.raw), len(bufs.raw)))
	bw.Write(bufs.safe)
	if f.Waived != nil {
		bw.WriteString(safeLine(" [waived: " + f.Waived.Reason + " — " + f.Waived.Source + "]"))
	}
	bw.WriteByte('\n')
}

// writeRuleTable prints the findings per rule, aligned; false when there
// are none.
func (o TextOptions) writeRuleTable(bw *bufio.Writer, stats []ruleStat) bool {
	if len(stats) == 0 {
		return false
	}
	rows := [][]string{{"RULE", "NAME", "SEVERITY", "FINDINGS", "FILES"}}
	for _, s := range stats {
		rows = append(rows, []string{safeLine(s.Code), safeLine(s.Name), s.Severity.String(), groupDigits(s.Count), groupDigits(s.Files)})
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for c, cell := range row {
			widths[c] = max(widths[c], utf8.RuneCountInString(cell))
		}
	}
	bw.WriteString("Findings per rule:\n")
	for k, row := range rows {
		bw.WriteString(" ")
		for c, cell := range row {
			pad := strings.Repeat(" ", widths[c]-utf8.RuneCountInString(cell))
			bw.WriteString(" ")
			switch {
			case c >= 3: // counts align right
				bw.WriteString(pad + cell)
			case c == 2 && k > 0:
				bw.WriteString(o.severity(stats[k-1].Severity) + pad)
			case c == len(row)-1:
				bw.WriteString(cell)
			default:
				bw.WriteString(cell + pad)
			}
			if c < len(row)-1 {
				bw.WriteString(" ")
			}
		}
		bw.WriteByte('\n')
	}
	return true
}

// writeWorstFiles names the files with the most severe findings; false when
// fewer than two files have findings (the list would say nothing new).
func (o TextOptions) writeWorstFiles(bw *bufio.Writer, d *digestCounts) bool {
	if d.withFindings < 2 {
		return false
	}
	fmt.Fprintf(bw, "Worst files (%d of %s with findings):\n", len(d.worst), groupDigits(d.withFindings))
	for _, wf := range d.worst {
		fmt.Fprintf(bw, "  %s — %s\n", safeLine(displayPath(wf.path)), nonZeroCounts(wf.Errors, wf.Warnings, wf.Infos))
	}
	return true
}

const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiGreen  = "\x1b[1;32m"
)

func (o TextOptions) severity(s rule.Severity) string {
	if !o.Color {
		return s.String()
	}
	c := ansiCyan
	switch s {
	case rule.Error:
		c = ansiRed
	case rule.Warning:
		c = ansiYellow
	}
	return c + s.String() + ansiReset
}

func (o TextOptions) verdict(passed bool) string {
	l := passLabel(passed)
	if !o.Color {
		return l
	}
	if passed {
		return ansiGreen + l + ansiReset
	}
	return ansiRed + l + ansiReset
}

// safeLine keeps one finding on one line and keeps the terminal safe:
// messages quote subtitle text, which may hold line breaks, escape sequences
// or invalid bytes. Line breaks become a visible "⏎", other control
// characters (C0, DEL, C1) their \x/\u escape, invalid UTF-8 U+FFFD.
func safeLine(s string) string {
	if lineSafe(s) {
		return s
	}
	return string(appendSafeLine(make([]byte, 0, len(s)+8), s))
}

// lineSafe reports whether s is printable ASCII, which safeLine leaves as it is.
func lineSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			return false
		}
	}
	return true
}

// appendSafeLine appends safeLine(s).
func appendSafeLine(b []byte, s string) []byte {
	if lineSafe(s) {
		return append(b, s...)
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			b = append(b, " ⏎ "...)
			size = 2
		case r == '\n' || r == '\r':
			b = append(b, " ⏎ "...)
		case r == '\t':
			b = append(b, ' ')
		case r < 0x20 || r == 0x7f:
			b = fmt.Appendf(b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f:
			b = fmt.Appendf(b, `\u%04x`, r)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}
