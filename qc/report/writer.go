package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
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
	// MaxRows caps the findings listed per file in Markdown (0:
	// DefaultMaxRows); the whole document fits GitHubCommentLimit anyway.
	MaxRows int
	// MaxPerFile is how many findings of each file the text report lists,
	// most severe first (0: DefaultMaxPerFile; negative: none, only the
	// counts). All lists every finding instead, as CI logs want.
	MaxPerFile int
	All        bool
	// MinSeverity hides findings below it in the human formats (text,
	// Markdown, GitHub, HTML); the verdict and the exit code still count
	// them. The zero value, info, shows everything.
	MinSeverity rule.Severity
	// MaxAnnotations caps GitHub annotations per rule (0:
	// DefaultMaxAnnotations; negative: no cap); the rest are counted in one
	// summary annotation.
	MaxAnnotations int
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
		return Text(TextOptions{Color: o.Color, MaxPerFile: o.MaxPerFile, All: o.All, MinSeverity: o.MinSeverity}), nil
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
		return Markdown(MarkdownOptions{MaxRows: o.MaxRows, MinSeverity: o.MinSeverity}), nil
	case "github":
		return GitHubAnnotations(GitHubOptions{MaxPerRule: o.MaxAnnotations, MinSeverity: o.MinSeverity}), nil
	case "html":
		return HTMLWith(HTMLOptions{MinSeverity: o.MinSeverity}), nil
	}
	return nil, fmt.Errorf("unknown report format %q (want one of %s)", format, strings.Join(Formats, ", "))
}
