package output

import (
	"fmt"
	"slices"
	"strings"
)

// Spec is one report request: a format and where to write it. Path "-" is
// standard output.
type Spec struct {
	Format string
	Path   string
}

// Stdout reports whether the spec writes to standard output: "-", or a
// name of the process's own standard output, which is written through the
// same stream rather than reopened (reopening /proc/self/fd/1 when the
// shell redirected it to a file would write from the file's start).
func (s Spec) Stdout() bool { return IsStdout(s.Path) }

// IsStdout reports whether path names standard output.
func IsStdout(path string) bool {
	switch path {
	case "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	}
	return false
}

// Formats is the list of format names one command accepts, in the order
// help shows them, with the aliases it also understands ("md").
type Formats struct {
	// Kind names the reports in messages: "report", "audit report".
	Kind    string
	Names   []string
	Aliases map[string]string
	// Hidden names are accepted but not listed (migration aids such as
	// json-v1).
	Hidden []string
}

// Lookup returns the canonical name of a format (case-insensitive, aliases
// resolved) or an error listing the known ones.
func (f Formats) Lookup(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if a, ok := f.Aliases[n]; ok {
		n = a
	}
	if slices.Contains(f.Names, n) || slices.Contains(f.Hidden, n) {
		return n, nil
	}
	return "", fmt.Errorf("unknown %s format %q (want one of %s)", f.kind(), name, f.List())
}

// List is the names for help and messages: "text, json, html".
func (f Formats) List() string { return strings.Join(f.Names, ", ") }

func (f Formats) kind() string {
	if f.Kind == "" {
		return "report"
	}
	return f.Kind
}

// ParseSpec reads one --report value, FORMAT=PATH: "json=out/qc.json",
// "sarif=-". The path is everything after the first '=', taken as written.
// A bare FORMAT is an error: a report asked for by --report goes where the
// user says, never silently to the terminal.
func (f Formats) ParseSpec(s string) (Spec, error) {
	name, path, hasPath := strings.Cut(s, "=")
	if strings.TrimSpace(name) == "" {
		return Spec{}, fmt.Errorf("report %q: missing format (want FORMAT=PATH, e.g. json=out/qc.json)", s)
	}
	format, err := f.Lookup(name)
	if err != nil {
		return Spec{}, fmt.Errorf("report %q: %w", s, err)
	}
	if !hasPath {
		return Spec{}, fmt.Errorf("report %q: missing path (want %s=PATH; PATH - is standard output)", s, format)
	}
	if strings.TrimSpace(path) == "" {
		return Spec{}, fmt.Errorf("report %q: empty path (use - for standard output)", s)
	}
	return Spec{Format: format, Path: path}, nil
}

// Main is the spec of a command's main report, --format F with
// -o/--output PATH ("" or "-" for standard output).
func (f Formats) Main(format, path string) (Spec, error) {
	name, err := f.Lookup(format)
	if err != nil {
		return Spec{}, fmt.Errorf("--format: %w", err)
	}
	if strings.TrimSpace(path) == "" {
		path = "-"
	}
	return Spec{Format: name, Path: path}, nil
}
