package ttml

import (
	"strings"
	"testing"
)

// naiveLine is the line of byte off and where it starts, counted from the
// beginning every time: LF, CRLF and a lone CR each end a line.
func naiveLine(src string, off int) (line, start int) {
	line = 1
	for i := 0; i < off && i < len(src); i++ {
		switch {
		case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
			if i+1 >= off {
				return line, start
			}
			i++
			line, start = line+1, i+1
		case src[i] == '\r', src[i] == '\n':
			line, start = line+1, i+1
		}
	}
	return line, start
}

// The incremental tracker agrees with counting from the start at every
// offset, asked in increasing steps of every size, over mixed line ends
// (a CRLF split by the offset included).
func TestLineTrackerAgreesWithCounting(t *testing.T) {
	srcs := []string{
		"",
		"one line",
		"a\nb\r\nc\rd\n\n\r\r\n\re",
		"\r\n\r\n\r\n",
		"\r\r\r\rx",
		"<tt>\r\n  <p>x</p>\r\n</tt>\r\n",
		strings.Repeat("ab\r", 50) + strings.Repeat("cd\n", 50),
	}
	for _, src := range srcs {
		for step := 1; step <= 7; step++ {
			tr := newLineTracker(src)
			for off := 0; off <= len(src)+1; off += step {
				gl, gs := tr.at(off)
				wl, ws := naiveLine(src, off)
				if gl != wl || gs != ws {
					t.Fatalf("%q step %d off %d: line %d start %d, want %d %d", src, step, off, gl, gs, wl, ws)
				}
			}
		}
	}
}

// The cue list is sized from the paragraph end tags, prefixed or not, and
// never beyond one cue per minCueBytes of input.
func TestExpectedCues(t *testing.T) {
	pad := strings.Repeat(" ", 2*minCueBytes)
	cases := []struct {
		src  string
		want int
	}{
		{"", 0},
		{pad + `<p begin="1s" end="2s">a<br/><span>b</span></p><tt:p>c</tt:p>` + pad, 2},
		{pad + `<p/><br/></span></div></tt:pp></pp>` + pad, 0},
		{strings.Repeat("</p>", 100), 400 / minCueBytes},
	}
	for _, c := range cases {
		if got := expectedCues(c.src); got != c.want {
			t.Errorf("%.60q: %d, want %d", c.src, got, c.want)
		}
	}
}
