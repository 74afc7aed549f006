package cue

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Arrow marks exactly the lines holding "-->", and MarkArrows counts them
// as strings.Count does, wherever the dashes, '>' and line ends fall
// (LF, CRLF, lone CR, a BOM); a recycled document's bits from a previous
// text never leak into the next one's.
func TestArrowsAsStrings(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 7))
	pieces := []string{"-", "--", ">", "-->", "a", "->", "<", " ", "é", "\n", "\r\n", "\r", "00:01.000 --> 00:02.000"}
	d := NewDocument()
	for round := range 5000 {
		var b strings.Builder
		if rng.IntN(8) == 0 {
			b.WriteString("\xEF\xBB\xBF")
		}
		for range rng.IntN(200) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		x := IndexLines(src)
		if x.Len() > 0 && x.Arrow(0) {
			t.Fatalf("%q: Arrow(0) before MarkArrows", src)
		}
		y := d.IndexLines(src)
		if n, want := x.markArrows(nil), strings.Count(src, "-->"); n != want {
			t.Fatalf("%q: MarkArrows counted %d, want %d", src, n, want)
		}
		if n, want := d.MarkArrows(&y), strings.Count(src, "-->"); n != want {
			t.Fatalf("%q: recycled MarkArrows counted %d, want %d", src, n, want)
		}
		for i := range x.Len() {
			want := strings.Contains(x.Text(i), "-->")
			if x.Arrow(i) != want || y.Arrow(i) != want {
				t.Fatalf("round %d, %q line %d %q: Arrow %v (recycled %v), want %v", round, src, i, x.Text(i), x.Arrow(i), y.Arrow(i), want)
			}
		}
		if x.Arrow(x.Len()) || x.Arrow(-1) {
			t.Fatalf("%q: Arrow outside the lines", src)
		}
	}
}
