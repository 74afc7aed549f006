package report

import (
	"io"

	"github.com/exportqc/exportqc/qc/output"
)

// Spec is one report request (format and path); see package output.
type Spec = output.Spec

// OutputFormats is Formats for parsing --format and --report (with the
// "md" alias New also accepts).
var OutputFormats = output.Formats{Kind: "report", Names: Formats, Aliases: map[string]string{"md": "markdown"}}

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
