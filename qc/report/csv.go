package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
)

// CSVOptions tunes the CSV writer.
type CSVOptions struct {
	// Excel writes what spreadsheet programs open correctly: a UTF-8 BOM (or
	// Excel guesses a legacy code page and mangles non-ASCII), CRLF line
	// ends, and a ' before text cells that start with = + - @ so that a
	// message quoting subtitle text cannot run as a formula. Off by default:
	// the plain form round-trips exactly through any CSV reader.
	Excel bool
}

// CSVHeader is the first row of the CSV report.
var CSVHeader = []string{"file", "line", "cue", "start", "end", "severity", "rule", "name", "message", "expected", "actual", "source"}

// CSV returns the writer of one row per finding (RFC 4180 quoting, UTF-8),
// in report order. Unknown line or cue numbers are empty cells.
func CSV(o CSVOptions) Writer {
	return func(w io.Writer, r *Report) error {
		bw := bufio.NewWriter(w)
		if o.Excel {
			bw.WriteString("\uFEFF")
		}
		cw := csv.NewWriter(bw)
		cw.UseCRLF = o.Excel
		text := func(s string) string { return s }
		if o.Excel {
			text = defuseFormula
		}
		if err := cw.Write(CSVHeader); err != nil {
			return err
		}
		for _, f := range sortedFindings(r.Findings) {
			row := []string{
				text(f.File), positive(f.Line), positive(f.Cue),
				timecode(f.Start), timecode(f.End),
				f.Severity.String(), f.Rule, f.Name,
				text(f.Message), text(f.Expected), text(f.Actual), text(f.Source),
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		return bw.Flush()
	}
}

func positive(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// defuseFormula prefixes cells that spreadsheets would evaluate (OWASP CSV
// injection): leading = + - @, tab or carriage return.
func defuseFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
