package audit

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/report"
)

// Writer renders an audit in one format; the same audit gives the same bytes.
type Writer func(io.Writer, *Audit) error

// Formats lists the audit report formats, in the order help shows them.
var Formats = []string{"text", "json", "html", "csv", "csv-deliveries"}

// Lookup returns the writer for a format name (case-insensitive).
func Lookup(format string) (Writer, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "text":
		return Text, nil
	case "json":
		return JSON, nil
	case "html":
		return HTML, nil
	case "csv":
		return CSV, nil
	case "csv-deliveries":
		return DeliveriesCSV, nil
	}
	return nil, fmt.Errorf("unknown audit report format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// Spec is one --report FORMAT=PATH; Path "-" is standard output.
type Spec struct{ Format, Path string }

// ParseSpec reads "html=audit.html", "json=-" or a bare format (stdout).
func ParseSpec(s string) (Spec, error) {
	format, path, hasPath := strings.Cut(s, "=")
	format = strings.ToLower(strings.TrimSpace(format))
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

// Emit writes the audit as the spec asks: to stdout, or atomically to the
// file (report.WriteFile's temp file, sync and rename), creating folders.
func (s Spec) Emit(stdout io.Writer, a *Audit) error {
	w, err := Lookup(s.Format)
	if err != nil {
		return err
	}
	if s.Path == "-" {
		bw := bufio.NewWriter(stdout)
		if err := w(bw, a); err != nil {
			return err
		}
		return bw.Flush()
	}
	// report.WriteFile renders a *report.Report; the audit's writer is
	// bound in a closure and the report argument ignored.
	return report.WriteFile(s.Path, func(out io.Writer, _ *report.Report) error { return w(out, a) }, nil)
}

// ReadFile decodes an audit JSON file (a shard's report, for merge),
// sending the deliveries' findings to spill when it is not nil.
func ReadFile(path string, spill *Spill) (*Audit, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	a, err := DecodeSpilled(bufio.NewReaderSize(f, 1<<20), spill)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.ToSlash(path), err)
	}
	return a, nil
}
