package gen

import (
	"fmt"
	"math/bits"

	"github.com/exportqc/exportqc/qc/format/scc"
)

// CEA-608 (CTA-608-E) data for channel CC1, as SCC files carry it: one
// two-byte word per frame, each byte with odd parity in its top bit.

// parity sets the top bit of a 7-bit byte so that it has odd parity.
func parity(b byte) byte {
	if bits.OnesCount8(b)%2 == 0 {
		return b | 0x80
	}
	return b
}

func word608(b1, b2 byte) uint16 { return uint16(parity(b1))<<8 | uint16(parity(b2)) }

// Control codes of CC1 (first byte 14h: miscellaneous commands).
var (
	codeRCL = word608(0x14, 0x20) // resume caption loading: pop-on
	codeRDC = word608(0x14, 0x29) // resume direct captioning: paint-on
	codeEDM = word608(0x14, 0x2C) // erase displayed memory
	codeENM = word608(0x14, 0x2E) // erase non-displayed memory
	codeEOC = word608(0x14, 0x2F) // end of caption: swap memories
	// Mid-row code "white italics": takes a column, shown as a space.
	codeItalics = word608(0x11, 0x2E)
)

// pacFirst and pacHigh give, for rows 1-15, the first byte of a preamble
// address code and whether its second byte has bit 5 set.
var pacFirst = [16]byte{0, 0x11, 0x11, 0x12, 0x12, 0x15, 0x15, 0x16, 0x16, 0x17, 0x17, 0x10, 0x13, 0x13, 0x14, 0x14}
var pacHigh = [16]bool{false, false, true, false, true, false, true, false, true, false, true, false, false, true, false, true}

// pac places the cursor on row (1-15) at column indent (a multiple of 4),
// white, or in white italics at column 0.
func pac(row, indent int, italic bool) uint16 {
	b2 := byte(0x40)
	if pacHigh[row] {
		b2 |= 0x20
	}
	switch {
	case italic:
		b2 |= 0x0E
	case indent > 0:
		b2 |= 0x10 + byte(indent/4)*2
	}
	return word608(pacFirst[row], b2)
}

// tabOffset moves the cursor 1-3 columns right.
func tabOffset(n int) uint16 { return word608(0x17, 0x20+byte(n)) }

// standard608, special608 and extended608 are the SCC reader's character
// tables (qc/format/scc) turned round for encoding: standard608 the
// characters of the basic set that are not the ASCII of their byte;
// special608 the special characters of 11h 30h-3Fh, each taking a column
// of its own (the transparent space, 39h, left out as 0); extended608 those
// of 12h and 13h 20h-3Fh, each replacing the character before it, so a
// standard character is sent first for decoders without the extended set.
var standard608, special608, extended608 = tables608()

func tables608() (map[rune]byte, []rune, [2][]rune) {
	standard := map[rune]byte{}
	for b := byte(0x20); b < 0x80; b++ {
		if r := scc.StandardChar(b); r != rune(b) {
			standard[r] = b
		}
	}
	sp := scc.SpecialChars()
	special := sp[:]
	special[9] = 0
	ext := scc.ExtendedChars()
	return standard, special, [2][]rune{ext[0][:], ext[1][:]}
}

// fallback608 is the basic character sent before an extended one.
var fallback608 = map[rune]byte{
	'Á': 'A', 'É': 'E', 'Ó': 'O', 'Ú': 'U', 'Ü': 'U', 'ü': 'u', '‘': '\'', '¡': '!',
	'*': '\'', '\'': '\'', '—': '-', '©': 'c', '℠': 's', '•': '.', '“': '"', '”': '"',
	'À': 'A', 'Â': 'A', 'Ç': 'C', 'È': 'E', 'Ê': 'E', 'Ë': 'E', 'ë': 'e', 'Î': 'I',
	'Ï': 'I', 'ï': 'i', 'Ô': 'O', 'Ù': 'U', 'ù': 'u', 'Û': 'U', '«': '"', '»': '"',
	'Ã': 'A', 'ã': 'a', 'Í': 'I', 'Ì': 'I', 'ì': 'i', 'Ò': 'O', 'ò': 'o', 'Õ': 'O',
	'õ': 'o', '{': '(', '}': ')', '\\': '/', '^': '\'', '_': '-', '|': '!', '~': '-',
	'Ä': 'A', 'ä': 'a', 'Ö': 'O', 'ö': 'o', 'ß': 's', '¥': 'Y', '¤': 'o', '│': '!',
	'Å': 'A', 'å': 'a', 'Ø': 'O', 'ø': 'o', '┌': '+', '┐': '+', '└': '+', '┘': '+',
}

// unit608 is what is sent as one piece: a control code twice (the copy
// guards against loss; decoders skip a back-to-back repeat), or a pair of
// characters in one word.
type unit608 struct {
	words [2]uint16
	n     int
}

func control(w uint16) unit608 { return unit608{words: [2]uint16{w, w}, n: 2} }

// rowText encodes one row of text as units: characters two to a word,
// special and extended characters as control codes.
func rowText(s string) ([]unit608, error) {
	var units []unit608
	var pending []byte
	flush := func() {
		for len(pending) > 0 {
			b2 := byte(0)
			if len(pending) > 1 {
				b2 = pending[1]
			}
			units = append(units, unit608{words: [2]uint16{word608(pending[0], b2)}, n: 1})
			pending = pending[min(2, len(pending)):]
		}
	}
	for _, r := range s {
		if b, ok := standard608[r]; ok {
			pending = append(pending, b)
			continue
		}
		if r >= 0x20 && r < 0x7F && !isExtendedASCII(r) {
			pending = append(pending, byte(r))
			continue
		}
		if i := runeIndex(special608, r); i >= 0 && r != 0 {
			flush()
			units = append(units, control(word608(0x11, 0x30+byte(i))))
			continue
		}
		found := false
		for set, chars := range extended608 {
			if i := runeIndex(chars, r); i >= 0 {
				pending = append(pending, fallback608[r])
				flush()
				units = append(units, control(word608(0x12+byte(set), 0x20+byte(i))))
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("%q has no CEA-608 character", r)
		}
	}
	flush()
	return units, nil
}

// isExtendedASCII reports the ASCII characters whose bytes the basic set
// gives to accented letters: they are sent from the extended set.
func isExtendedASCII(r rune) bool {
	return r >= 0x20 && r < 0x80 && scc.StandardChar(byte(r)) != r
}

func runeIndex(list []rune, r rune) int {
	for i, x := range list {
		if x == r {
			return i
		}
	}
	return -1
}
