package output

import (
	"io"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// CSV writes RFC 4180 rows in which no cell can run as a spreadsheet
// formula. File names, member names and messages come from outside (a
// delivery may hold a file named "=1+1.en.srt"), and a cell starting with
// = + - @, a tab or a carriage return is evaluated by Excel, LibreOffice
// and Google Sheets when the file is opened (OWASP "CSV injection"). Such
// cells get a leading apostrophe, which spreadsheets hide. Writers put
// only non-negative numbers in cells, so no number is turned into text.
//
// Rows are appended to one buffer and written out in large pieces: a
// finding-dense report writes a row per finding, and encoding/csv's
// per-cell checks and writes were a twentieth of such a run. The bytes
// are the ones encoding/csv writes with a comma (its quoting rules are
// restated in needsQuotes and appendQuoted; a test compares the two).
type CSV struct {
	w    io.Writer
	crlf bool
	buf  []byte
	err  error // the first write error: every later write returns it
}

// csvFlushAt is how full the buffer gets before it is written out.
const csvFlushAt = 32 << 10

// NewCSV writes to w; useCRLF ends lines with CRLF (what Excel expects).
func NewCSV(w io.Writer, useCRLF bool) *CSV {
	return &CSV{w: w, crlf: useCRLF, buf: make([]byte, 0, csvFlushAt+4<<10)}
}

// Write writes one row, neutralising cells that would start a formula.
func (c *CSV) Write(row []string) error {
	if c.err != nil {
		return c.err
	}
	b := c.buf
	for i, s := range row {
		if i > 0 {
			b = append(b, ',')
		}
		b = c.appendCell(b, s)
	}
	if c.crlf {
		b = append(b, '\r', '\n')
	} else {
		b = append(b, '\n')
	}
	c.buf = b
	if len(b) >= csvFlushAt {
		return c.writeOut()
	}
	return nil
}

// Flush writes what is buffered and returns the first error of any write.
func (c *CSV) Flush() error {
	if c.err != nil {
		return c.err
	}
	return c.writeOut()
}

func (c *CSV) writeOut() error {
	_, c.err = c.w.Write(c.buf)
	c.buf = c.buf[:0]
	return c.err
}

// appendCell appends s as a cell: neutralised (see Cell), then quoted
// when it must be.
func (c *CSV) appendCell(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	if formulaStart(s[0]) {
		// Cell(s) without building it: the apostrophe is the first
		// character, so only what follows can call for quotes.
		if !needsQuotes(s, false) {
			return append(append(b, '\''), s...)
		}
		return c.appendQuoted(append(b, '"', '\''), s)
	}
	if !needsQuotes(s, true) {
		return append(b, s...)
	}
	return c.appendQuoted(append(b, '"'), s)
}

// appendQuoted appends the rest of a quoted cell after its opening quote:
// quotes doubled, line ends written as the rows' own (a lone CR is kept
// only in LF files, as encoding/csv does), and the closing quote.
func (c *CSV) appendQuoted(b []byte, s string) []byte {
	for i := 0; ; {
		j := indexSpecial(s, i)
		b = append(b, s[i:j]...)
		if j == len(s) {
			return append(b, '"')
		}
		switch s[j] {
		case '"':
			b = append(b, '"', '"')
		case ',':
			b = append(b, ',')
		case '\r':
			if !c.crlf {
				b = append(b, '\r')
			}
		case '\n':
			if c.crlf {
				b = append(b, '\r', '\n')
			} else {
				b = append(b, '\n')
			}
		}
		i = j + 1
	}
}

// needsQuotes is encoding/csv's test for a non-empty cell with a comma
// separator: it holds a quote, comma or line break, is exactly `\.` (a
// PostgreSQL end-of-data marker), or (when first is set, the cell's first
// character being its own) starts with white space.
func needsQuotes(s string, first bool) bool {
	if s == `\.` && first {
		return true
	}
	if indexSpecial(s, 0) < len(s) {
		return true
	}
	if !first {
		return false
	}
	if s[0] < utf8.RuneSelf {
		switch s[0] {
		case '\t', '\n', '\v', '\f', '\r', ' ':
			return true
		}
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// indexSpecial is the index of the first quote, comma, CR or LF in s at
// or after i, or len(s): eight bytes at a time, since a report's messages
// are long and mostly need no quotes.
func indexSpecial(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if m := specials8(s, i); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case '"', ',', '\r', '\n':
			return i
		}
	}
	return len(s)
}

const (
	ones8 = 0x0101010101010101
	high8 = 0x8080808080808080
)

// specials8 has the high bit set in each byte of s[i:i+8] that is a quote,
// comma, CR or LF (bytes read low first). A byte equal to n is a zero byte
// of x^(n*ones8), which (v-ones8)&^v flags. A borrow from a flagged byte
// can flag bytes above it too, but the lowest flag is always a true one,
// and a block without any byte sought has none.
func specials8(s string, i int) uint64 {
	x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
	q, c, r, n := x^('"'*ones8), x^(','*ones8), x^('\r'*ones8), x^('\n'*ones8)
	return ((q-ones8)&^q | (c-ones8)&^c | (r-ones8)&^r | (n-ones8)&^n) & high8
}

func formulaStart(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// Cell is s as a CSV cell that cannot start a formula.
func Cell(s string) string {
	if s != "" && formulaStart(s[0]) {
		return "'" + s
	}
	return s
}
