package checks

// Which blocks of Unicode a line's characters outside ASCII come from, so
// that X001 can pass a line whose blocks its allowance holds whole (a
// Korean, Chinese, Russian or accented Latin line) without decoding it
// again. The scan decodes those characters anyway.
//
// blocksLow has bit r>>5 for a character r below U+0800: the 32-code-point
// blocks of the two-byte alphabets (bits 0 to 3, ASCII, stay clear). Blocks
// of 32, not 64, so that a few characters an allowance leaves out (the
// historic Cyrillic letters from U+0460) do not cost the whole line's
// shortcut to the letters beside them (Russian р–я, U+0440–044F).
// blocksHigh has bit i for a character in highBlocks[i], and bit 31 for
// any other one (never held whole: invalid bytes, U+FFFD, rare scripts).

// highBlocks are the ranges above U+07FF that subtitles use most, the
// commonest first (highBlockOf tries them in order). At most 31, disjoint.
var highBlocks = [...]runeRange{
	{0x4E00, 0x9FFF}, // CJK Unified Ideographs
	{0xAC00, 0xD7A3}, // Hangul syllables
	{0x3040, 0x30FF}, // kana
	{0x3000, 0x303F}, // CJK symbols and punctuation
	{0x2018, 0x201F}, // curly quotation marks
	{0x2026, 0x2026}, // horizontal ellipsis
	{0x2010, 0x2015}, // dashes
	{0xFF01, 0xFF60}, // fullwidth forms
	{0x266A, 0x266B}, // music notes
	{0x0900, 0x0950}, // Devanagari (letters, signs, OM)
	{0x0955, 0x097F}, // Devanagari (after the Vedic stress marks, which the packs leave out)
	{0x0E01, 0x0E3A}, // Thai letters and vowels
	{0x0E3F, 0x0E5B}, // Thai signs, digits and punctuation
	{0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese)
	{0x3400, 0x4DBF}, // CJK Extension A
	{0x1100, 0x11FF}, // Hangul Jamo
	{0x3130, 0x318F}, // Hangul compatibility Jamo
}

const otherBlock = 1 << 31

// highBlockOf is r's bit in blocksHigh (r ≥ U+0800).
func highBlockOf(r rune) uint32 {
	for i := range highBlocks {
		if highBlocks[i].lo <= r && r <= highBlocks[i].hi {
			return 1 << i
		}
	}
	return otherBlock
}

// addBlock notes the block of r, a character outside ASCII.
func (f *lineFacts) addBlock(r rune) {
	if r < 0x800 {
		f.blocksLow |= 1 << (r >> 5)
	} else {
		f.blocksHigh |= highBlockOf(r)
	}
}

// wholeBlocks are the blocks an allowance holds every character of.
type wholeBlocks struct {
	low  uint64
	high uint32
}

func wholeBlocksOf(g *glyphAllowance) wholeBlocks {
	all := func(lo, hi rune) bool {
		for r := lo; r <= hi; r++ {
			if !g.allows(r) {
				return false
			}
		}
		return true
	}
	var w wholeBlocks
	for b := rune(4); b < 64; b++ {
		if all(b<<5, b<<5+31) {
			w.low |= 1 << b
		}
	}
	for i, rg := range highBlocks {
		if all(rg.lo, rg.hi) {
			w.high |= 1 << i
		}
	}
	return w
}

// holds reports whether every character of a line with facts f outside
// ASCII lies in a block w holds whole, and the line has no tab or control
// character.
func (w wholeBlocks) holds(f *lineFacts) bool {
	return f.ascii&(tabBit|controlBit) == 0 && f.blocksLow&^w.low == 0 && f.blocksHigh&^w.high == 0
}
