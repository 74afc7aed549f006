package cue

import "strings"

// Timing lines (SRT, WebVTT) are the lines holding "-->". A reader asks of
// nearly every line whether it is one; asking it of the line's text is a
// search per line. MarkArrows finds them all in one search of the text
// for '>' (rare in dialogue, unlike the '-' that starts every dialogue
// line), and Arrow then answers with a bit.

// MarkArrows records which lines of x hold "-->" for Arrow, with the bits
// in d's recycled array, and returns how many "-->" the text holds (they
// cannot overlap: each is counted by its '>'). Arrow is false for every
// line until it is called. As the index itself, the bits must not be used
// once d is recycled.
func (d *Document) MarkArrows(x *LineIndex) int {
	n := x.markArrows(d.lineArrows[:0])
	d.lineArrows = x.arrows[:0]
	return n
}

// markArrows is MarkArrows with the bits written in words' array when it
// has room for one bit per line.
func (x *LineIndex) markArrows(words []uint64) int {
	size := (len(x.lines) + 63) / 64
	if cap(words) < size {
		words = make([]uint64, size)
	} else {
		words = words[:size]
		clear(words)
	}
	x.arrows = words
	src, count, li := x.src, 0, 0
	for i := 0; ; i++ {
		k := strings.IndexByte(src[i:], '>')
		if k < 0 {
			return count
		}
		i += k
		if i < 2 || src[i-1] != '-' || src[i-2] != '-' {
			continue
		}
		count++
		// The three bytes are none a line end, so one line holds them
		// all; a BOM's bytes are not '-', so that line exists.
		li = lineAt(x.lines, li, i)
		if li < len(x.lines) && i >= int(x.lines[li].off) {
			x.arrows[li/64] |= 1 << (li % 64)
		}
	}
}

// Arrow reports whether line i holds "-->", as found by MarkArrows.
func (x *LineIndex) Arrow(i int) bool {
	w := uint(i) / 64
	return w < uint(len(x.arrows)) && x.arrows[w]&(1<<(uint(i)%64)) != 0
}
