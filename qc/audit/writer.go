package audit

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/output"
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

// OutputFormats is Formats for parsing --format and --report.
var OutputFormats = output.Formats{Kind: "audit report", Names: Formats}

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
