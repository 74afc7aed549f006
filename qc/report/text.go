package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/rule"
)

// TextOptions tunes the text writer.
type TextOptions struct {
	// Color puts ANSI colours on severity words and the verdict. Off by
	// default: the CLI turns it on only for a terminal.
	Color bool
}

// Text returns the writer for people: findings grouped per file in the
// compiler style editors can jump to ("path:line: severity: ..."), then one
// summary line.
func Text(o TextOptions) Writer {
	return func(w io.Writer, r *Report) error {
		v := newView(r)
		bw := bufio.NewWriter(w)
		for i := range v.files {
			fv := &v.files[i]
			// Files with findings stand apart; clean files list one per line,
			// so a folder of thousands of good files stays readable.
			if i > 0 && (len(fv.Findings) > 0 || len(v.files[i-1].Findings) > 0) {
				bw.WriteByte('\n')
			}
			bw.WriteString(safeLine(displayPath(fv.Path)))
			if fv.Known {
				bw.WriteString(" (" + safeLine(fileMeta(&fv.File)) + ")")
			}
			if len(fv.Findings) == 0 {
				bw.WriteString(": no findings")
			}
			bw.WriteByte('\n')
			for j := range fv.Findings {
				f := &fv.Findings[j]
				bw.WriteString(safeLine(displayPath(f.File)))
				if f.Line > 0 {
					bw.WriteByte(':')
					bw.WriteString(strconv.Itoa(f.Line))
				}
				bw.WriteString(": ")
				bw.WriteString(o.severity(f.Severity))
				bw.WriteString(": ")
				bw.WriteString(safeLine(headline(f)))
				if f.Waived != nil {
					bw.WriteString(safeLine(" [waived: " + f.Waived.Reason + " — " + f.Waived.Source + "]"))
				}
				bw.WriteByte('\n')
			}
		}
		if len(v.files) > 0 {
			bw.WriteByte('\n')
		}
		// One verdict line per delivery, so a folder of deliveries reads as such.
		for _, d := range r.Deliveries {
			title := d.Kind
			if d.Title != "" {
				title += ", " + d.Title
				if d.Season > 0 {
					title += " season " + strconv.Itoa(d.Season)
				}
			}
			fmt.Fprintf(bw, "delivery %s (%s): %s, %s checked: %s — %s\n", safeLine(displayPath(d.Path)), safeLine(title),
				plural(len(d.Episodes), "episode", "episodes"), plural(d.Checked, "file", "files"),
				countsPhrase(d.Errors, d.Warnings, d.Infos), o.verdict(d.Passed))
		}
		if len(r.Deliveries) > 0 {
			bw.WriteByte('\n')
		}
		s := &r.Summary
		fmt.Fprintf(bw, "%s, %s: %s — %s (fail-on %s)",
			plural(s.Files, "file", "files"), plural(s.Cues, "cue", "cues"),
			countsPhrase(s.Errors, s.Warnings, s.Infos),
			o.verdict(s.Passed), v.failOnLabel())
		if s.Waived > 0 {
			fmt.Fprintf(bw, "; %d waived", s.Waived)
		}
		if s.Baselined > 0 {
			fmt.Fprintf(bw, "; %d already in the baseline, not shown", s.Baselined)
		}
		bw.WriteByte('\n')
		return bw.Flush()
	}
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
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			b.WriteString(" ⏎ ")
			size = 2
		case r == '\n' || r == '\r':
			b.WriteString(" ⏎ ")
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
