package langcheck

import (
	"strings"
	"testing"
)

func TestAgree(t *testing.T) {
	cases := []struct {
		a, b  string
		agree bool
	}{
		{"fr", "fr", true},
		{"fr", "FR", true},
		{"fr", "fr-FR", true},      // prefix: less specific
		{"fr-FR", "fr", true},      // either order
		{"fr-CA", "fr-FR", false},  // two regions
		{"zh-TW", "zh-Hant", true}, // likely script of zh-TW is Hant
		{"zh-Hant", "zh-TW", true},
		{"zh-HK", "zh-Hant", true},
		{"zh-CN", "zh-Hant", false}, // zh-CN is written Hans
		{"zh-CN", "zh-Hans", true},
		{"zh-SG", "zh-Hans", true},
		{"zh-TW", "zh-Hans", false},
		{"zh", "zh-Hant", true}, // prefix: "zh" says nothing about the script
		{"zh-CN", "zh-TW", false},
		{"zh-Hans-CN", "zh-CN", true},
		{"cmn-Hans", "zh-CN", true}, // macrolanguage folding
		{"cmn-Hant", "zh-TW", true},
		{"cmn-Hans", "zh-Hant", false},
		{"yue", "zh-HK", false}, // Cantonese is not Mandarin
		{"yue-Hant", "yue", true},
		{"es-419", "es-MX", true}, // CLDR parent
		{"es-MX", "es-419", true},
		{"es-MX", "es-AR", false}, // siblings
		{"es-419", "es-ES", false},
		{"es", "es-419", true},
		{"en-GB", "en-001", true},
		{"en-GB", "en-US", false},
		{"en-AU", "en-GB", false},
		{"pt-BR", "pt-PT", false},
		{"pt", "pt-BR", true},
		{"sr", "sr-Latn", true},
		{"sr-Cyrl", "sr-Latn", false},
		{"no", "nb", true},
		{"nb", "no", true},
		{"no", "nn", true},
		{"nb", "nn", false},
		{"iw", "he", true}, // deprecated code canonicalised
		{"in", "id", true},
		{"he-IL", "iw", true},
		{"pt_BR", "pt-BR", true},
		{"en", "fr", false},
		{"de-DE-1996", "de-DE", true},
		{"de-CH", "de-DE", false},
		{"ar", "arb", true},
		{"fil", "tl", true},
		{"hr", "sr-Latn", false},
		{"not a tag", "fr", false},
	}
	for _, c := range cases {
		if got := Agree(c.a, c.b); got != c.agree {
			t.Errorf("Agree(%q, %q) = %v, want %v", c.a, c.b, got, c.agree)
		}
	}
}

func TestConflict(t *testing.T) {
	cases := []struct {
		name     string
		sources  map[string]string
		conflict bool
		mention  []string
	}{
		{"all agree", map[string]string{"filename": "fr", "manifest": "fr-FR", "file": "fr-FR"}, false, nil},
		{"one source", map[string]string{"manifest": "de"}, false, nil},
		{"none", map[string]string{}, false, nil},
		{"nil", nil, false, nil},
		{"und ignored", map[string]string{"filename": "fr", "file": "und"}, false, nil},
		{"empty ignored", map[string]string{"filename": "fr", "manifest": "", "file": " "}, false, nil},
		{"invalid ignored (G001's job)", map[string]string{"filename": "fr", "manifest": "jp"}, false, nil},
		{"regions", map[string]string{"filename": "fr-CA", "manifest": "fr-FR"}, true,
			[]string{`file name "fr-CA"`, `manifest "fr-FR"`, "Canada", "France"}},
		{"xml:lang disagrees", map[string]string{"filename": "es-419", "manifest": "es-MX", "file": "en"}, true,
			[]string{`file content "en"`, "different languages", "Spanish", "English"}},
		{"script", map[string]string{"manifest": "zh-Hant", "file": "zh-CN"}, true,
			[]string{"Traditional", "Simplified", "by default"}},
		{"likely subtags agree", map[string]string{"filename": "zh-TW", "manifest": "zh-Hant", "file": "zh-Hant-TW"}, false, nil},
		{"other keys", map[string]string{"filename": "it", "pkl": "de"}, true, []string{`pkl "de"`}},
	}
	for _, c := range cases {
		p := Conflict(c.sources)
		if (p != nil) != c.conflict {
			t.Errorf("%s: Conflict(%v) = %v, want conflict=%v", c.name, c.sources, p, c.conflict)
			continue
		}
		if p == nil {
			continue
		}
		if p.Rule != "G004" || p.Severity != SeverityError {
			t.Errorf("%s: %s %s", c.name, p.Rule, p.Severity)
		}
		for _, m := range c.mention {
			if !strings.Contains(p.Message, m) {
				t.Errorf("%s: message %q does not mention %q", c.name, p.Message, m)
			}
		}
	}
}

// The message lists the sources in a fixed order, whatever the map order.
func TestConflictMessageStable(t *testing.T) {
	src := map[string]string{"file": "de", "manifest": "fr", "filename": "fr"}
	first := Conflict(src).Message
	for range 50 {
		if m := Conflict(src).Message; m != first {
			t.Fatalf("message changed: %q vs %q", m, first)
		}
	}
	if !strings.HasPrefix(first, `declared languages disagree: file name "fr", manifest "fr", file content "de"`) {
		t.Errorf("message %q", first)
	}
}
