package langcheck

import (
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/utf8x"
	"github.com/exportqc/exportqc/qc/rule"
)

// Tally is what G002 needs from every line of a file before it reads a
// word: the letters of each script (the script check, the dominant
// script) and the letters of each line (where the samples are cut). The
// word statistics come from the first lines only (measureEnough).
//
// The text rules' line facts (package checks) read every character of
// every line anyway, so they take the tally in the same pass, through
// Letter and LineEnd, and hand it over through WalkTally; G002 run on its
// own counts it with TallyLines. Both count the same: ASCII letters are
// Latin, every other code point is looked up in runeInfo.
type Tally struct {
	scripts scriptCounts // [scNone] counts the other code points outside ASCII (no branch in Letter); measureEnough drops it
	lines   []int32      // letters of each line, in order
	info    *[runeInfoEnd]uint8
	// ends is memory for G002's chunk cuts (textStats.chunkEnds), kept
	// with the tally from file to file; nothing reads it but the next cut.
	ends []int32
}

// maxKeptEnds bounds the chunk cuts a tally keeps room for (a file of
// about 13 million letters): a rare huge file should not pin its size.
const maxKeptEnds = 1 << 16

// WalkTally, when set, gives the tally of the lines of TextLines(p) from
// a pass over them that another package makes anyway. Package checks sets
// it at start-up; without it G002 counts its own.
var WalkTally func(p *rule.Pass) *Tally

// NewTally starts the tally of a text of about n lines.
func NewTally(n int) *Tally { return &Tally{lines: make([]int32, 0, n), info: runeInfoTable()} }

// Reset empties t for a text of about n lines, keeping its memory when
// it has room: a worker tallies file after file in one Tally.
func (t *Tally) Reset(n int) {
	lines := t.lines[:0]
	if cap(lines) < n {
		lines = make([]int32, 0, n)
	}
	*t = Tally{lines: lines, info: runeInfoTable(), ends: t.ends[:0]}
}

// IsASCIILetter reports whether byte b is a letter the tally counts (all
// of them Latin): a to z in either case.
func IsASCIILetter(b byte) bool { return asciiLetter[b] != 0 }

// Letter counts r, a code point outside ASCII, and reports whether it is
// a letter (of any script).
func (t *Tally) Letter(r rune) bool {
	if uint32(r) >= runeInfoEnd {
		return t.letterAbove(r)
	}
	// Most letters of most scripts are in runeInfo: one load.
	sc := t.info[uint32(r)] & infoScript
	t.scripts[sc]++
	return sc != uint8(scNone)
}

// ClassOf is the class Count takes for r, a code point outside ASCII:
// the script Letter counts it under, 0 when it is not a letter. It lets a
// caller that reads every code point anyway keep the class in its own
// tables, and count a character with one load of them.
func ClassOf(r rune) uint8 { return uint8(classify(r)) }

// Count counts a code point of class c (ClassOf) as Letter counts it, and
// reports whether it is a letter.
func (t *Tally) Count(c uint8) bool {
	t.scripts[c]++
	return c != uint8(scNone)
}

// letterAbove is Letter for r ≥ runeInfoEnd.
func (t *Tally) letterAbove(r rune) bool {
	var sc script
	switch {
	case r >= 0xAC00 && r < 0xD7A4:
		sc = scHangul // the blocks classifyRanges answers first
	case r >= 0x4E00 && r < 0xA000:
		sc = scHan
	default:
		sc = script(infoOf(r) & infoScript)
	}
	t.scripts[sc]++
	return sc != scNone
}

// LineEnd closes a line that had ascii ASCII letters and others letters
// outside ASCII (those Letter reported).
func (t *Tally) LineEnd(ascii, others int) {
	t.scripts[scLatin] += ascii
	t.lines = append(t.lines, int32(ascii+others))
}

// Line tallies a whole line.
func (t *Tally) Line(line string) {
	ascii, others := 0, 0
	for j := 0; j < len(line); {
		b := line[j]
		if b < utf8.RuneSelf {
			ascii += int(isASCIILetter[b])
			j++
			continue
		}
		r, size := utf8x.DecodeRune(line[j:])
		j += size
		if t.Letter(r) {
			others++
		}
	}
	t.LineEnd(ascii, others)
}

// TallyLines is the tally of lines.
func TallyLines(lines []string) *Tally {
	t := NewTally(len(lines))
	for _, l := range lines {
		t.Line(l)
	}
	return t
}

// isASCIILetter is 1 for the ASCII letters, 0 for every other byte.
var isASCIILetter = func() (t [256]uint8) {
	for b := range t {
		if asciiLetter[b] != 0 {
			t[b] = 1
		}
	}
	return t
}()
