package report

import (
	"bufio"
	"io"
	"strconv"

	"github.com/exportqc/exportqc/qc/output"
)

// CSVOptions tunes the CSV writer.
type CSVOptions struct {
	// Excel writes what spreadsheet programs open correctly: a UTF-8 BOM (or
	// Excel guesses a legacy code page and mangles non-ASCII) and CRLF line
	// ends. Cells that would start a formula (a file named =1+1.en.srt, a
	// message quoting subtitle text) are neutralised in every form: see
	// output.CSV.
	Excel bool
}

// CSVHeader is the first row of the CSV report.
var CSVHeader = []string{"file", "line", "cue", "start", "end", "severity", "rule", "name", "message", "expected", "actual", "source"}

// CSV returns the writer of one row per finding (RFC 4180 quoting, UTF-8),
// in report order. Unknown line or cue numbers are empty cells.
func CSV(o CSVOptions) Writer {
	return func(w io.Writer, r *Report) error {
		findings := inReportOrder(r.Findings)
		done := false
		return writeCSVStream(w, &Stream{
			Next: func() (Part, bool) {
				if done {
					return Part{}, false
				}
				done = true
				return Part{Findings: findings}, true
			},
			Tail: func() (Tail, error) { return Tail{}, nil },
		}, o)
	}
}

// writeCSVStream writes the rows of each part as it arrives.
func writeCSVStream(w io.Writer, s *Stream, o CSVOptions) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if o.Excel {
		bw.WriteString("\uFEFF")
	}
	cw := output.NewCSV(bw, o.Excel)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	row := make([]string, len(CSVHeader))
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		for i := range p.Findings {
			f := &p.Findings[i]
			row = append(row[:0], f.File, positive(f.Line), positive(f.Cue),
				timecode(f.Start), timecode(f.End),
				f.Severity.String(), f.Rule, f.Name,
				f.Message, f.Expected, f.Actual, f.Source)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	if _, err := s.Tail(); err != nil {
		return err
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

func positive(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}
