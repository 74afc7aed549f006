package rule

import (
	"cmp"
	"sync"

	"github.com/exportqc/exportqc/qc/cue"
)

// Finding is one problem found. JSON field names are the report schema (v1).
type Finding struct {
	Rule     string   `json:"rule"`
	Name     string   `json:"name"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Cue      int      `json:"cue,omitempty"`
	// CueID is the cue's own number or identifier in the file (SRT index,
	// WebVTT identifier, TTML xml:id): what a person finds it by in an
	// editor, where Cue counts cues in file order.
	CueID string `json:"cue_id,omitempty"`
	// Start and End are the timecodes of the cue concerned, when there is one.
	Start    *Timecode `json:"start,omitempty"`
	End      *Timecode `json:"end,omitempty"`
	Message  string    `json:"message"`
	Expected string    `json:"expected,omitempty"`
	Actual   string    `json:"actual,omitempty"`
	// Source is where the threshold behind this finding comes from (guideline + clause).
	Source string `json:"source,omitempty"`
	// Waived is set when a waiver accepts the finding: it stays in the report
	// with the waiver's reason, and does not count for pass/fail or totals.
	Waived *Waiver `json:"waived,omitempty"`
	// Fixes are the corrections the rule offers (only built for exportqc fix).
	Fixes []SuggestedFix `json:"fixes,omitempty"`
	// NoFix says why the rule offers no fix for this finding, when it
	// says (see Declined): exportqc fix logs it. Not in the report.
	NoFix string `json:"-"`
	// More is how many further problems of the same rule this finding
	// stands for without listing them (a reader's "N more problems are not
	// listed", the per-rule cap's summary): totals count 1+More, so they
	// count every problem even where the list is cut short.
	More int `json:"more,omitempty"`
}

// Timecode is a cue.Time that marshals as "HH:MM:SS.mmm".
type Timecode cue.Time

func (t Timecode) MarshalText() ([]byte, error) { return cue.Time(t).AppendTimecode(nil), nil }

// TC returns a pointer to a Timecode for t.
func TC(t cue.Time) *Timecode { v := Timecode(t); return &v }

// Span returns pointers to Timecodes for a cue's start and end, taken
// from a shared slab of timecodes rather than allocated one pair at a
// time: most findings carry both, and a report has hundreds of thousands
// of findings. Neither may be changed through its pointer (a slab is
// shared; nothing writes through a finding's timecodes).
func Span(start, end cue.Time) (*Timecode, *Timecode) {
	s := timecodeSlabs.Get().(*timecodeSlab)
	a, b := s.span(start, end)
	timecodeSlabs.Put(s)
	return a, b
}

func (s *timecodeSlab) span(start, end cue.Time) (*Timecode, *Timecode) {
	if len(s.free) < 2 {
		s.free = s.next()
	}
	a, b := &s.free[0], &s.free[1]
	*a, *b = Timecode(start), Timecode(end)
	s.free = s.free[2:]
	return a, b
}

// timecodeSlabSize is how many timecodes one slab holds (2 KiB): a slab
// stays alive while any finding points into it, so it is kept small.
const timecodeSlabSize = 256

// timecodeSlab is the unused rest of a slab; a goroutine holds one alone
// between Get and Put, so parallel rules never hand out the same slot.
type timecodeSlab struct {
	free []Timecode
	// While a File tracks its texts (File.TrackTexts): the slab free is
	// the rest of, the slabs used before it, and where new ones come from.
	tracking bool
	cur      []Timecode
	held     [][]Timecode
	supply   func() []Timecode
}

// next is a new slab: made, or while tracking taken from supply (the
// slab left, if any of it was used, joins held).
func (s *timecodeSlab) next() []Timecode {
	if !s.tracking {
		return make([]Timecode, timecodeSlabSize)
	}
	if len(s.free) < len(s.cur) {
		s.held = append(s.held, s.cur)
	}
	s.cur = nil
	if s.supply != nil {
		s.cur = s.supply()
	}
	if len(s.cur) < 2 {
		s.cur = make([]Timecode, timecodeSlabSize)
	}
	return s.cur
}

var timecodeSlabs = sync.Pool{New: func() any { return new(timecodeSlab) }}

// Less orders findings by file, cue, line, rule, then message: the report order.
func Less(a, b *Finding) bool {
	return ReportOrder(a.File, a.Cue, a.Line, a.Rule, a.Message, b.File, b.Cue, b.Line, b.Rule, b.Message) < 0
}

// ReportOrder compares two findings given by their file, cue, line, rule
// and message: the one definition of report order, for every kind of
// finding record (the audit keeps a compact one).
func ReportOrder(aFile string, aCue, aLine int, aRule, aMessage string, bFile string, bCue, bLine int, bRule, bMessage string) int {
	// Field by field, stopping at the first difference: findings are sorted
	// per file, and most differ by cue long before their messages.
	if c := cmp.Compare(aFile, bFile); c != 0 {
		return c
	}
	if c := cmp.Compare(aCue, bCue); c != 0 {
		return c
	}
	if c := cmp.Compare(aLine, bLine); c != 0 {
		return c
	}
	if c := cmp.Compare(aRule, bRule); c != 0 {
		return c
	}
	return cmp.Compare(aMessage, bMessage)
}
