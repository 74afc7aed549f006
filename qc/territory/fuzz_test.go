package territory

import (
	"testing"

	"github.com/exportqc/exportqc/qc/lang"
)

// Manifest language tags are untrusted input: matching must never panic,
// a tag always meets itself, and an ill-formed tag meets nothing.
func FuzzSatisfies(f *testing.F) {
	for _, s := range [][2]string{{"zh-Hant", "zh-TW"}, {"es-419", "es-MX"}, {"fr", "fr-CA"}, {"ar", "ar-EG"},
		{"cmn-Hans", "zh-SG"}, {"x-klingon", "en"}, {"", "fr"}, {"pt_BR", "pt-BR"}, {"und", "zxx"}, {"yue-Hant", "zh-HK"}} {
		f.Add(s[0], s[1])
	}
	t := &Territory{Classes: builtin}
	f.Fuzz(func(tt *testing.T, required, actual string) {
		ok := t.Satisfies(required, actual)
		if _, good := lang.Normalize(actual); !good && ok {
			tt.Errorf("ill-formed %q meets %q", actual, required)
		}
		if c, good := lang.Normalize(required); good && !t.Satisfies(c, c) {
			tt.Errorf("%q does not meet itself", c)
		}
		_ = lang.Fallback(actual)
		_ = LanguageName(actual)
	})
}
