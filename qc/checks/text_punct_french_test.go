package checks

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// frenchLineSpacesRunes is X007's line check as it was before it walked
// the line byte by byte: the whole line decoded into runes, each mark
// looking at its neighbours by index. The reference frenchLineSpaces must
// match.
func frenchLineSpacesRunes(s string, spaces map[rune]bool) (places, missing int, first string) {
	rs := []rune(s)
	for i, r := range rs {
		var problem string
		switch r {
		case '!', '?', ':', ';':
			if i == 0 {
				continue
			}
			prev := rs[i-1]
			if isSpaceRune(prev) && i > 1 {
				prev2 := rs[i-2]
				if !(unicode.IsLetter(prev2) || unicode.IsDigit(prev2)) {
					continue
				}
			} else if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune("»\"'’)]", prev)) {
				continue
			}
			if r == ':' && (i+1 < len(rs) && (unicode.IsDigit(rs[i+1]) || rs[i+1] == '/')) {
				continue
			}
			places++
			switch {
			case spaces[prev]:
			case isSpaceRune(prev):
				problem = "the space before \"" + string(r) + "\" is " + codePoint(prev)
			default:
				problem = "no space before \"" + string(r) + "\""
			}
		case '«':
			if i+1 >= len(rs) {
				continue
			}
			places++
			if next := rs[i+1]; !spaces[next] {
				if isSpaceRune(next) {
					problem = "the space after « is " + codePoint(next)
				} else {
					problem = "no space after «"
				}
			}
		case '»':
			if i == 0 {
				continue
			}
			places++
			if prev := rs[i-1]; !spaces[prev] {
				if isSpaceRune(prev) {
					problem = "the space before » is " + codePoint(prev)
				} else {
					problem = "no space before »"
				}
			}
		}
		if problem == "" {
			continue
		}
		missing++
		if first == "" {
			first = problem
		}
	}
	return places, missing, first
}

func sameFrenchSpaces(t *testing.T, s string, spaces map[rune]bool) {
	t.Helper()
	p, m, f := frenchLineSpaces(s, spaces)
	wp, wm, wf := frenchLineSpacesRunes(s, spaces)
	if p != wp || m != wm || f != wf {
		t.Fatalf("%q: byte walk %d places, %d missing, %q; rune reference %d, %d, %q", s, p, m, f, wp, wm, wf)
	}
}

// Random lines of subtitle pieces (broken UTF-8, every space and mark
// X007 looks at), short lines of random bytes, and every line of the
// corpus, with the French pack's spaces and with plain spaces only.
func TestFrenchLineSpacesMatchesRunes(t *testing.T) {
	narrow := map[rune]bool{'\u00A0': true, '\u202F': true}
	plain := map[rune]bool{' ': true}
	r := rand.New(rand.NewPCG(3, 17))
	for range 30000 {
		l := randomLine(r)
		sameFrenchSpaces(t, l, narrow)
		sameFrenchSpaces(t, l, plain)
		raw := make([]byte, r.IntN(12))
		for i := range raw {
			const some = " !?:;/1a\xc2\xab\xbb\xa0\xe2\x80\xaf\xff"
			raw[i] = some[r.IntN(len(some))]
		}
		sameFrenchSpaces(t, string(raw), narrow)
	}
	for _, in := range testcorpus.Inputs(t) {
		doc := corpusDoc(t, in)
		if doc == nil {
			continue
		}
		for _, c := range doc.Cues {
			for _, l := range c.Lines {
				sameFrenchSpaces(t, l.Text, narrow)
				sameFrenchSpaces(t, l.Text, plain)
			}
		}
	}
}
