package report

import (
	"fmt"
	"io"
	"strings"
)

// Spec is one --report FORMAT=PATH request; Path "-" is standard output.
type Spec struct {
	Format string
	Path   string
}

// Stdout reports whether the spec writes to standard output.
func (s Spec) Stdout() bool { return s.Path == "-" }

// ParseReportSpec reads "json=out/qc.json", "sarif=-" or a bare "text"
// (standard output). The format is checked against Formats; the path is
// taken as written (everything after the first '=').
func ParseReportSpec(s string) (Spec, error) {
	format, path, hasPath := strings.Cut(s, "=")
	format = strings.ToLower(strings.TrimSpace(format))
	if format == "" {
		return Spec{}, fmt.Errorf("report %q: missing format (want FORMAT=PATH, e.g. json=out/qc.json)", s)
	}
	if format == "md" {
		format = "markdown"
	}
	if _, err := Lookup(format); err != nil {
		return Spec{}, fmt.Errorf("report %q: %w", s, err)
	}
	if !hasPath {
		return Spec{Format: format, Path: "-"}, nil
	}
	if strings.TrimSpace(path) == "" {
		return Spec{}, fmt.Errorf("report %q: empty path (use - for standard output)", s)
	}
	return Spec{Format: format, Path: path}, nil
}

// Emit renders r as the spec asks: to stdout, or atomically to the file.
func (s Spec) Emit(stdout io.Writer, r *Report, o Options) error {
	w, err := New(s.Format, o)
	if err != nil {
		return err
	}
	if s.Stdout() {
		return w(stdout, r)
	}
	// Files never get terminal colour, whatever the options say.
	if o.Color {
		o.Color = false
		if w, err = New(s.Format, o); err != nil {
			return err
		}
	}
	return WriteFile(s.Path, w, r)
}
