package textenc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// ControlLine is a line of decoded text that holds control characters.
type ControlLine struct {
	Line    int // 1-based, counted as the readers count lines
	Message string
	More    int // for the entry that counts unlisted lines: how many it stands for beyond itself
}

// MaxControlLines caps the lines Controls lists one by one; the rest are
// counted in one more entry.
const MaxControlLines = 20

// Controls finds the C0 control characters (other than tab, line feed and
// carriage return) and DEL in decoded text, line by line. No subtitle shows
// them: players drop them, draw a replacement glyph, or (NUL) stop reading
// the line there. A file that holds some is still read by its format's
// reader; this says where they are so they can be removed. Form feed is
// included although WebVTT counts it as a space: no authoring tool writes
// one on purpose.
func Controls(text string) []ControlLine {
	if !hasControl(text) {
		return nil // the common case: one pass, no allocation
	}
	var out []ControlLine
	more, moreFirst := 0, 0
	line := 0
	for s := cue.NewLineScanner(text); s.Scan(); {
		line++
		l := s.Text()
		if !hasControl(l) {
			continue
		}
		if len(out) == MaxControlLines {
			if more == 0 {
				moreFirst = line
			}
			more++
			continue
		}
		out = append(out, ControlLine{Line: line, Message: describeControls(l)})
	}
	if more > 0 {
		out = append(out, ControlLine{Line: moreFirst, More: more - 1,
			Message: strconv.Itoa(more) + " more lines from here on hold control characters (not listed)"})
	}
	return out
}

// ControlsAfter is Controls for text whose first clean bytes are known to
// hold no control character (Result.ControlFree): only the rest is read
// unless it holds one, when the whole text is surveyed as Controls does.
func ControlsAfter(text string, clean int) []ControlLine {
	if clean < 0 || clean > len(text) || hasControl(text[clean:]) {
		return Controls(text)
	}
	return nil
}

func isControl(c byte) bool { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F }

// hasControl reports whether s holds a byte isControl accepts. It reads
// eight bytes at a time: every file is checked whole, and a byte at a time
// this was as costly as decoding it.
func hasControl(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		t := s[i : i+8] // one bounds check; the eight bytes load as one word
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		// The high bit of each byte under 0x20 (0x60 more reaches 0x80),
		// then of those that are not tab or a line end, and of DEL. Each
		// step works on a byte's seven low bits, whose sums stay inside
		// the byte, so no byte disturbs its neighbour. (Written out here:
		// a call per word cost as much as the test.)
		below := ^((w &^ highs) + ones*0x60) &^ w & highs
		if below == 0 && equalBytes(w, 0x7F) == 0 {
			continue // the common word: no control, tab or line end
		}
		if below&^(equalBytes(w, '\t')|equalBytes(w, '\n')|equalBytes(w, '\r')) != 0 || equalBytes(w, 0x7F) != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if isControl(s[i]) {
			return true
		}
	}
	return false
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// equalBytes has the high bit set in each byte of w equal to c.
func equalBytes(w uint64, c byte) uint64 {
	x := w ^ (ones * uint64(c)) // zero where the byte is c
	return ^((x&^highs + ones*0x7F) | x) & highs
}

var controlNames = map[byte]string{0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0B: "vertical tab",
	0x0C: "form feed", 0x1B: "escape", 0x7F: "DEL"}

// describeControls names the control characters of one line, in order of
// first appearance, with the column (in bytes, 1-based) of the first.
func describeControls(l string) string {
	var names []string
	seen := map[byte]bool{}
	first, n := -1, 0
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !isControl(c) {
			continue
		}
		n++
		if first < 0 {
			first = i
		}
		if seen[c] {
			continue
		}
		seen[c] = true
		name := fmt.Sprintf("U+%04X", c)
		if w, ok := controlNames[c]; ok {
			name += " (" + w + ")"
		}
		names = append(names, name)
	}
	what := "a control character"
	if n > 1 {
		what = strconv.Itoa(n) + " control characters"
	}
	return what + " " + strings.Join(names, ", ") + " from column " + strconv.Itoa(first+1) +
		"; no subtitle displays them (players drop them, draw a replacement glyph or cut the line)"
}
