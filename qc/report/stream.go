package report

import (
	"errors"
	"io"

	"github.com/exportqc/exportqc/qc/rule"
)

// A Stream is a report that arrives file by file, as the engine finishes
// the files in report order, so a writer can put each file's findings out
// and forget them: memory stays flat in the number of files. What only the
// whole run knows (the summary, the deliveries) comes last, in the Tail.
type Stream struct {
	Tool   Tool
	Rules  []RuleInfo
	FailOn string // Summary.FailOn, known before the first file
	// Next returns the next part in report order; false when there are
	// no more (then Tail says whether the run completed).
	Next func() (Part, bool)
	// Tail is the run's summary and deliveries once Next has returned
	// false, or the error that ended the run early (the writer must then
	// return it and write no trailer).
	Tail func() (Tail, error)
}

// Part is one file's share of a report: its record (nil for findings about
// a path the report has no record of, such as a manifest) and its
// findings, in report order.
type Part struct {
	File     *File
	Findings []rule.Finding
}

// Tail is what a report knows only at the end of a run.
type Tail struct {
	Summary    Summary
	Deliveries []Delivery
}

// StreamWriter renders a Stream in one format.
type StreamWriter func(w io.Writer, s *Stream) error

// NewStream returns the writer of a format that streams: every report
// format does, memory flat in the findings (JSON, text and CSV write each
// file as it arrives; SARIF, JUnit, JSON v1 and HTML spool what comes
// after their frame to a temporary file; Markdown and GitHub annotations
// keep only the counts and the capped findings they show). An unknown
// format gets the error New gives; streams is false then.
func NewStream(format string, o Options) (w StreamWriter, streams bool, err error) {
	switch format {
	case "json":
		return func(w io.Writer, s *Stream) error { return writeJSONStream(w, s, JSONOptions{Indent: o.Indent}) }, true, nil
	case "text":
		t := TextOptions{Color: o.Color, MaxPerFile: o.MaxPerFile, All: o.All, MinSeverity: o.MinSeverity}
		return func(w io.Writer, s *Stream) error { return writeTextStream(w, s, t) }, true, nil
	case "sarif":
		return func(w io.Writer, s *Stream) error { return writeSARIFStream(w, s, o) }, true, nil
	case "junit":
		return func(w io.Writer, s *Stream) error { return writeJUnitStream(w, s) }, true, nil
	case "csv":
		c := CSVOptions{Excel: o.Excel}
		return func(w io.Writer, s *Stream) error { return writeCSVStream(w, s, c) }, true, nil
	case "json-v1":
		return writeJSONV1Stream, true, nil
	case "html":
		h := HTMLOptions{MinSeverity: o.MinSeverity}
		return func(w io.Writer, s *Stream) error { return writeHTMLStream(w, s, h) }, true, nil
	case "markdown", "md":
		m := MarkdownOptions{MaxRows: o.MaxRows, MinSeverity: o.MinSeverity}
		return func(w io.Writer, s *Stream) error { return writeMarkdownStream(w, s, m) }, true, nil
	case "github":
		g := GitHubOptions{MaxPerRule: o.MaxAnnotations, MinSeverity: o.MinSeverity}
		return func(w io.Writer, s *Stream) error { return writeGitHubStream(w, s, g) }, true, nil
	}
	whole, err := New(format, o)
	if err != nil {
		return nil, false, err
	}
	return func(w io.Writer, s *Stream) error {
		r, err := Collect(s)
		if err != nil {
			return err
		}
		return whole(w, r)
	}, false, nil
}

// Collect reads a whole stream into a Report.
func Collect(s *Stream) (*Report, error) {
	r := &Report{SchemaVersion: SchemaVersion, Tool: s.Tool, Rules: s.Rules, Files: []File{}, Findings: []rule.Finding{}}
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		if p.File != nil {
			r.Files = append(r.Files, *p.File)
		}
		r.Findings = append(r.Findings, p.Findings...)
	}
	t, err := s.Tail()
	if err != nil {
		return nil, err
	}
	r.Summary, r.Deliveries = t.Summary, t.Deliveries
	return r, nil
}

// errStreamDone is what partsOf's Stream says when asked for its tail
// before its parts are all read (a writer's bug).
var errStreamDone = errors.New("report stream: tail asked for before the last part")

// partsOf is a whole report as a stream, grouped as the human formats
// show it: every file with a record in Files order, with its findings,
// then the paths only findings name.
func partsOf(r *Report) *Stream {
	v := newView(r)
	i := 0
	return &Stream{Tool: r.Tool, Rules: r.Rules, FailOn: r.Summary.FailOn,
		Next: func() (Part, bool) {
			if i == len(v.files) {
				return Part{}, false
			}
			fv := &v.files[i]
			i++
			p := Part{Findings: fv.Findings}
			if fv.Known {
				p.File = &fv.File
			}
			return p, true
		},
		Tail: func() (Tail, error) {
			if i < len(v.files) {
				return Tail{}, errStreamDone
			}
			return Tail{Summary: r.Summary, Deliveries: r.Deliveries}, nil
		},
	}
}

// recordsFirst is s with its parts about paths without a record (File
// nil) held back until after the last file's: the human formats list
// those paths last, as newView does, while a streamed run with deliveries
// sends them in report order (its manifests' findings). They are few: a
// delivery's own findings, not its files'.
func recordsFirst(s *Stream) *Stream {
	var held []Part
	done := false
	out := *s
	out.Next = func() (Part, bool) {
		for !done {
			p, ok := s.Next()
			if !ok {
				done = true
				break
			}
			if p.File == nil {
				held = append(held, p)
				continue
			}
			return p, true
		}
		if len(held) == 0 {
			return Part{}, false
		}
		p := held[0]
		held = held[1:]
		return p, true
	}
	return &out
}

// KeepsTexts reports whether format's writer keeps some findings' texts
// (message, expected and actual values) or timecodes past the part that
// brought them: HTML's table of strings and first finding per unlisted
// rule, SARIF's results of rules outside its rules table. Every writer keeps copies of
// findings, never a part's slice; a run that gives the chunks of a part's
// texts back for later files (engine.Recycler) must not do so while such
// a writer reads its parts. Unknown formats: true.
func KeepsTexts(format string) bool {
	switch format {
	case "json", "json-v1", "text", "csv", "junit", "markdown", "md", "github":
		return false
	}
	return true
}
