package checks

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// runeSet answers as strings.ContainsAny and ContainsRune do.
func TestRuneSetAsStrings(t *testing.T) {
	for _, set := range []string{",.!?", "…¿¡？！", ".…", "", "\"«»„“”「」", "\uFFFD"} {
		s := newRuneSet(set)
		for _, text := range []string{"", "Hello there", "¿Qué?", "Wait…", "全角？", "a , b", "\xff\xfe broken", "日本語",
			"그녀 없이는 안 가.", "„Hallo“", "「はい」", "cut\xe2\x80", "\xe2\x80\x9c"} {
			if got, want := s.in(text), strings.ContainsAny(text, set); got != want {
				t.Errorf("set %q in %q = %v, want %v", set, text, got, want)
			}
			for _, r := range text {
				if got, want := s.has(r), strings.ContainsRune(set, r); got != want {
					t.Errorf("set %q has %q = %v, want %v", set, r, got, want)
				}
			}
		}
	}
}

// A line's facts never rule out a member the line holds, and do rule out
// a set of marks on lines of letters only.
func TestRuneSetMayBeIn(t *testing.T) {
	sets := []string{",.!?", "…¿¡？！", ".…", "\"«»„“”「」", "\uFFFD", "“”‘’", "ß", "!!"}
	for _, set := range sets {
		s := newRuneSet(set)
		r := rand.New(rand.NewPCG(14, 4))
		for i := 0; i < 20000; i++ {
			text := randomLine(r)
			if f := scanLine(text, nil); s.in(text) && !s.mayBeIn(&f) {
				t.Fatalf("set %q: the facts of %q rule out a member it holds", set, text)
			}
		}
	}
	quotes := newRuneSet(doubleQuotes + "‘’‚‹›『』")
	for _, q := range doubleQuotes + "‘’‚‹›『』" {
		for _, text := range []string{string(q), "你好" + string(q) + "。", "Привет" + string(q)} {
			if f := scanLine(text, nil); !quotes.mayBeIn(&f) {
				t.Errorf("the facts of %q rule out its quotation mark %U", text, q)
			}
		}
	}
	for _, text := range []string{"Ich weiß es nicht", "그녀 없이는 안 가", "日本語のテキスト", "Hello there", "你好，世界。",
		"مرحبا، كيف حالك؟", "Да — нет…"} {
		f := scanLine(text, nil)
		if s := newRuneSet("“”„«»"); s.mayBeIn(&f) {
			t.Errorf("quotation marks may be in %q, which has none and no quotation mark or bracket outside ASCII", text)
		}
	}
}
