package langcheck

import (
	"reflect"
	"testing"
)

// TestDeclaredFactsAreRead: the kept answers are readDeclared's, asked
// once or again, for valid, odd and invalid tags alike.
func TestDeclaredFactsAreRead(t *testing.T) {
	tags := append([]string{"", " ", "fr-CA", "pt_BR", "zh-Hant-TW", "cmn", "arb", "pes", "nb", "no", "sh", "und", "zxx",
		"mul", "mis", "x-klingon", "qaa", "en-LA", "es-LA", "xx", "fr--CA", "EN-us", "iw", "in", "ja-Hani", "sr-Latn", "zh-MY", "yue-CN", "zh_TW", "ZH-hk"}, declaredForTest...)
	for round := range 2 {
		for _, tag := range tags {
			if got, want := declaredFacts(tag), readDeclared(tag); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %q: kept %+v, read %+v", round, tag, got, want)
			}
		}
	}
	if d := declaredFacts("fr-CA"); !d.check || d.canon != "fr-CA" || d.base != "fr" || d.chinese != "" {
		t.Errorf("fr-CA: %+v", d)
	}
	if d := declaredFacts("zh-HK"); d.chinese != "Hant" {
		t.Errorf("zh-HK: %+v", d)
	}
	for _, tag := range []string{"", "zxx", "x-klingon", "fr--CA"} {
		if declaredFacts(tag).check {
			t.Errorf("%q is checked", tag)
		}
	}
}
