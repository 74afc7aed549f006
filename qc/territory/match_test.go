package territory

import (
	"github.com/exportqc/exportqc/qc/lang"
	"slices"
	"testing"
)

// builtin mirrors the classes rules/defaults.yaml ships (the shipped packs
// are tested through package pack and the delivery rules).
var builtin = []Class{
	{Name: "Simplified Chinese", Tags: []string{"zh-Hans", "zh-CN", "zh-SG", "cmn-Hans"}},
	{Name: "Traditional Chinese", Tags: []string{"zh-Hant", "zh-TW", "cmn-Hant"}},
	{Name: "Hong Kong Chinese", Tags: []string{"zh-HK", "zh-Hant-HK", "yue-Hant", "yue-HK"}},
	{Name: "Latin American Spanish", Tags: []string{"es-419", "es-MX", "es-AR"}},
	{Name: "Castilian Spanish", Tags: []string{"es", "es-ES"}},
	{Name: "Canadian French", Tags: []string{"fr-CA"}},
}

func TestSatisfies(t *testing.T) {
	plain := &Territory{Classes: builtin}
	hk := &Territory{Classes: append([]Class{{Name: "Traditional Chinese",
		Tags: []string{"zh-Hant", "zh-TW", "zh-HK", "cmn-Hant"}}}, builtin...)}
	cases := []struct {
		t                *Territory
		required, actual string
		ok               bool
	}{
		{plain, "fr", "fr", true},
		{plain, "fr", "FR", true},     // case is not a language
		{plain, "fr", "fr-FR", true},  // a regional form meets the language
		{plain, "fr", "fr-BE", true},  // any region without a class of its own
		{plain, "fr", "fr-CA", false}, // Canadian French is its own class
		{plain, "fr-FR", "fr", false}, // never the reverse
		{plain, "fr", "en", false},
		{plain, "ar", "ar-EG", true},
		{plain, "ar", "", false},
		{plain, "ar", "not a tag", false},
		{plain, "zh-Hant", "zh-Hant", true},
		{plain, "zh-Hant", "zh-TW", true},
		{plain, "zh-Hant", "cmn-Hant", true},
		{plain, "zh-Hant", "zh-Hant-TW", true}, // class found through the CLDR parent
		{plain, "zh-Hant", "zh-Hans", false},
		{plain, "zh-Hant", "zh-CN", false},
		{plain, "zh-Hant", "zh-HK", false}, // kept apart, unless the territory joins them
		{hk, "zh-Hant", "zh-HK", true},
		{hk, "zh-Hant", "zh-Hans", false},
		{plain, "zh-Hans", "zh-CN", true},
		{plain, "zh-Hans", "zh-SG", true},
		{plain, "zh-Hans", "zh-Hans-SG", true},
		{plain, "es-419", "es-MX", true},
		{plain, "es-419", "es-CO", true}, // not listed: its CLDR parent es-419 is
		{plain, "es-419", "es", false},
		{plain, "es-419", "es-ES", false},
		{plain, "es", "es-ES", true},
		{plain, "es", "es-MX", false},
		{plain, "pt-BR", "pt", false},
	}
	for _, c := range cases {
		if got := c.t.Satisfies(c.required, c.actual); got != c.ok {
			t.Errorf("Satisfies(%q, %q) = %v, want %v", c.required, c.actual, got, c.ok)
		}
	}
}

func TestCandidates(t *testing.T) {
	for tag, want := range map[string][]string{
		"es-MX":   {"es-MX", "es-419"},
		"zh-TW":   {"zh-TW", "zh-Hant"},
		"fr-CA":   {"fr-CA"},
		"x y z":   nil,
		"zh-Hans": {"zh-Hans"},
	} {
		got := lang.Fallback(tag)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("Fallback(%q) = %v, lacks %s", tag, got, w)
			}
		}
		if want == nil && got != nil {
			t.Errorf("Fallback(%q) = %v for an ill-formed tag", tag, got)
		}
		if len(got) > 0 && got[0] != tag {
			t.Errorf("Fallback(%q) does not start with the tag: %v", tag, got)
		}
	}
}

func TestLanguageName(t *testing.T) {
	for tag, want := range map[string]string{"fr": "French", "es-419": "Latin American Spanish", "zh-Hant": "Traditional Chinese", "qqq-zz": "qqq-zz"} {
		if got := LanguageName(tag); got != want {
			t.Errorf("LanguageName(%q) = %q, want %q", tag, got, want)
		}
	}
}
