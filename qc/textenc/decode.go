package textenc

import (
	"bytes"
	"unicode/utf8"
	"unsafe"
)

// Canonical encoding names reported in Result.Encoding.
const (
	UTF8        = "UTF-8"
	UTF16LE     = "UTF-16LE"
	UTF16BE     = "UTF-16BE"
	UTF32LE     = "UTF-32LE"
	UTF32BE     = "UTF-32BE"
	GB18030     = "GB18030"
	Big5        = "Big5"
	Windows1250 = "windows-1250"
	Windows1251 = "windows-1251"
	Windows1252 = "windows-1252"
	Windows1256 = "windows-1256"
)

// sampleSize bounds the bytes examined when an encoding must be inferred.
const sampleSize = 64 << 10

// Result is decoded text plus what was learned about its encoding.
type Result struct {
	Text     string // UTF-8, byte-order mark removed
	Encoding string // canonical name, one of the constants above
	BOM      bool   // a byte-order mark declared the encoding
	ASCII    bool   // every input byte is 7-bit (Encoding is then UTF-8)
	// Guessed is set when the encoding was inferred rather than declared or
	// self-evident: a legacy code page, or UTF-16 without a BOM.
	Guessed    bool
	Confidence float64 // 0..1, see the package comment
	// Invalid counts input bytes that could not be decoded; each was
	// replaced by U+FFFD (a UTF-16 unpaired surrogate counts 2).
	Invalid int
	// ControlFree is how many leading bytes of Text are known to hold no
	// control character (see Controls): the ASCII test that decoding makes
	// anyway also looks for them, so ControlsAfter need not read those
	// bytes again. 0 says nothing.
	ControlFree int
}

// Decode converts data to UTF-8 and reports its encoding. It never fails:
// whatever cannot be decoded becomes U+FFFD and is counted in Invalid.
func Decode(data []byte) Result { return decode(data, false) }

// DecodeOwned is Decode for a caller that hands data over and never
// modifies it afterwards: valid UTF-8 (the common case) then becomes Text
// without a copy of the whole file.
func DecodeOwned(data []byte) Result { return decode(data, true) }

func decode(data []byte, owned bool) Result {
	asString := func(b []byte) string {
		if owned {
			return bytesToString(b)
		}
		return string(b)
	}
	if r, ok := decodeBOM(data); ok {
		return r
	}
	n, valid, clean := survey(data)
	// BOM-less UTF-16 has NULs; text that survey proved free of controls
	// (NUL among them) has none, so the sniff's own search for one, a
	// second pass over the first 64 KiB of every file, is left out.
	if !valid || clean < len(data) {
		if r, ok := sniffUTF16(data); ok {
			return r
		}
	}
	if n == len(data) {
		return Result{Text: asString(data), Encoding: UTF8, ASCII: true, Confidence: 1, ControlFree: clean}
	}
	if valid {
		return Result{Text: asString(data), Encoding: UTF8, Confidence: 0.99, ControlFree: clean}
	}
	sample, atEOF := sampleFrom(data, n)
	if mostlyUTF8(sample) {
		text, bad := decodeUTF8Lossy(data)
		return Result{Text: text, Encoding: UTF8, Confidence: 0.9, Invalid: bad}
	}
	return guessLegacy(data, sample, atEOF)
}

func decodeBOM(data []byte) (Result, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		body := data[3:]
		r := Result{Encoding: UTF8, BOM: true, Confidence: 1}
		if utf8.Valid(body) {
			r.Text = string(body)
		} else {
			r.Text, r.Invalid = decodeUTF8Lossy(body)
		}
		return r, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0x00, 0x00}):
		text, bad := decodeUTF32(data[4:], false)
		return Result{Text: text, Encoding: UTF32LE, BOM: true, Confidence: 1, Invalid: bad}, true
	case bytes.HasPrefix(data, []byte{0x00, 0x00, 0xFE, 0xFF}):
		text, bad := decodeUTF32(data[4:], true)
		return Result{Text: text, Encoding: UTF32BE, BOM: true, Confidence: 1, Invalid: bad}, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		text, bad := decodeUTF16(data[2:], false)
		return Result{Text: text, Encoding: UTF16LE, BOM: true, Confidence: 1, Invalid: bad}, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text, bad := decodeUTF16(data[2:], true)
		return Result{Text: text, Encoding: UTF16BE, BOM: true, Confidence: 1, Invalid: bad}, true
	}
	return Result{}, false
}

// sampleFrom returns the bytes to infer an encoding from: up to sampleSize
// bytes starting at the word containing the first non-ASCII byte (at
// first). A long ASCII preamble (headers, timings) says nothing about the
// code page, so it is skipped, but the word around the first accented
// letter is kept whole because word shape is evidence. atEOF reports
// whether the sample runs to the end of data (else a character cut at the
// end is not held against a candidate).
func sampleFrom(data []byte, first int) (sample []byte, atEOF bool) {
	start := first
	for start > 0 && first-start < 256 && data[start-1] > ' ' {
		start--
	}
	end := start + sampleSize
	if end >= len(data) {
		return data[start:], true
	}
	return data[start:end], false
}

// mostlyUTF8 reports whether the sample is UTF-8 with a few damaged bytes:
// well-formed multi-byte sequences outnumber malformed bytes ten to one.
func mostlyUTF8(sample []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(sample); {
		if sample[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 {
			if len(sample)-i >= utf8.UTFMax || utf8.FullRune(sample[i:]) {
				bad++
			}
			i++
			continue
		}
		good++
		i += size
	}
	return good >= 3 && good >= 10*bad
}

// decodeUTF8Lossy replaces each byte that is not part of a well-formed
// UTF-8 sequence with U+FFFD, counting them.
func decodeUTF8Lossy(b []byte) (string, int) {
	out := make([]byte, 0, len(b)+len(b)/2)
	bad := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		out = utf8.AppendRune(out, r)
		i += size
	}
	return bytesToString(out), bad
}

// bytesToString hands over a buffer this package built and will not touch
// again as a string, saving the copy string(b) would make.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
