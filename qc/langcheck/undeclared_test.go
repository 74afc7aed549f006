package langcheck

import (
	"strings"
	"testing"
)

// Identify names the language of the test scenes it has evidence for:
// by script for Korean, Japanese, Chinese (Simplified or Traditional),
// Thai; by the identifier for alphabetic scripts with profiles.
func TestIdentifyScenes(t *testing.T) {
	want := map[string]string{"en": "en", "fr": "fr", "de": "de", "es": "es", "ru": "ru", "ar": "ar", "tr": "tr",
		"vi": "vi", "ko": "ko", "ja": "ja", "zh-Hans": "zh-Hans", "zh-Hant": "zh-Hant", "th": "th", "hi": "hi", "he": "he"}
	for lang, text := range scene {
		id := Identify(lines(text), MismatchOptions{})
		if w, ok := want[lang]; ok {
			if id.Tag != w {
				t.Errorf("%s scene identified as %q (%s)", lang, id.Tag, id.Evidence)
			}
			continue
		}
		// Others may be left unknown, never named as another language
		// outside their close relatives.
		if id.Tag != "" && id.Tag != lang && !inGroup(closeGroups, foldTag(lang), id.Tag) && !inGroup(sameGroups, foldTag(lang), id.Tag) {
			t.Errorf("%s scene identified as %q (%s)", lang, id.Tag, id.Evidence)
		}
	}
}

// Too little text, or text in two scripts, is not guessed: the evidence
// says why.
func TestIdentifyUndecided(t *testing.T) {
	cases := map[string]struct {
		lines []string
		says  string
	}{
		"short":     {[]string{"Hello there.", "Yes?"}, "too little text"},
		"no text":   {[]string{"♪", "..."}, "too little text"},
		"few words": {lines(strings.Repeat("valid text line\n", 40)), "too little running text"},
		"bilingual": {append(lines(scene["en"]), lines(scene["ru"])...), "no one writing system"},
	}
	for name, c := range cases {
		id := Identify(c.lines, MismatchOptions{})
		if id.Tag != "" || !strings.Contains(id.Evidence, c.says) {
			t.Errorf("%s: %q (%s), want unknown saying %q", name, id.Tag, id.Evidence, c.says)
		}
	}
	// A higher min_letters from the pack is honoured.
	if id := Identify(lines(scene["en"]), MismatchOptions{MinLetters: 5000}); id.Tag != "" {
		t.Errorf("min_letters 5000: identified %q", id.Tag)
	}
}
