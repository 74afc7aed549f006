package stl

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Character code tables of the TTI text field (Tech 3264 Appendix 2), picked
// by the GSI CCT field. Only the character positions 20h–7Fh and A0h–FFh are
// decoded here; 00h–1Fh and 80h–9Fh are control codes handled by the text
// field scanner.

// cctLatin is CCT "00": ISO 6937 as printed in Tech 3264, which keeps the
// 1983 edition's currency sign ¤ at 24h (and $ at A4h). C1h–CFh are
// non-spacing diacritics written before the letter they modify.
const cctLatin = 0

// undefinedRune marks a byte with no character in its code table.
const undefinedRune = utf8.RuneError

// latinHigh maps A0h–FFh of CCT 00. Zero means "not a single character":
// C1h–CFh are diacritics (see latinDiacritic), the rest are undefined.
var latinHigh = [96]rune{
	// A0h–AFh
	0x00A0, '¡', '¢', '£', '$', '¥', '#', '§', '¤', '‘', '“', '«', '←', '↑', '→', '↓',
	// B0h–BFh
	'°', '±', '²', '³', '×', 'µ', '¶', '·', '÷', '’', '”', '»', '¼', '½', '¾', '¿',
	// C0h–CFh: diacritics
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	// D0h–DFh (D8h–DBh undefined)
	'―', '¹', '®', '©', '™', '♪', '¬', '¦', 0, 0, 0, 0, '⅛', '⅜', '⅝', '⅞',
	// E0h–EFh (E5h undefined). E0h is the ohm sign, whose NFC form is Ω U+03A9.
	'Ω', 'Æ', 'Đ', 'ª', 'Ħ', 0, 'Ĳ', 'Ŀ', 'Ł', 'Ø', 'Œ', 'º', 'Þ', 'Ŧ', 'Ŋ', 'ŉ',
	// F0h–FFh (FFh is the soft hyphen)
	'ĸ', 'æ', 'đ', 'ð', 'ħ', 'ı', 'ĳ', 'ŀ', 'ł', 'ø', 'œ', 'ß', 'þ', 'ŧ', 'ŋ', 0x00AD,
}

// latinDiacritic maps C0h–CFh to the combining mark each one puts on the next
// letter, and spacing is the mark standing alone (diacritic before a space,
// or with nothing to modify). C0h is undefined. C9h was the "umlaut" of ISO
// 6937-2:1983, drawn like the diaeresis C8h; CCh is the non-spacing
// underline, decoded as a combining macron below as the IRT SCF decoder does.
var latinDiacritic = [16]struct{ combining, spacing rune }{
	{0, 0},
	{0x0300, '`'},    // C1 grave
	{0x0301, 0x00B4}, // C2 acute
	{0x0302, '^'},    // C3 circumflex
	{0x0303, '~'},    // C4 tilde
	{0x0304, 0x00AF}, // C5 macron
	{0x0306, 0x02D8}, // C6 breve
	{0x0307, 0x02D9}, // C7 dot above
	{0x0308, 0x00A8}, // C8 diaeresis
	{0x0308, 0x00A8}, // C9 umlaut (1983 edition)
	{0x030A, 0x02DA}, // CA ring above
	{0x0327, 0x00B8}, // CB cedilla
	{0x0331, 0x02CD}, // CC underline
	{0x030B, 0x02DD}, // CD double acute
	{0x0328, 0x02DB}, // CE ogonek
	{0x030C, 0x02C7}, // CF caron
}

// composed[d][b-0x20] is the precomposed (NFC) letter for diacritic C0h+d on
// ASCII base b, or 0 when Unicode has none (the reader then writes the base
// followed by the combining mark, which is already NFC). Built once, on
// first use, from the Unicode composition tables rather than typed by hand.
var composedTable = sync.OnceValue(func() *[16][96]rune {
	var t [16][96]rune
	var buf [8]byte
	for d := 1; d < 16; d++ {
		mark := latinDiacritic[d].combining
		if mark == 0 {
			continue
		}
		for b := 0x21; b < 0x7F; b++ {
			n := utf8.EncodeRune(buf[:], rune(b))
			n += utf8.EncodeRune(buf[n:], mark)
			s := norm.NFC.String(string(buf[:n]))
			if r, size := utf8.DecodeRuneInString(s); size == len(s) {
				t[d][b-0x20] = r
			}
		}
	}
	return &t
})

// isoHigh holds A0h–FFh of the ISO 8859 tables used by CCT 01–04, derived
// from x/text's charmaps so that no table is typed by hand.
var isoHigh = sync.OnceValue(func() *[5][96]rune {
	var t [5][96]rune
	maps := [5]*charmap.Charmap{nil, charmap.ISO8859_5, charmap.ISO8859_6, charmap.ISO8859_7, charmap.ISO8859_8}
	for cct := 1; cct < 5; cct++ {
		for i := range 96 {
			r := maps[cct].DecodeByte(byte(0xA0 + i))
			if r == utf8.RuneError {
				r = 0
			}
			t[cct][i] = r
		}
	}
	return &t
})

// gsiCharmap returns the code page for the GSI text fields named by CPN
// (Tech 3264 Appendix 1), and whether CPN is one of the five it allows.
// Unknown code pages fall back to 850, the one nearly every file uses.
func gsiCharmap(cpn string) (*charmap.Charmap, bool) {
	switch cpn {
	case "437":
		return charmap.CodePage437, true
	case "850":
		return charmap.CodePage850, true
	case "860":
		return charmap.CodePage860, true
	case "863":
		return charmap.CodePage863, true
	case "865":
		return charmap.CodePage865, true
	}
	return charmap.CodePage850, false
}

// decodeGSIText decodes a GSI field with code page cm.
func decodeGSIText(cm *charmap.Charmap, b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 || c < 0x20 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for _, c := range b {
		out = utf8.AppendRune(out, cm.DecodeByte(c))
	}
	return string(out)
}
