package ttml

import (
	"math/rand/v2"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// buildLines feeds the builder one paragraph: pieces of src as text runs
// (an offset of -1 says the run is not written as is in src), a line break
// between some, and returns the paragraph's settled line texts.
func buildLines(src string, runs [][3]int, breaks map[int]bool, preserve bool, asWritten bool) []string {
	var b lineBuilder
	b.init(src, 1, new(scratch))
	b.reset()
	for i, r := range runs {
		off := r[0]
		if !asWritten || r[2] == 1 {
			off = -1
		}
		b.text(src[r[0]:r[1]], off, preserve, cue.Style(i%2))
		if breaks[i] {
			b.lineBreak()
		}
	}
	if !b.finish() {
		return nil
	}
	b.keep()
	d := &cue.Document{Cues: []cue.Cue{{}}}
	b.settle(d)
	var out []string
	for _, l := range d.Cues[0].Lines {
		out = append(out, l.Text)
	}
	return out
}

// A line taken as a piece of the source as written must read exactly as the
// same line copied out byte by byte: random runs of words, single and double
// spaces, tabs and line ends, adjacent or apart in the source, some marked
// as rewritten, in both xml:space modes.
func TestLinesFromSourceMatchCopies(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	alphabet := []string{"a", "b", "é", " ", " ", "  ", "\t", "\n", "x y"}
	for round := 0; round < 3000; round++ {
		var src []byte
		for n := rng.IntN(40); n >= 0; n-- {
			src = append(src, alphabet[rng.IntN(len(alphabet))]...)
		}
		var runs [][3]int
		breaks := map[int]bool{}
		for at := 0; at < len(src); {
			end := at + 1 + rng.IntN(8)
			if end > len(src) {
				end = len(src)
			}
			rewritten := 0
			if rng.IntN(6) == 0 {
				rewritten = 1
			}
			runs = append(runs, [3]int{at, end, rewritten})
			breaks[len(runs)-1] = rng.IntN(5) == 0
			at = end + rng.IntN(2) // sometimes skip a byte: markup between runs
		}
		preserve := rng.IntN(4) == 0
		got := buildLines(string(src), runs, breaks, preserve, true)
		want := buildLines(string(src), runs, breaks, preserve, false)
		if len(got) != len(want) {
			t.Fatalf("%q %v: %q, want %q", src, runs, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q %v preserve=%v: line %d %q, want %q", src, runs, preserve, i, got[i], want[i])
			}
		}
	}
}

// Lines written as is (a slice of the document) and lines read through an
// entity, markup or a line end read the same, with or without a
// byte-order mark.
func TestLinesAsIsAndRebuilt(t *testing.T) {
	body := `<div><p begin="0s" end="1s">Wait... what ?<br/><span tts:fontStyle="italic">Really ?</span></p>
<p begin="1s" end="2s">Tom &amp; Jerry<br/>So<span>...</span> you<br/>one
  two</p></div>`
	for _, bom := range []string{"", "\uFEFF"} {
		src := bom + doc(``, ``, body)
		d := Read(src)
		want := map[string]bool{"Wait... what ?": true, "Really ?": true, "Tom & Jerry": true, "So... you": true, "one two": true}
		n := 0
		for _, c := range d.Cues {
			for _, l := range c.Lines {
				n++
				if !want[l.Text] {
					t.Errorf("bom %q: unexpected line %q", bom, l.Text)
				}
			}
		}
		if n != len(want) {
			t.Errorf("%d lines, want %d", n, len(want))
		}
	}
}
