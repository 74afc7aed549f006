package rule

import "github.com/exportqc/exportqc/qc/cue"

// SuggestedFix is a correction a rule offers for its finding, in the manner
// of go/analysis: a message and byte-range edits on the file's original
// bytes. A rule that cannot fix a finding safely offers none.
type SuggestedFix struct {
	Message string     `json:"message"`
	Edits   []TextEdit `json:"edits"`
}

// TextEdit replaces the original bytes [Start, End) with New. Start == End
// inserts; New == "" deletes.
type TextEdit struct {
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	New   string `json:"new"`
}

// FixSource is what a rule needs to build byte edits: the file's original
// bytes and how the decoded text the readers saw maps onto them. The engine
// sets File.Fix only when fixes are asked for (exportqc fix), so check pays
// nothing for them.
type FixSource struct {
	Data []byte // the file's bytes as read
	// TextAt is where the decoded text starts in Data (the BOM's length) when
	// the text is a verbatim copy of Data[TextAt:] (UTF-8); Mapped is false
	// otherwise (a legacy code page or UTF-16), and no text edit can be placed.
	TextAt int64
	Mapped bool
	// Configs are the file's effective configurations of every rule, so a
	// fix respects the thresholds of the rules it could trip (T001's
	// extension stops short of T004's min_gap).
	Configs map[string]*Config
}

// Span maps a range of the decoded text (binary formats: of the file) to
// original bytes; ok is false when it cannot be mapped.
func (s *FixSource) Span(r cue.Range, binary bool) (start, end int64, ok bool) {
	if s == nil || !r.Valid() {
		return 0, 0, false
	}
	if binary {
		return r.From, r.To, r.To <= int64(len(s.Data))
	}
	if !s.Mapped {
		return 0, 0, false
	}
	start, end = r.From+s.TextAt, r.To+s.TextAt
	return start, end, end <= int64(len(s.Data))
}

// Bytes returns the original bytes of a mapped range (nil if unmappable).
func (s *FixSource) Bytes(r cue.Range, binary bool) []byte {
	a, b, ok := s.Span(r, binary)
	if !ok {
		return nil
	}
	return s.Data[a:b]
}

// Duration returns another rule's duration parameter at rate fr, and
// whether that rule is enabled with the parameter set.
func (s *FixSource) Duration(code, param string, fr cue.FrameRate) (cue.Time, bool) {
	if s == nil {
		return 0, false
	}
	c := s.Configs[code]
	if c == nil || !c.Enabled {
		return 0, false
	}
	v, ok := c.Params[param]
	if !ok {
		return 0, false
	}
	return v.Value.Duration.Resolve(fr), true
}

// Enabled reports whether the rule code is enabled for this file.
func (s *FixSource) Enabled(code string) bool {
	c := s.Configs[code]
	return c != nil && c.Enabled
}

// Declined stands in the fixes of a finding the rule cannot fix safely,
// with the reason (a character the file's code table lacks): it has no
// edit, and Report moves its message to the finding's NoFix.
func Declined(reason string) SuggestedFix { return SuggestedFix{Message: reason} }

// takeDeclined moves a Declined fix out of f.Fixes into f.NoFix.
func takeDeclined(f *Finding) {
	for i, x := range f.Fixes {
		if len(x.Edits) == 0 {
			f.NoFix = x.Message
			f.Fixes = append(f.Fixes[:i:i], f.Fixes[i+1:]...)
			if len(f.Fixes) == 0 {
				f.Fixes = nil
			}
			return
		}
	}
}

// Fixing reports whether this pass should build suggested fixes.
func (p *Pass) Fixing() bool { return p.File.Fix != nil }

// ReportCueFix is ReportCue with suggested fixes attached (none is fine).
func (p *Pass) ReportCueFix(c *cue.Cue, param, message, expected, actual string, fixes ...SuggestedFix) {
	f := p.AtCue(c)
	f.Message, f.Expected, f.Actual, f.Fixes = message, expected, actual, fixes
	if param != "" {
		f.Source = p.Source(param)
	}
	p.Report(f)
}

// AtCue is a finding placed at cue c: its line, its position and its own
// id, its times. Every finding about a cue starts from it, so none lacks
// the cue number a person looks the cue up by.
func AtCue(c *cue.Cue) Finding {
	f := Finding{Line: c.Line, Cue: c.Index, CueID: CueID(c)}
	f.Start, f.End = Span(c.Start, c.End)
	return f
}

// AtCue is rule.AtCue with the timecodes taken from the file's own slab
// (see Pass.Text): no pool for each finding.
func (p *Pass) AtCue(c *cue.Cue) Finding {
	f := Finding{Line: c.Line, Cue: c.Index, CueID: CueID(c)}
	f.Start, f.End = p.File.timecodes.span(c.Start, c.End)
	return f
}
