package ssa

import (
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/textpos"
)

// eventText is a Dialogue Text field as a viewer reads it.
type eventText struct {
	lines []cue.Line
	// settings: "an:8" (from \an, or \a converted to numpad numbering) and
	// "pos:x,y" (from \pos, or where a \move starts), the first of each in
	// the event, as renderers take them.
	settings string
	// an and pos are the same values on their own ("" when absent).
	an, pos string
}

// parseText reads an SSA/ASS Text field:
//   - override blocks {...} are never text: \i, \b, \u (with 0/1, nothing =
//     back to the style, \b weights of 700 and more are bold) and \r change
//     the style; \an/\a and \pos go to Settings; \p1... starts drawing
//     commands, which are not text either, until \p0. Anything else in a
//     block (other tags, comments) is dropped. A '{' with no '}' after it is
//     text.
//   - \N is a line break; \n also, although renderers break on it only with
//     WrapStyle 2 and show a space otherwise: a QC line count errs on the side
//     of the author's visible intent.
//   - \h is a non-breaking space (U+00A0).
//   - spaces at the start and end of each line are dropped, as renderers
//     lay lines out without them.
func parseText(raw string, base cue.Style, styles map[string]styleDef) eventText {
	b := textBuilder{base: base, cur: base, styles: styles}
	b.read(raw)
	return b.result()
}

// MapLines reads a Text field as parseText does and keeps, for each
// visible byte, where in raw it was written: text fixes edit the field's
// text between override blocks and escapes. A character read from an
// escape (\h, or a backslash pair shown as is) or from a '{' that opens
// no block is not editable.
func MapLines(raw string) []textpos.Line {
	b := textBuilder{track: true}
	b.read(raw)
	return b.mapped
}

func (b *textBuilder) read(raw string) {
	for i := 0; i < len(raw); {
		switch c := raw[i]; {
		case c == '{':
			end := strings.IndexByte(raw[i+1:], '}')
			if end < 0 {
				b.text("{", i, false)
				i++
				continue
			}
			b.overrides(raw[i+1 : i+1+end])
			i += end + 2
		case c == '\\' && i+1 < len(raw):
			switch raw[i+1] {
			case 'N', 'n':
				b.endLine()
			case 'h':
				b.text("\u00a0", i, false)
			default:
				b.text(raw[i:i+2], i, false)
			}
			i += 2
		default:
			j := i + 1
			for j < len(raw) && raw[j] != '{' && raw[j] != '\\' {
				j++
			}
			b.text(raw[i:j], i, c != '\\') // a lone backslash ending the field: left as is
			i = j
		}
	}
	b.endLine()
}

func (b *textBuilder) result() eventText {
	// An event with no visible text at all (only tags or drawings) has no lines.
	empty := true
	for _, l := range b.lines {
		if l.Text != "" {
			empty = false
		}
	}
	if empty {
		b.lines = nil
	}
	var settings []string
	if b.an != "" {
		settings = append(settings, "an:"+b.an)
	}
	if b.pos != "" {
		settings = append(settings, "pos:"+b.pos)
	}
	return eventText{lines: b.lines, settings: strings.Join(settings, " "), an: b.an, pos: b.pos}
}

type textBuilder struct {
	base, cur cue.Style
	styles    map[string]styleDef
	drawing   bool
	line      []byte
	spans     []cue.Span
	runStart  int
	runStyle  cue.Style
	lines     []cue.Line
	an, pos   string
	// track asks for the source of each visible byte (MapLines):
	// where is the line being built, mapped the lines built.
	track  bool
	where  textpos.Line
	mapped []textpos.Line
}

// text adds s, written at raw[at:]; editable says a fix may rewrite it
// byte for byte (not an escape).
func (b *textBuilder) text(s string, at int, editable bool) {
	if b.drawing || s == "" {
		return
	}
	if b.track {
		if editable {
			b.where.AddEach(s, at)
		} else {
			b.where.Add(s, at, at+len(s), false)
		}
	}
	if b.cur != b.runStyle {
		b.closeRun()
		b.runStart, b.runStyle = len(b.line), b.cur
	}
	b.line = append(b.line, s...)
}

func (b *textBuilder) closeRun() {
	if b.runStyle != 0 && len(b.line) > b.runStart {
		b.spans = append(b.spans, cue.Span{Start: b.runStart, End: len(b.line), Style: b.runStyle})
	}
	b.runStart = len(b.line)
}

