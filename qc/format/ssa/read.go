// Package ssa reads SubStation Alpha (v4, Profile "ssa") and Advanced
// SubStation Alpha (v4+, Profile "ass") scripts.
//
// go-astisub (v0.45.0) reads the structure and the event times, behind a
// wrapper that keeps its weaknesses out of the report:
//   - it never logs: its invalid-line and unknown-section hooks become A003
//     diagnostics at their source lines;
//   - it gives up on a whole file at the first line it cannot read (and can
//     panic): lines our own scan knows it would reject are kept from it
//     (A002), and if it still fails, the lines it rejects are found by
//     parsing them in small groups, reported (E000) and left out, and the
//     rest is parsed again. A panic is recovered and handled the same way;
//     if the failure cannot be pinned to lines, no cue is kept from it;
//   - it keeps no source positions and loses text detail, so a scan of our
//     own finds the Dialogue lines of [Events] in order, and the library's
//     events are matched to them in order (a count mismatch is an E000
//     finding; the first events are matched as far as both go). Text,
//     italics and positioning are read from the Text field as written; the
//     style flags from the Style lines, with renderer rules.
//
// Comment: and other non-Dialogue events are not cues. TimePrecision is
// 10 ms (SSA times are in centiseconds).
package ssa

import (
	"strconv"
	"strings"
	"time"

	"github.com/asticode/go-astisub"

	"github.com/exportqc/exportqc/qc/cue"
)

// Read reads an SSA/ASS script from decoded UTF-8 text. It never fails:
// problems become diagnostics.
func Read(text string) *cue.Document {
	doc := cue.NewDocument()
	doc.Format, doc.TimePrecision = "ssa", 10*cue.Millisecond
	s := scanScript(text)
	doc.Profile = s.profile()
	doc.Language = s.language
	subs := s.runLibrary()
	s.dropRejected()

	var items []*astisub.Item
	if subs != nil {
		items = subs.Items
	}
	if subs != nil && len(items) != len(s.dialogues) {
		s.diags = append(s.diags, cue.Diagnostic{Message: "the SSA library read " + strconv.Itoa(len(items)) +
			" events for " + strconv.Itoa(len(s.dialogues)) + " Dialogue lines; times were matched in order as far as both go"})
	}
	n := min(len(items), len(s.dialogues))
	doc.MakeCues(n)
	undefined := map[string]*undefinedStyle{}
	var order []string
	for i := 0; i < n; i++ {
		d := s.dialogues[i]
		base, known := s.lookupStyle(d.style)
		t := parseText(d.text, base, s.styles)
		doc.Cues = append(doc.Cues, cue.Cue{
			Index: i + 1, Line: d.line, Offset: d.offset,
			Start: fromDuration(items[i].StartAt), End: fromDuration(items[i].EndAt),
			Lines: t.lines, Raw: d.text, Settings: t.settings,
			TextSrc: cue.Range{From: d.textAt, To: d.textAt + int64(len(d.text))},
			// Layers are drawn over one another by design: only events
			// of one layer can collide. An event placed by itself (\pos,
			// \move, \an, its own margins) is where its author put it.
			Region:     layerRegion(d.layer),
			MayOverlap: d.margins || t.pos != "" || t.an != "" && t.an != s.alignOf(d.style),
		})
		if !known {
			u := undefined[d.style]
			if u == nil {
				u = &undefinedStyle{line: d.line, offset: d.offset, cue: i + 1}
				undefined[d.style] = u
				order = append(order, d.style)
			}
			u.uses++
		}
	}
	for _, name := range order {
		u := undefined[name]
		s.diags = append(s.diags, cue.Diagnostic{Rule: CodeStyleUndefined, Line: u.line, Offset: u.offset, Cue: u.cue,
			Message: "style " + quote(name) + " is not defined (used by " + strconv.Itoa(u.uses) +
				" Dialogue line(s)); renderers draw these lines in the Default style"})
	}
	doc.Diagnostics = s.diags
	return doc
}

// dropRejected forgets the Dialogue lines the library was kept from or
// rejected: they are reported already, and the library's events match the
// remaining ones.
func (s *scan) dropRejected() {
	kept := s.dialogues[:0]
	for _, d := range s.dialogues {
		if s.lib[d.line-1] != "" {
			kept = append(kept, d)
		}
	}
	s.dialogues = kept
}

type undefinedStyle struct {
	line   int
	offset int64
	cue    int
	uses   int
}

// lookupStyle finds a Dialogue line's style as libass and VSFilter do:
// leading '*'s are dropped, "Default" matches in any case, and a missing
// style falls back to Default. "Default" always exists for a renderer, so
// it is never reported as undefined; nor is an empty (or absent) Style
// field, which asks for the default.
func (s *scan) lookupStyle(name string) (cue.Style, bool) {
	name = strings.TrimLeft(name, "*")
	isDefault := name == "" || strings.EqualFold(name, "Default")
	if isDefault {
		name = "Default"
	}
	if def, ok := s.styles[name]; ok {
		return def.style, true
	}
	return s.styles["Default"].style, isDefault
}

// alignOf is the numpad alignment of a Dialogue line's style, looked up
// as lookupStyle does; "2" (bottom centre, the renderers' default) when
// no style says. An \an override equal to it moves nothing.
func (s *scan) alignOf(name string) string {
	name = strings.TrimLeft(name, "*")
	if name == "" || strings.EqualFold(name, "Default") {
		name = "Default"
	}
	def, ok := s.styles[name]
	if !ok {
		def = s.styles["Default"]
	}
	if def.align == "" {
		return "2"
	}
	return def.align
}

// profile is "ass" for v4+ scripts and "ssa" for v4 ones: the ScriptType
// says, else the name of the styles section.
func (s *scan) profile() string {
	switch t := strings.ToLower(s.scriptType); {
	case strings.HasPrefix(t, "v4.00+"):
		return "ass"
	case strings.HasPrefix(t, "v4.00"):
		return "ssa"
	}
	switch s.stylesHeader {
	case "v4+ styles", "v4 styles+":
		return "ass"
	case "v4 styles":
		return "ssa"
	}
	// Last resort: v4+ events have a Layer field where v4 ones have Marked.
	if f := s.eventFields; f != nil {
		switch {
		case f.index("Layer") >= 0:
			return "ass"
		case f.index("Marked") >= 0:
			return "ssa"
		}
	}
	return ""
}

// fromDuration converts a library time. SSA times are centiseconds, so the
// millisecond path is exact; anything finer goes through an exact ratio.
func fromDuration(d time.Duration) cue.Time {
	if d%time.Millisecond == 0 {
		return cue.Time(d/time.Millisecond) * cue.Millisecond
	}
	return cue.FromRatio(int64(d), int64(time.Second))
}
