package scc

import (
	"fmt"
	"math/bits"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// Test inputs are built from named CEA-608 codes so that each test reads as
// the caption operator's intent, not as hex.

// odd sets the parity bit so that the byte has odd parity, as on air.
func odd(b byte) byte {
	if bits.OnesCount8(b)%2 == 0 {
		return b | 0x80
	}
	return b
}

func word(b1, b2 byte) string { return fmt.Sprintf("%02x%02x", odd(b1), odd(b2)) }

var (
	rcl = word(0x14, 0x20)
	bs  = word(0x14, 0x21)
	der = word(0x14, 0x24)
	ru2 = word(0x14, 0x25)
	ru3 = word(0x14, 0x26)
	rdc = word(0x14, 0x29)
	edm = word(0x14, 0x2C)
	cr  = word(0x14, 0x2D)
	enm = word(0x14, 0x2E)
	eoc = word(0x14, 0x2F)
	to1 = word(0x17, 0x21)
	pad = word(0, 0)
)

// pacRowBytes gives the first byte and row bit for each row 1..15,
// written out from the CEA-608 table rather than derived from the reader's.
var pacRowBytes = map[int][2]byte{
	1: {0x11, 0}, 2: {0x11, 1}, 3: {0x12, 0}, 4: {0x12, 1}, 5: {0x15, 0}, 6: {0x15, 1},
	7: {0x16, 0}, 8: {0x16, 1}, 9: {0x17, 0}, 10: {0x17, 1}, 11: {0x10, 0},
	12: {0x13, 0}, 13: {0x13, 1}, 14: {0x14, 0}, 15: {0x14, 1},
}

// pac places the cursor at row (1-15), indent (0, 4, ... 28).
func pac(row, indent int) string {
	rb := pacRowBytes[row]
	return word(rb[0], 0x40|rb[1]<<5|0x10|byte(indent/4)<<1)
}

// pacItalic places the cursor at column 0 of row in white italics.
func pacItalic(row int) string {
	rb := pacRowBytes[row]
	return word(rb[0], 0x40|rb[1]<<5|0x0E)
}

// text encodes ASCII text as character pairs (padded with a null).
func text(s string) string {
	var w []string
	for i := 0; i < len(s); i += 2 {
		b2 := byte(0)
		if i+1 < len(s) {
			b2 = s[i+1]
		}
		w = append(w, word(s[i], b2))
	}
	return strings.Join(w, " ")
}

// sccFile joins lines of "timecode", words... into an SCC document.
func sccFile(lines ...[]string) string {
	var b strings.Builder
	b.WriteString("Scenarist_SCC V1.0\n")
	for _, l := range lines {
		b.WriteString("\n")
		b.WriteString(l[0])
		b.WriteString("\t")
		b.WriteString(strings.Join(l[1:], " "))
		b.WriteString("\n")
	}
	return b.String()
}

func at(tc string, words ...string) []string { return append([]string{tc}, words...) }

// ndf is the time of frame n of a non-drop-frame count at 29.97 Hz,
// computed independently of the reader's constant.
func ndf(n int64) cue.Time { return cue.FromRatio(n*1001, 30000) }

func codes(doc *cue.Document) []string {
	var out []string
	for _, d := range doc.Diagnostics {
		code := d.Rule
		if code == "" {
			code = "E000"
		}
		out = append(out, code)
	}
	return out
}

func countCode(doc *cue.Document, code string) int {
	n := 0
	for _, c := range codes(doc) {
		if c == code {
			n++
		}
	}
	return n
}

func texts(doc *cue.Document) []string {
	var out []string
	for i := range doc.Cues {
		out = append(out, doc.Cues[i].Text())
	}
	return out
}

func mustCues(t *testing.T, doc *cue.Document, want ...string) {
	t.Helper()
	got := texts(doc)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("cues %q, want %q (diagnostics %v)", got, want, doc.Diagnostics)
	}
}
