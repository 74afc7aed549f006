package output

import (
	"bytes"
	"encoding/csv"
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
