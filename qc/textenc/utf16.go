package textenc

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode/utf32"
)

// sniffUTF16 recognises BOM-less UTF-16 by its NUL pattern: in mostly-ASCII
// UTF-16 the high byte of nearly every code unit is zero, so one byte
// parity is full of NULs and the other has almost none. Text in a script
// outside Latin-1 (CJK UTF-16 without a BOM) has no such pattern and is not
// recognised.
func sniffUTF16(data []byte) (Result, bool) {
	s := data
	if len(s) > sampleSize {
		s = s[:sampleSize]
	}
	units := len(s) / 2
	if units < 2 || bytes.IndexByte(s, 0) < 0 { // the common case: one fast scan, no NUL
		return Result{}, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i+1 < len(s); i += 2 {
		if s[i] == 0 {
			zeroEven++
		}
		if s[i+1] == 0 {
			zeroOdd++
		}
	}
	var big bool
	var hi, lo int // zeros on the high-byte side and on the low-byte side
	switch {
	case zeroOdd > zeroEven:
		hi, lo = zeroOdd, zeroEven // little-endian: high byte second
	case zeroEven > zeroOdd:
		hi, lo, big = zeroEven, zeroOdd, true
	default:
		return Result{}, false
	}
	if hi*10 < units*3 || lo*10 > hi {
		return Result{}, false
	}
	text, bad := decodeUTF16(data, big)
	enc := UTF16LE
	if big {
		enc = UTF16BE
	}
	return Result{
		Text: text, Encoding: enc, Guessed: true, Invalid: bad,
		Confidence: float64(hi-lo) / float64(units),
	}, true
}

// decodeUTF16 decodes UTF-16 code units of the given byte order. An unpaired
// surrogate becomes U+FFFD and counts 2 invalid bytes; an odd trailing byte
// becomes U+FFFD and counts 1. The output is sized exactly in a first pass.
func decodeUTF16(b []byte, big bool) (string, int) {
	unit := func(i int) rune {
		if big {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i]) | rune(b[i+1])<<8
	}
	size := 0
	walk := func(emit func(rune)) int {
		bad := 0
		i := 0
		for ; i+1 < len(b); i += 2 {
			u := unit(i)
			switch {
			case u < 0xD800 || u > 0xDFFF:
				emit(u)
			case u < 0xDC00 && i+3 < len(b):
				if u2 := unit(i + 2); 0xDC00 <= u2 && u2 <= 0xDFFF {
					emit(0x10000 + (u-0xD800)<<10 + (u2 - 0xDC00))
					i += 2
					continue
				}
				fallthrough
			default:
				emit(utf8.RuneError)
				bad += 2
			}
		}
		if i < len(b) {
			emit(utf8.RuneError)
			bad++
		}
		return bad
	}
	walk(func(r rune) { size += utf8.RuneLen(r) })
	out := make([]byte, 0, size)
	bad := walk(func(r rune) { out = utf8.AppendRune(out, r) })
	return bytesToString(out), bad
}

// decodeUTF32 decodes UTF-32 with x/text and counts what it replaced: a unit
// above U+10FFFF or in the surrogate range (4 bytes each) and 1-3 trailing
// bytes.
func decodeUTF32(b []byte, big bool) (string, int) {
	order := utf32.LittleEndian
	if big {
		order = utf32.BigEndian
	}
	out, err := utf32.UTF32(order, utf32.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil { // cannot happen for IgnoreBOM; keep the promise of valid text anyway
		return "", len(b)
	}
	bad := len(b) % 4
	for i := 0; i+3 < len(b); i += 4 {
		var u uint32
		if big {
			u = uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
		} else {
			u = uint32(b[i]) | uint32(b[i+1])<<8 | uint32(b[i+2])<<16 | uint32(b[i+3])<<24
		}
		if u > utf8.MaxRune || 0xD800 <= u && u <= 0xDFFF {
			bad += 4
		}
	}
	return bytesToString(out), bad
}
