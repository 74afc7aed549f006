package output

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
)

func TestCSVNeutralisesFormulas(t *testing.T) {
	var buf bytes.Buffer
	c := NewCSV(&buf, false)
	c.Write([]string{"=1+1.en.srt", "+cmd", "-2+3", "@SUM(A1)", "\tx", "12.5", "plain", ""})
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"'=1+1.en.srt", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "12.5", "plain", ""}
	for i, w := range want {
		if rows[0][i] != w {
			t.Errorf("cell %d = %q, want %q", i, rows[0][i], w)
		}
	}
}

// The hand-written writer must write the bytes encoding/csv writes for
// the same (neutralised) cells: reports are compared byte for byte
// across versions, and spreadsheets read what encoding/csv quotes.
func TestCSVWritesWhatEncodingCSVWrites(t *testing.T) {
	cells := []string{"", "plain", "a,b", `say "hi"`, "two\nlines", "cr\rlf", "crlf\r\nend", " lead", "\u00a0nbsp",
		"\u3000ideo", "\u0085nel", "\v", `\.`, `\..`, "=1+1", "+\"q\"", "-a,b", "@x\ny", "\tTab", "\r\n", "日本語",
		"trail ", "\"", "'quoted'", "é\"\r"}
	// Longer cells, read eight bytes at a time: each special byte at each
	// offset, among bytes one off from them and bytes that borrow.
	for _, special := range []string{`"`, ",", "\r", "\n", "\r\n"} {
		for at := 0; at < 20; at++ {
			cells = append(cells, strings.Repeat("!#+-\x00\x01\v\x0e\x7f\xff\u00e9", 2)[:at]+special+"tail of the cell")
		}
	}
	seed := uint32(1)
	alphabet := "\"\r\n,!#+-./\x00\x01\t\v\x0c\x0e\x80\xff aZ"
	for range 300 {
		var cell []byte
		seed = seed*1664525 + 1013904223
		for n := seed >> 27; n > 0; n-- {
			seed = seed*1664525 + 1013904223
			cell = append(cell, alphabet[seed>>24%uint32(len(alphabet))])
		}
		cells = append(cells, string(cell))
	}
	for _, crlf := range []bool{false, true} {
		var got, want bytes.Buffer
		mine, ref := NewCSV(&got, crlf), csv.NewWriter(&want)
		ref.UseCRLF = crlf
		for i := range cells {
			row := cells[i:min(i+4, len(cells))]
			if err := mine.Write(row); err != nil {
				t.Fatal(err)
			}
			safe := make([]string, len(row))
			for j, s := range row {
				safe[j] = Cell(s)
			}
			ref.Write(safe)
		}
		if err := mine.Flush(); err != nil {
			t.Fatal(err)
		}
		ref.Flush()
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("crlf=%v:\n got %q\nwant %q", crlf, got.String(), want.String())
		}
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) { w.n++; return 0, errors.New("disk full") }

// A write error reaches the caller, at the latest from Flush.
func TestCSVReportsWriteError(t *testing.T) {
	w := &failingWriter{}
	c := NewCSV(w, false)
	if err := c.Write([]string{"a", "b"}); err != nil {
		t.Fatalf("buffered row: %v", err)
	}
	if err := c.Flush(); err == nil {
		t.Fatal("Flush hid the write error")
	}
	if err := c.Write([]string{"c"}); err == nil {
		t.Fatal("a write after an error succeeded")
	}
}
