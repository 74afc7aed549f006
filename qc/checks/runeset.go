package checks

import (
	"unicode"
	"unicode/utf8"
)

// runeSet answers "is r one of these characters?" and "does s hold any of
// them?" for the small sets of marks the text rules look for, in one pass
// over the bytes: strings.ContainsAny and ContainsRune decode every
// character again for each test as soon as a set holds one non-ASCII mark
// (…, ¿, ？), which made them the text rules' main cost.
//
// lead holds the first byte of each non-ASCII member's UTF-8 form: a
// character starting with any other byte cannot be a member, so in skips
// it without decoding (a Korean or German line usually has no such byte).
//
// asciiBits and otherMarks let mayBeIn answer from a line's facts, before
// in reads the line: most lines hold none of a set's ASCII members, and a
// set whose other members are all punctuation or symbols (quotation
// marks, "…", "？") cannot be in a line whose characters outside ASCII are
// all letters (a German or Korean line).
type runeSet struct {
	ascii       [128]bool
	lead        [256]bool
	other       []rune
	asciiBits   asciiSet
	otherMarks  bool // every member of other is punctuation or a symbol
	otherQuotes bool // every member of other is a quotation mark or bracket (isQuoteLike)
}

// buildRuneSet makes the set of chars' characters; newRuneSet remembers it.
func buildRuneSet(chars string) *runeSet {
	s := &runeSet{otherMarks: true, otherQuotes: true}
	for _, r := range chars {
		if r < utf8.RuneSelf {
			s.ascii[r] = true
			s.asciiBits |= bitOf[r]
			continue
		}
		s.other = append(s.other, r)
		s.otherMarks = s.otherMarks && (unicode.IsPunct(r) || unicode.IsSymbol(r))
		s.otherQuotes = s.otherQuotes && isQuoteLike(r)
		s.lead[string(r)[0]] = true
		if r == utf8.RuneError {
			// Invalid bytes decode to U+FFFD whatever they are.
			for b := utf8.RuneSelf; b < 256; b++ {
				s.lead[b] = true
			}
		}
	}
	return s
}

func (s *runeSet) has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && s.ascii[r]
	}
	for _, o := range s.other {
		if o == r {
			return true
		}
	}
	return false
}

// mayBeIn reports whether a line with facts f can hold a member: false
// only when it cannot.
func (s *runeSet) mayBeIn(f *lineFacts) bool {
	if f.ascii.meets(s.asciiBits) {
		return true
	}
	switch {
	case len(s.other) == 0 || !f.is(nonASCII):
		return false
	case s.otherQuotes:
		return f.is(mayQuote)
	case s.otherMarks:
		return f.is(mayMark)
	}
	return true
}

// in reports whether t holds any character of the set.
func (s *runeSet) in(t string) bool {
	for i := 0; i < len(t); {
		if b := t[i]; b < utf8.RuneSelf {
			if s.ascii[b] {
				return true
			}
			i++
			continue
		}
		if !s.lead[t[i]] {
			i++ // not the start of a member (continuation bytes never are)
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if s.has(r) {
			return true
		}
		i += n
	}
	return false
}
