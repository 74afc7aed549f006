package report

import (
	"io"

	"github.com/exportqc/exportqc/qc/output"
)

// Spec is one report request (format and path); see package output.
type Spec = output.Spec

// OutputFormats is Formats for parsing --format and --report (with the
// "md" alias New also accepts).
// json-v1 is accepted, not listed: schema version 1 for consumers that have
// not moved to 2 yet (README, "JSON report schema").
var OutputFormats = output.Formats{Kind: "report", Names: Formats, Aliases: map[string]string{"md": "markdown"},
	Hidden: []string{"json-v1"}}

// Renderer returns what writes r in the spec's format. Files never get
// terminal colour, whatever o says.
func Renderer(s Spec, r *Report, o Options) (output.Render, error) {
	if !s.Stdout() {
		o.Color = false
	}
	w, err := New(s.Format, o)
	if err != nil {
		return nil, err
	}
	return func(out io.Writer) error { return w(out, r) }, nil
}

// StreamRenderer is Renderer for a report that arrives file by file: the
// returned Render reads st to its end. streams is false for the formats
// that collect the whole report first (see NewStream).
func StreamRenderer(s Spec, st *Stream, o Options) (render output.Render, streams bool, err error) {
	if !s.Stdout() {
		o.Color = false
	}
	w, streams, err := NewStream(s.Format, o)
	if err != nil {
		return nil, false, err
	}
	return func(out io.Writer) error { return w(out, st) }, streams, nil
}
