package ssa

import (
	"fmt"
	"strings"

	"github.com/asticode/go-astisub"

	"github.com/exportqc/exportqc/qc/cue"
)

// readSSA is the library entry point; tests replace it to exercise the
// panic path.
var readSSA = astisub.ReadFromSSAWithOptions

// try runs the library on text, turning a panic into an error.
func try(text string, opts astisub.SSAOptions) (subs *astisub.Subtitles, err error) {
	defer func() {
		if r := recover(); r != nil {
			subs, err = nil, fmt.Errorf("the SSA library crashed: %v", r)
		}
	}()
	return readSSA(strings.NewReader(text), opts)
}

// quiet options: no callbacks, so the library neither logs nor reports
// while lines are being isolated.
var quiet = astisub.SSAOptions{}

// runLibrary parses the prepared text. The library gives up on the whole
// file at the first line it cannot read (and may panic); then the lines it
// rejects are found by parsing small groups of them on their own, blanked,
// reported as parse errors, and the rest is parsed again, so that one bad
// line costs one event, not the file.
func (s *scan) runLibrary() *astisub.Subtitles {
	cb := s.callbacks()
	subs, err := try(s.libText(), cb.options())
	if err == nil {
		s.diags = append(s.diags, cb.diags...)
		return subs
	}
	bad := 0
	for _, g := range s.groups() {
		for _, idx := range s.rejected(g) {
			bad++
			_, e := try(s.mini(g, []int{idx}), quiet)
			s.diag("", idx, "line cannot be read: "+strings.TrimPrefix(errText(e), "astisub: "))
			s.lib[idx] = ""
		}
	}
	cb = s.callbacks()
	if subs, err = try(s.libText(), cb.options()); err == nil {
		s.diags = append(s.diags, cb.diags...)
		return subs
	}
	// Not a matter of single lines: keep nothing partial from the library.
	s.diags = append(s.diags, cue.Diagnostic{Message: "the script cannot be read: " + errText(err)})
	return nil
}

func errText(err error) string {
	if err == nil {
		return "rejected together with other lines"
	}
	return err.Error()
}

func (s *scan) libText() string { return strings.Join(s.lib, "\n") }

// groups splits the candidate lines into runs that share a section and a
// Format line, each of which can be parsed on its own.
func (s *scan) groups() [][]candidate {
	var out [][]candidate
	for i, c := range s.candidates {
		if s.lib[c.idx] == "" {
			continue
		}
		if n := len(out); n > 0 && i > 0 {
			last := out[n-1][len(out[n-1])-1]
			if last.sec == c.sec && last.form == c.form {
				out[n-1] = append(out[n-1], c)
				continue
			}
		}
		out = append(out, []candidate{c})
	}
	return out
}

// rejected returns the lines of g that the library rejects, halving the
// group until each failure is pinned to a line: few parses when few lines
// are bad.
func (s *scan) rejected(g []candidate) []int {
	idx := make([]int, len(g))
	for i, c := range g {
		idx[i] = c.idx
	}
	var bad []int
	var split func(lines []int)
	split = func(lines []int) {
		if _, err := try(s.mini(g, lines), quiet); err == nil {
			return
		}
		if len(lines) == 1 {
			bad = append(bad, lines[0])
			return
		}
		split(lines[:len(lines)/2])
		split(lines[len(lines)/2:])
	}
	split(idx)
	return bad
}

// mini builds a script holding only the given lines of group g, under their
// section header and Format line.
func (s *scan) mini(g []candidate, lines []int) string {
	var b strings.Builder
	switch c := g[0]; c.sec {
	case secScriptInfo:
		b.WriteString("[Script Info]\n")
	case secStyles:
		b.WriteString("[V4+ Styles]\nFormat: " + c.form.content + "\n")
	case secEvents:
		b.WriteString("[Events]\nFormat: " + c.form.content + "\n")
	}
	for _, i := range lines {
		b.WriteString(s.lib[i])
		b.WriteByte('\n')
	}
	return b.String()
}

// libCallbacks maps the library's reports back to source lines: it calls
// them in file order with the trimmed line, so a forward search finds it.
// Reports are kept apart until the run they come from is the one used.
type libCallbacks struct {
	s     *scan
	next  int
	diags []cue.Diagnostic
}

func (s *scan) callbacks() *libCallbacks { return &libCallbacks{s: s} }

func (c *libCallbacks) options() astisub.SSAOptions {
	return astisub.SSAOptions{OnInvalidLine: c.invalidLine, OnUnknownSectionName: c.unknownSection}
}

func (c *libCallbacks) find(line string) int {
	for i := c.next; i < len(c.s.lib); i++ {
		if strings.TrimSpace(c.s.lib[i]) == line {
			c.next = i + 1
			return i
		}
	}
	return -1
}

func (c *libCallbacks) report(line, msg string) {
	d := cue.Diagnostic{Rule: CodeInvalidLine, Message: msg}
	if i := c.find(line); i >= 0 {
		d.Line, d.Offset = i+1, c.s.offsets[i]
	}
	c.diags = append(c.diags, d)
}

func (c *libCallbacks) invalidLine(line string) {
	msg := "line is not understood and is ignored: " + quote(line)
	if strings.HasPrefix(line, "\ufeff") {
		msg = "byte-order mark in the middle of the file; the line is not understood and is ignored: " + quote(line)
	}
	c.report(line, msg)
}

func (c *libCallbacks) unknownSection(line string) {
	switch strings.ToLower(line) {
	case "[fonts]", "[graphics]", "[aegisub project garbage]", "[aegisub extradata]":
		c.find(line) // standard extensions: nothing to report
		return
	}
	c.report(line, "unknown section "+line+"; its lines are ignored")
}

func quote(s string) string {
	const max = 80
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return "\"" + s + "\""
}
