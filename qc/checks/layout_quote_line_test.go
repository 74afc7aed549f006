package checks

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// appendQuotedLineRef is appendQuotedLine counting the characters of
// every line, short ones included.
func appendQuotedLineRef(b []byte, text string) []byte {
	if utf8.RuneCountInString(text) <= maxQuoted {
		return append(append(append(b, '"'), text...), '"')
	}
	cut := 0
	for range maxQuoted {
		_, size := utf8.DecodeRuneInString(text[cut:])
		cut += size
	}
	b = append(append(append(b, '"'), text[:cut]...), "…\" ("...)
	return append(strconv.AppendInt(b, int64(len(text)), 10), " bytes in all)"...)
}

// L001 quotes a line of up to maxQuoted bytes without counting its
// characters: lines around the cut, in one- to four-byte characters and
// broken UTF-8, are quoted as counting them does.
func TestQuotedLineMatchesCountedCut(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 200))
	chars := []string{"a", "é", "日", "\U0001F600", "\xff", " ", "\u0301"}
	cut := 0
	for range 20000 {
		var s strings.Builder
		for n := maxQuoted/2 + r.IntN(maxQuoted*3/2); n > 0; n-- {
			s.WriteString(chars[r.IntN(len(chars))])
		}
		text := s.String()
		got, want := string(appendQuotedLine([]byte("x "), text)), string(appendQuotedLineRef([]byte("x "), text))
		if got != want {
			t.Fatalf("%q:\n got %q\nwant %q", text, got, want)
		}
		if strings.HasSuffix(got, " bytes in all)") {
			cut++
		}
	}
	if cut < 1000 {
		t.Fatalf("only %d lines cut: the test checks little", cut)
	}
}
