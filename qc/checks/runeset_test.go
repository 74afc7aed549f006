package checks

import (
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
