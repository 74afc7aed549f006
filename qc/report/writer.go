package report

import (
	"fmt"
	"io"
	"strings"
)

// Writer renders a report in one format. Writers never mutate the report and
// produce the same bytes for the same report: no clocks, no map order.
type Writer func(w io.Writer, r *Report) error

// Options tunes the writers that have knobs; the zero value is the default
// for every format.
type Options struct {
	// Color puts ANSI colours on severity words in text output. The CLI
	// sets it when stdout is a terminal; files never get colour.
	Color bool
	// Excel makes CSV friendly to spreadsheet programs: UTF-8 BOM, CRLF line
	// ends, and text cells that would start a formula are prefixed with '.
	Excel bool
	// MaxRows caps the findings listed per file in Markdown (0: 50), so a
	// PR comment stays under the host's size limit.
	MaxRows int
	// Indent lays JSON out with two-space indentation (default compact).
	Indent bool
}

// Formats lists the format names Lookup accepts, in the order help shows them.
var Formats = []string{"text", "json", "junit", "sarif", "csv", "markdown", "github", "html"}

// Lookup returns the writer for a format name with default options.
func Lookup(format string) (Writer, error) { return New(format, Options{}) }

// New returns the writer for a format name with the given options. Names are
// case-insensitive; "md" is accepted for markdown.
func New(format string, o Options) (Writer, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "text":
		return Text(TextOptions{Color: o.Color}), nil
	case "json":
		return JSONWith(JSONOptions{Indent: o.Indent}), nil
	case "json-v1":
		// Schema version 1 for consumers not yet moved to 2 (deliberately
		// not in Formats: a migration aid, not a format to choose).
		return JSONV1, nil
	case "junit":
		return JUnit, nil
	case "sarif":
		return SARIF, nil
	case "csv":
		return CSV(CSVOptions{Excel: o.Excel}), nil
	case "markdown", "md":
		return Markdown(MarkdownOptions{MaxRows: o.MaxRows}), nil
	case "github":
		return GitHub, nil
	case "html":
		return HTML, nil
	}
	return nil, fmt.Errorf("unknown report format %q (want one of %s)", format, strings.Join(Formats, ", "))
}