// endLine finishes a display line, trimming its edge spaces.
func (b *textBuilder) endLine() {
	b.closeRun()
	lo, hi := 0, len(b.line)
	for lo < hi && (b.line[lo] == ' ' || b.line[lo] == '\t') {
		lo++
	}
	for hi > lo && (b.line[hi-1] == ' ' || b.line[hi-1] == '\t') {
		hi--
	}
	l := cue.Line{Text: string(b.line[lo:hi])}
	for _, sp := range b.spans {
		sp.Start, sp.End = max(sp.Start, lo)-lo, min(sp.End, hi)-lo
		if sp.Start < sp.End {
			l.Spans = append(l.Spans, sp)
		}
	}
	b.lines = append(b.lines, l)
	if b.track {
		b.mapped = append(b.mapped, textpos.Line{Text: l.Text, From: b.where.From[lo:hi], To: b.where.To[lo:hi]})
		b.where = textpos.Line{}
	}
	b.line, b.spans = b.line[:0], nil
	b.runStart, b.runStyle = 0, 0
}

// overrides applies the tags of one {...} block.
func (b *textBuilder) overrides(block string) {
	for i := 0; i < len(block); {
		if block[i] != '\\' {
			i++ // comment text inside a block
			continue
		}
		// A tag runs to the next backslash outside parentheses.
		j, depth := i+1, 0
		for j < len(block) && (block[j] != '\\' || depth > 0) {
			switch block[j] {
			case '(':
				depth++
			case ')':
				depth--
			}
			j++
		}
		b.tag(strings.TrimSpace(block[i+1 : j]))
		i = j
	}
}

func (b *textBuilder) tag(t string) {
	switch {
	case strings.HasPrefix(t, "an") && digits(t[2:]) && t != "an":
		if b.an == "" {
			b.an = t[2:]
		}
	case strings.HasPrefix(t, "a") && digits(t[1:]) && t != "a":
		if b.an == "" {
			b.an = legacyAlignment(t[1:])
		}
	case strings.HasPrefix(t, "pos("):
		if b.pos == "" {
			b.pos = strings.ReplaceAll(strings.TrimSuffix(t[4:], ")"), " ", "")
		}
	case strings.HasPrefix(t, "move("):
		// \move places the event as \pos does (renderers take the first
		// of the two); its position is where the move starts.
		if b.pos == "" {
			args := strings.Split(strings.ReplaceAll(strings.TrimSuffix(t[5:], ")"), " ", ""), ",")
			if len(args) >= 2 {
				b.pos = args[0] + "," + args[1]
			}
		}
	case t == "r" || strings.HasPrefix(t, "r") && !strings.HasPrefix(t, "rnd"):
		b.cur = b.base
		if name := t[1:]; name != "" {
			if def, ok := b.styles[name]; ok {
				b.cur = def.style
			}
		}
	case strings.HasPrefix(t, "p") && digits(t[1:]) && t != "p":
		n, _ := strconv.Atoi(t[1:])
		b.drawing = n != 0
	default:
		for _, f := range [...]struct {
			name  string
			style cue.Style
		}{{"i", cue.Italic}, {"b", cue.Bold}, {"u", cue.Underline}} {
			if strings.HasPrefix(t, f.name) && digits(t[1:]) {
				b.toggle(f.style, t[1:])
			}
		}
	}
}

// toggle sets a style flag from a tag argument: none restores the event's
// style, 0 turns it off, 1 (or a bold weight of 700 and more) on.
func (b *textBuilder) toggle(st cue.Style, arg string) {
	if arg == "" {
		b.cur = b.cur&^st | b.base&st
		return
	}
	n, _ := strconv.Atoi(arg)
	if n == 1 || st == cue.Bold && n >= 700 {
		b.cur |= st
	} else {
		b.cur &^= st
	}
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// legacyAlignment converts SSA \a numbering (1-3 bottom, 5-7 top, 9-11
// middle) to the numpad numbering of \an.
func legacyAlignment(a string) string {
	switch a {
	case "1", "2", "3":
		return a
	case "5", "6", "7":
		n, _ := strconv.Atoi(a)
		return strconv.Itoa(n + 2)
	case "9", "10", "11":
		n, _ := strconv.Atoi(a)
		return strconv.Itoa(n - 5)
	}
	return a
}
