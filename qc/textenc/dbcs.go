package textenc

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// dbcsStats is what a walk over double-byte text learns. The walk follows
// the x/text decoder's own rules for how many bytes each character (or each
// malformed sequence) takes, so badBytes/badSeqs are exactly the bytes and
// U+FFFD replacements the decoder will produce for malformed input.
type dbcsStats struct {
	credit   float64
	chars    int // non-ASCII characters and malformed sequences
	badBytes int
	badSeqs  int
}

func (s *dbcsStats) bad(n int) {
	s.credit -= 2
	s.chars++
	s.badBytes += n
	s.badSeqs++
}

// Credits for double-byte codes (see the package comment).
const (
	cFrequent = 1.0
	cPunct    = 0.8
	cLevel1   = 0.6
	cLevel2   = 0.25
	cRareRow  = 0.2
	cExt      = 0.0
	cPrivate  = -1.0
)

// walkGB18030 walks b as GB18030. atEOF says whether b ends the input: if
// not, a sequence cut by the end of b is ignored rather than called bad.
func walkGB18030(b []byte, atEOF bool) dbcsStats {
	var s dbcsStats
	freq, _ := frequentCodes()
	for i := 0; i < len(b); {
		c0 := b[i]
		switch {
		case c0 < utf8.RuneSelf:
			i++
			continue
		case c0 == 0x80: // euro sign in code page 936
			s.credit += cLevel2
			s.chars++
			i++
			continue
		case c0 == 0xFF:
			s.bad(1)
			i++
			continue
		}
		if i+1 >= len(b) {
			if atEOF {
				s.bad(1)
			}
			break
		}
		c1 := b[i+1]
		switch {
		case 0x40 <= c1 && c1 <= 0x7E || 0x80 <= c1 && c1 <= 0xFE:
			s.credit += gbCredit(c0, c1, freq)
			s.chars++
			i += 2
		case 0x30 <= c1 && c1 <= 0x39: // four-byte form
			if i+3 >= len(b) {
				if atEOF {
					s.bad(1)
					i++
					continue
				}
				i = len(b)
				continue
			}
			c2, c3 := b[i+2], b[i+3]
			if c2 < 0x81 || c2 == 0xFF || c3 < 0x30 || c3 > 0x39 {
				s.bad(1)
				i++
				continue
			}
			r := ((int(c0-0x81)*10+int(c1-0x30))*126+int(c2-0x81))*10 + int(c3-0x30)
			if r >= 39420 && (r < 189000 || r >= 189000+0x100000) {
				s.bad(1)
				i++
				continue
			}
			s.chars++ // valid but never needed by Chinese text of the GBK era
			i += 4
		default:
			s.bad(1)
			i++
		}
	}
	return s
}

// gbCredit rates a well-formed two-byte GBK code.
func gbCredit(c0, c1 byte, freq *codeSet) float64 {
	if freq.has(uint16(c0)<<8 | uint16(c1)) {
		return cFrequent
	}
	if c1 < 0xA1 { // GBK/3 and GBK/4 extensions, or user-defined A140-A7A0
		if 0xA1 <= c0 && c0 <= 0xA7 {
			return cPrivate
		}
		return cExt
	}
	switch {
	case c0 == 0xA1 || c0 == 0xA3: // ideographic punctuation, fullwidth forms
		return cPunct
	case c0 == 0xA2: // numerals and list markers
		return cLevel2
	case c0 <= 0xA9: // kana, Greek, Cyrillic, pinyin, box drawing (0x81-0xA0 are GBK/3)
		if c0 < 0xA1 {
			return cExt
		}
		return cRareRow
	case c0 <= 0xAF: // user-defined
		return cPrivate
	case c0 <= 0xD7:
		return cLevel1
	case c0 <= 0xF7:
		return cLevel2
	}
	return cPrivate // F8-FE: user-defined
}

// walkBig5 walks b as Big5 (WHATWG, as x/text decodes it).
func walkBig5(b []byte, atEOF bool) dbcsStats {
	var s dbcsStats
	_, freq := frequentCodes()
	for i := 0; i < len(b); {
		c0 := b[i]
		if c0 < utf8.RuneSelf {
			i++
			continue
		}
		if c0 == 0x80 || c0 == 0xFF {
			s.bad(1)
			i++
			continue
		}
		if i+1 >= len(b) {
			if atEOF {
				s.bad(1)
			}
			break
		}
		c1 := b[i+1]
		switch {
		case 0x40 <= c1 && c1 <= 0x7E || 0xA1 <= c1 && c1 <= 0xFE:
			s.credit += big5Credit(c0, c1, freq)
			s.chars++
			i += 2
		case c1 < 0x40:
			s.bad(1)
			i++
		default: // 7F-A0 or FF: the decoder drops both bytes
			s.bad(2)
			i += 2
		}
	}
	return s
}

// big5Credit rates a well-formed two-byte Big5 code.
func big5Credit(c0, c1 byte, freq *codeSet) float64 {
	code := uint16(c0)<<8 | uint16(c1)
	switch {
	case freq.has(code):
		return cFrequent
	case c0 < 0x87: // no mapping in the WHATWG index
		return cPrivate
	case 0xA140 <= code && code <= 0xA3BF:
		return cPunct
	case 0xA440 <= code && code <= 0xC67E:
		return cLevel1
	case 0xC940 <= code && code <= 0xF9D5:
		return cLevel2
	}
	return cExt // HKSCS and other extensions
}

// dbcs is a double-byte candidate.
type dbcs struct {
	name string
	enc  encoding.Encoding
	walk func([]byte, bool) dbcsStats
	// literalFFFD is how this encoding spells U+FFFD itself, if it can.
	literalFFFD []byte
}

var (
	gb18030 = &dbcs{GB18030, simplifiedchinese.GB18030, walkGB18030, []byte{0x84, 0x31, 0xA4, 0x37}}
	big5    = &dbcs{Big5, traditionalchinese.Big5, walkBig5, nil}
)

func (d *dbcs) score(sample []byte, atEOF bool) (float64, int) {
	s := d.walk(sample, atEOF)
	if s.chars == 0 {
		return 0, 0
	}
	return s.credit / float64(s.chars), s.chars
}

// decode converts data with x/text and counts undecodable bytes: the
// malformed sequences the walk found, plus 2 bytes for each well-formed
// code the decoder had no mapping for (the U+FFFD left over once malformed
// sequences and literally encoded U+FFFD are accounted for).
func (d *dbcs) decode(data []byte) (string, int) {
	out, err := d.enc.NewDecoder().Bytes(data)
	if err != nil { // the decoders never fail; keep Text valid regardless
		return decodeUTF8Lossy(data)
	}
	s := d.walk(data, true)
	unmapped := countRune(out, utf8.RuneError) - s.badSeqs
	if d.literalFFFD != nil {
		unmapped -= bytes.Count(data, d.literalFFFD)
	}
	return bytesToString(out), s.badBytes + 2*max(unmapped, 0)
}

func countRune(b []byte, r rune) int {
	var enc [utf8.UTFMax]byte
	return bytes.Count(b, enc[:utf8.EncodeRune(enc[:], r)])
}
