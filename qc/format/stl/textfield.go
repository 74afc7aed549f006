package stl

// The text field (TF) of a TTI block mixes characters of the CCT code table
// with control codes (Tech 3264 §4.3 and Appendix 2):
//
//	00h–1Fh  teletext spacing attributes: colours, flash, boxing (0Ah end
//	         box, 0Bh start box), height (0Dh double height). Each occupies
//	         one character cell on a teletext screen.
//	20h      space
//	80h–85h  open subtitling: italics on/off, underline on/off, boxing
//	         on/off. Zero width.
//	8Ah      CR/LF: start a new row
//	8Fh      unused space: fills the field after the text
//	86h–89h, 8Bh–8Eh, 90h–9Fh  reserved
//
// tfScanner walks one field (or several extension blocks' fields joined)
// and returns one token per code. It never allocates.

type tokKind uint8

const (
	tokChar     tokKind = iota // r (and r2, a combining mark, when non-zero)
	tokSpace                   // 20h
	tokNewline                 // 8Ah
	tokTeletext                // 00h–1Fh in code
	tokStyle                   // 80h–85h in code
	tokReserved                // reserved codes and 7Fh: ignored
)

type token struct {
	kind tokKind
	code byte // the (first) byte of the code
	r    rune // the character; undefinedRune for a byte with no character
	r2   rune // a combining mark following r, when r has no precomposed form
}

type tfScanner struct {
	tf  []byte
	pos int
	cct int // 0–4
}

// unusedSpace ends the text of a field: the rest is filler.
const unusedSpace = 0x8F

// textBytes returns tf up to its first unused-space code.
func textBytes(tf []byte) []byte {
	for i, c := range tf {
		if c == unusedSpace {
			return tf[:i]
		}
	}
	return tf
}

// next returns the next token; ok is false at the end of the field.
func (s *tfScanner) next() (t token, ok bool) {
	if s.pos >= len(s.tf) {
		return t, false
	}
	c := s.tf[s.pos]
	s.pos++
	switch {
	case c < 0x20:
		return token{kind: tokTeletext, code: c}, true
	case c == 0x20:
		return token{kind: tokSpace, code: c}, true
	case c == 0x7F:
		// DEL: no graphic character in any of the tables.
		return token{kind: tokReserved, code: c}, true
	case c < 0x7F:
		if c == 0x24 && s.cct == cctLatin {
			return token{kind: tokChar, code: c, r: '¤'}, true
		}
		return token{kind: tokChar, code: c, r: rune(c)}, true
	case c <= 0x85:
		return token{kind: tokStyle, code: c}, true
	case c == 0x8A:
		return token{kind: tokNewline, code: c}, true
	case c < 0xA0:
		// 8Fh never reaches here through textBytes, but a raw field may hold it.
		return token{kind: tokReserved, code: c}, true
	}
	if s.cct != cctLatin {
		r := isoHigh()[s.cct][c-0xA0]
		if r == 0 {
			r = undefinedRune
		}
		return token{kind: tokChar, code: c, r: r}, true
	}
	if c >= 0xC0 && c <= 0xCF {
		return s.diacritic(c), true
	}
	r := latinHigh[c-0xA0]
	if r == 0 {
		r = undefinedRune
	}
	return token{kind: tokChar, code: c, r: r}, true
}

// diacritic decodes a CCT 00 non-spacing diacritic and the letter after it.
func (s *tfScanner) diacritic(c byte) token {
	d := latinDiacritic[c-0xC0]
	if d.combining == 0 {
		return token{kind: tokChar, code: c, r: undefinedRune}
	}
	if s.pos >= len(s.tf) {
		return token{kind: tokChar, code: c, r: d.spacing}
	}
	b := s.tf[s.pos]
	switch {
	case b == 0x20:
		// ISO 6937: a diacritic followed by a space is the spacing accent.
		s.pos++
		return token{kind: tokChar, code: c, r: d.spacing}
	case b > 0x20 && b < 0x7F:
		s.pos++
		base := rune(b)
		if b == 0x24 {
			base = '¤'
		}
		if r := composedTable()[c-0xC0][b-0x20]; r != 0 && b != 0x24 {
			return token{kind: tokChar, code: c, r: r}
		}
		return token{kind: tokChar, code: c, r: base, r2: d.combining}
	}
	// Nothing to modify (a control code or another diacritic follows):
	// show the accent on its own rather than lose it.
	return token{kind: tokChar, code: c, r: d.spacing}
}
