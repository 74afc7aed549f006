package report

import (
	"io"
	"strconv"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/output"
	"github.com/exportqc/exportqc/qc/rule"
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
	if o.Excel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := output.NewCSV(w, o.Excel) // buffered: rows go out in large writes
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	row := make([]string, len(CSVHeader))
	var numbers csvNumbers
	for {
		p, ok := s.Next()
		if !ok {
			break
		}
		for i := range p.Findings {
			f := &p.Findings[i]
			line, cueNo, start, end := numbers.cells(f)
			row = append(row[:0], f.File, line, cueNo, start, end,
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
	return cw.Flush()
}

func positive(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// csvNumbers formats a row's line, cue and timecodes: appended into one
// buffer, reused from row to row, and cut into the four cells. The cells
// are only valid until the next call: each row is written (copied into
// the CSV writer's buffer) before the next one is formatted, so a row
// costs no allocation for its numbers.
type csvNumbers struct{ buf []byte }

func (n *csvNumbers) cells(f *rule.Finding) (line, cueNo, start, end string) {
	b := n.buf[:0]
	var cut [4]int
	if f.Line > 0 {
		b = appendDecimal(b, f.Line)
	}
	cut[0] = len(b)
	if f.Cue > 0 {
		b = appendDecimal(b, f.Cue)
	}
	cut[1] = len(b)
	if f.Start != nil {
		b = cue.Time(*f.Start).AppendTimecode(b)
	}
	cut[2] = len(b)
	if f.End != nil {
		b = cue.Time(*f.End).AppendTimecode(b)
	}
	cut[3] = len(b)
	n.buf = b
	if len(b) == 0 {
		return "", "", "", ""
	}
	all := unsafe.String(&b[0], len(b))
	return all[:cut[0]], all[cut[0]:cut[1]], all[cut[1]:cut[2]], all[cut[2]:cut[3]]
}
