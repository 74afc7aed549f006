package output

import (
	"encoding/csv"
	"io"
)

// CSV writes RFC 4180 rows in which no cell can run as a spreadsheet
// formula. File names, member names and messages come from outside (a
// delivery may hold a file named "=1+1.en.srt"), and a cell starting with
// = + - @, a tab or a carriage return is evaluated by Excel, LibreOffice
// and Google Sheets when the file is opened (OWASP "CSV injection"). Such
// cells get a leading apostrophe, which spreadsheets hide. Writers put
// only non-negative numbers in cells, so no number is turned into text.
type CSV struct {
	w    *csv.Writer
	safe []string // the row written, reused: a report writes one row per finding
}

// NewCSV writes to w; useCRLF ends lines with CRLF (what Excel expects).
func NewCSV(w io.Writer, useCRLF bool) *CSV {
	cw := csv.NewWriter(w)
	cw.UseCRLF = useCRLF
	return &CSV{w: cw}
}

// Write writes one row, neutralising cells that would start a formula.
func (c *CSV) Write(row []string) error {
	c.safe = c.safe[:0]
	for _, s := range row {
		c.safe = append(c.safe, Cell(s))
	}
	return c.w.Write(c.safe)
}

// Flush writes what is buffered and returns the first error of any write.
func (c *CSV) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// Cell is s as a CSV cell that cannot start a formula.
func Cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
