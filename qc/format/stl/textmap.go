package stl

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/format/textpos"
)

// Text fixes in EBU STL rewrite a single-block subtitle's text field in
// place: MapLines says which bytes each visible character came from,
// EncodeText writes the new characters in the file's code table, and the
// field keeps its 112 bytes by adding or dropping unused-space padding.

// TextFieldSize is the size of a TTI block's text field.
const TextFieldSize = ttiSize - 16

// CodeTable is the text fields' code table (GSI CCT, 0–4), and whether
// the header names one the reader knows.
func CodeTable(data []byte) (int, bool) {
	h, err := ReadHeader(data)
	if err != nil {
		return 0, false
	}
	v, ok := parseHex2(h.CCT)
	return v, ok && v <= 4
}

// MapLines reads one text field as the reader does (decodeText) and keeps,
// for each visible byte, the bytes of tf it was read from: a character
// with its diacritic is one unit; a space a teletext control code shows
// between two words is not editable (the code is not a space).
func MapLines(tf []byte, cct int) []textpos.Line {
	sc := tfScanner{tf: textBytes(tf), cct: cct}
	var lines []textpos.Line
	var row textpos.Line
	hasText, soft := false, false
	endRow := func() {
		n := len(row.Text)
		for n > 0 && row.Text[n-1] == ' ' {
			n--
		}
		if hasText {
			lines = append(lines, textpos.Line{Text: row.Text[:n], From: row.From[:n], To: row.To[:n]})
		}
		row, hasText, soft = textpos.Line{}, false, false
	}
	for {
		at := sc.pos
		t, ok := sc.next()
		if !ok {
			break
		}
		switch t.kind {
		case tokChar:
			if soft && row.Text[len(row.Text)-1] != ' ' {
				row.Add(" ", at, at, false)
			}
			soft, hasText = false, true
			s := string(t.r)
			if t.r2 != 0 {
				s += string(t.r2)
			}
			row.Add(s, at, sc.pos, true)
		case tokSpace:
			if hasText {
				row.Add(" ", at, sc.pos, true)
			}
			soft = false
		case tokTeletext:
			soft = hasText
		case tokNewline:
			endRow()
		}
	}
	endRow()
	return lines
}

// EncodeText writes s in code table cct; ok is false when the table has no
// character for one of s's runes (r says which).
func EncodeText(s string, cct int) (out []byte, r rune, ok bool) {
	for _, r := range s {
		b, ok := encodeRune(r, cct)
		if !ok {
			return nil, r, false
		}
		out = append(out, b...)
	}
	return out, 0, true
}

func encodeRune(r rune, cct int) ([]byte, bool) {
	switch {
	case r == '$' && cct == cctLatin:
		// 24h is ¤ in CCT 00; $ is A4h (below)
	case r == '¤' && cct == cctLatin:
		return []byte{0x24}, true
	case r >= 0x20 && r < 0x7F:
		return []byte{byte(r)}, true
	}
	if r < 0x20 || r >= 0x7F && r < 0xA0 || r == utf8.RuneError {
		return nil, false
	}
	high := latinHigh[:]
	if cct != cctLatin {
		high = isoHigh()[cct][:]
	}
	for i, h := range high {
		if h == r {
			return []byte{byte(0xA0 + i)}, true
		}
	}
	if cct == cctLatin {
		// A letter with a diacritic: the non-spacing mark, then the letter.
		t := composedTable()
		for d := range t {
			for b, c := range t[d] {
				if c == r {
					return []byte{byte(0xC0 + d), byte(0x20 + b)}, true
				}
			}
		}
	}
	return nil, false
}

// Printable writes text-field bytes for a person (a fix log): characters
// decoded in code table cct, a row break 8Ah as a line end, other control
// codes as <80h>, unused-space padding (8Fh) left out.
func Printable(b []byte, cct int) string {
	sc := tfScanner{tf: b, cct: cct}
	var out strings.Builder
	for {
		t, ok := sc.next()
		if !ok {
			return out.String()
		}
		switch {
		case t.kind == tokChar:
			out.WriteRune(t.r)
			if t.r2 != 0 {
				out.WriteRune(t.r2)
			}
		case t.kind == tokSpace:
			out.WriteByte(' ')
		case t.kind == tokNewline:
			out.WriteByte('\n')
		case t.code != unusedSpace:
			fmt.Fprintf(&out, "<%02Xh>", t.code)
		}
	}
}
