package ssa

import (
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

type section uint8

const (
	secNone section = iota
	secScriptInfo
	secStyles
	secEvents
	secUnknown
)

// maxLibraryLine keeps lines away from the 64 KiB token limit of the
// library's bufio.Scanner: a longer line silently ends its parse.
const maxLibraryLine = 60000

// format is a Format: line: the field names of its section's lines.
type format struct {
	line    int
	content string // as written after "Format:", for rebuilding the line
	names   []string
}

// index returns the position of a field name (case-insensitive, as
// renderers match them), or -1.
func (f *format) index(name string) int {
	for i, n := range f.names {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	return -1
}

// dialogue is a Dialogue: line passed to the library, with what we read
// from it ourselves.
type dialogue struct {
	line   int
	offset int64
	style  string // trimmed Style field
	text   string // Text field as written
	textAt int64  // where text starts in the decoded script
	// layer is the Layer field as renderers read it, "" when the Format
	// has none (SSA v4); margins is true when the line sets any of its
	// own margins (non-zero MarginL/R/V override the style's).
	layer   string
	margins bool
}

// styleDef is what a Style: line defines, read by renderer rules: a
// non-zero number switches a flag on (the library accepts only -1).
type styleDef struct {
	name  string
	style cue.Style
	align string // Alignment in numpad numbering (\an), "" if not given
}

// candidate is a line the library parses and may reject.
type candidate struct {
	idx  int // index in scan.lib (source line idx+1)
	sec  section
	form *format
}

// scan is our own pass over the script: sections, Format lines, styles and
// dialogue lines with their source positions, which the library does not
// keep; and the copy of the text given to the library, with the lines it
// cannot survive blanked out.
type scan struct {
	src     []string // source lines
	offsets []int64
	lib     []string // library input, line for line
	diags   []cue.Diagnostic

	dialogues  []dialogue
	styles     map[string]styleDef
	candidates []candidate

	scriptType, stylesHeader, language string
	eventFields                        *format // first [Events] Format line
}

func (s *scan) diag(code string, idx int, msg string) {
	s.diags = append(s.diags, cue.Diagnostic{Rule: code, Line: idx + 1, Offset: s.offsets[idx], Message: msg})
}

func scanScript(text string) *scan {
	s := &scan{styles: map[string]styleDef{}}
	sc := cue.NewLineScanner(text)
	for sc.Scan() {
		s.src = append(s.src, sc.Text())
		s.offsets = append(s.offsets, sc.Offset())
	}
	s.lib = make([]string, len(s.src))
	copy(s.lib, s.src)

	sec := secNone
	var form *format
	noFormatReported := false
	for i, raw := range s.src {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		if len(raw) > maxLibraryLine && sec != secUnknown {
			s.diag("", i, "line of "+strconv.Itoa(len(raw))+" bytes is too long to read; it is ignored")
			s.lib[i] = ""
			continue
		}
		// Section headers are recognised exactly as the library does.
		if line[0] == '[' && line[len(line)-1] == ']' {
			form, noFormatReported = nil, false
			switch name := strings.ToLower(line[1 : len(line)-1]); name {
			case "script info":
				sec = secScriptInfo
			case "v4 styles", "v4+ styles", "v4 styles+":
				sec = secStyles
				if s.stylesHeader == "" {
					s.stylesHeader = name
				}
			case "events":
				sec = secEvents
			default:
				sec = secUnknown // header kept: the library reports it
			}
			continue
		}
		if sec == secUnknown {
			// Embedded fonts and pictures: nothing for the library, and
			// their long lines are a hazard to it.
			s.lib[i] = ""
			continue
		}
		if line[0] == ';' {
			continue
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 {
			continue // the library reports it through OnInvalidLine
		}
		header := strings.TrimSpace(line[:colon])
		switch sec {
		case secScriptInfo:
			value := strings.TrimSpace(line[colon+1:])
			switch strings.ToLower(header) {
			case "scripttype", "script type":
				s.scriptType = value
			case "language":
				s.language = value
			}
			s.candidates = append(s.candidates, candidate{idx: i, sec: sec})
		case secStyles, secEvents:
			if header == "Format" {
				form = newFormat(i+1, raw)
				if sec == secEvents {
					s.checkEventFormat(i, form)
					if s.eventFields == nil {
						s.eventFields = form
					}
				}
				continue
			}
			if sec == secEvents && header != "Dialogue" {
				// Comment:, Picture:, ... : never shown, and the library
				// would drop them after parsing. One malformed comment
				// must not cost the file.
				s.lib[i] = ""
				continue
			}
			if form == nil {
				if !noFormatReported {
					s.diag(CodeFormatMismatch, i, "no Format: line before the first "+header+": line of this section; its lines cannot be read")
					noFormatReported = true
				}
				s.lib[i] = ""
				continue
			}
			if sec == secStyles {
				s.styleLine(i, raw, header, form)
			} else {
				s.dialogueLine(i, raw, form)
			}
		}
	}
	return s
}

func newFormat(lineNo int, raw string) *format {
	content := raw[strings.IndexByte(raw, ':')+1:]
	f := &format{line: lineNo, content: strings.TrimSpace(content)}
	for _, n := range strings.Split(f.content, ",") {
		f.names = append(f.names, strings.TrimSpace(n))
	}
	return f
}

func (s *scan) checkEventFormat(i int, f *format) {
	var missing []string
	for _, n := range []string{"Start", "End", "Style"} {
		if f.index(n) < 0 {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		s.diag(CodeFormatMismatch, i, "[Events] Format line has no "+strings.Join(missing, ", ")+" field")
	}
	if f.index("Text") != len(f.names)-1 {
		s.diag(CodeFormatMismatch, i, "[Events] Format line does not end with Text: event text cannot be told from its fields")
	}
}

// fields splits the content of a Style/Dialogue line (after "Header:") into
// at most n fields, the last taking the rest, as the library does.
func fields(raw string, n int) (content string, out []string, count int) {
	content = strings.TrimLeft(raw[strings.IndexByte(raw, ':')+1:], " \t")
	count = strings.Count(content, ",") + 1
	rest := content
	for len(out) < n-1 {
		j := strings.IndexByte(rest, ',')
		if j < 0 {
			break
		}
		out = append(out, rest[:j])
		rest = rest[j+1:]
	}
	out = append(out, rest)
	return content, out, count
}

func (s *scan) styleLine(i int, raw, header string, f *format) {
	if header != "Style" {
		// The library would read any line here as a style.
		s.diag(CodeInvalidLine, i, "\""+header+":\" line in a styles section is not a Style line; it is ignored")
		s.lib[i] = ""
		return
	}
	n := len(f.names)
	content, _, count := fields(raw, n)
	vals := strings.Split(content, ",") // style values never contain commas
	s.defineStyle(vals, f)
	switch {
	case count < n:
		// Renderers still define the style, with defaults for the missing
		// fields; the library would reject the file.
		s.diag(CodeFormatMismatch, i, "Style line has "+strconv.Itoa(count)+" fields; the Format line (line "+
			strconv.Itoa(f.line)+") declares "+strconv.Itoa(n)+"; the missing ones take default values")
		s.lib[i] = ""
		return
	case count > n:
		s.diag(CodeFormatMismatch, i, "Style line has "+strconv.Itoa(count)+" fields; the Format line (line "+
			strconv.Itoa(f.line)+") declares "+strconv.Itoa(n)+"; the extra fields are ignored")
		// Renderers read the declared fields and ignore the rest; the
		// library would reject the line, so it gets the declared ones only.
		s.lib[i] = "Style: " + strings.Join(vals[:n], ",")
	}
	s.candidates = append(s.candidates, candidate{idx: i, sec: secStyles, form: f})
}

func (s *scan) defineStyle(vals []string, f *format) {
	def := styleDef{name: field(vals, f.index("Name")), align: field(vals, f.index("Alignment"))}
	if s.stylesHeader == "v4 styles" {
		def.align = legacyAlignment(def.align) // SSA v4 numbers alignments as \a does
	}
	if flag(field(vals, f.index("Italic"))) {
		def.style |= cue.Italic
	}
	if flag(field(vals, f.index("Bold"))) {
		def.style |= cue.Bold
	}
	if flag(field(vals, f.index("Underline"))) {
		def.style |= cue.Underline
	}
	s.styles[def.name] = def // a later definition wins, as in libass
}

func (s *scan) dialogueLine(i int, raw string, f *format) {
	n := len(f.names)
	_, vals, count := fields(raw, n)
	if count < n {
		s.diag(CodeFormatMismatch, i, "Dialogue line has "+strconv.Itoa(count)+" fields; the Format line (line "+
			strconv.Itoa(f.line)+") declares "+strconv.Itoa(n)+"; the event cannot be read")
		s.lib[i] = ""
		return
	}
	d := dialogue{line: i + 1, offset: s.offsets[i], style: field(vals, f.index("Style"))}
	if t := f.index("Text"); t == n-1 {
		d.text = vals[t]
		// The Text field ends the line: its place is counted back from
		// the line's end.
		d.textAt = s.offsets[i] + int64(len(raw)-len(d.text))
	}
	for _, name := range []string{"Start", "End"} {
		if problem := checkTime(field(vals, f.index(name))); problem != "" {
			s.diag("", i, name+" time "+quote(field(vals, f.index(name)))+" "+problem+"; the event is left out")
			s.lib[i] = ""
			return
		}
	}
	if li := f.index("Layer"); li >= 0 {
		raw := field(vals, li)
		layer, ok := layerValue(raw)
		d.layer = strconv.Itoa(layer)
		if !ok {
			// libass and ffmpeg read the leading integer (0 if none) and
			// show the event; the library would reject the line.
			s.diag(CodeFieldInvalid, i, "Layer "+quote(raw)+" is not an integer; renderers (libass, ffmpeg) read it as layer "+
				d.layer+" and show the event")
			vals[li] = d.layer
			s.lib[i] = "Dialogue: " + strings.Join(vals, ",")
		}
	}
	for _, name := range []string{"MarginL", "MarginR", "MarginV"} {
		if m, err := strconv.Atoi(field(vals, f.index(name))); err == nil && m != 0 {
			d.margins = true
		}
	}
	s.dialogues = append(s.dialogues, d)
	s.candidates = append(s.candidates, candidate{idx: i, sec: secEvents, form: f})
}

func field(vals []string, i int) string {
	if i < 0 || i >= len(vals) {
		return ""
	}
	return strings.TrimSpace(vals[i])
}

// flag reads an SSA boolean the way renderers do: any non-zero integer is on.
func flag(v string) bool {
	n, err := strconv.Atoi(v)
	return err == nil && n != 0
}
