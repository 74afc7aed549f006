package lang

import (
	"slices"
	"testing"
)

func TestParseFileName(t *testing.T) {
	cases := []struct {
		name string
		want FileName
	}{
		{"LongRiver_S01E01.fr.srt", FileName{"fr", "fr", "", "LongRiver_S01E01"}},
		{"LongRiver_S01E01_fr-FR.vtt", FileName{"fr-FR", "fr-FR", "", "LongRiver_S01E01"}},
		{"Show.S01E01.zh-Hans.forced.ttml", FileName{"zh-Hans", "zh-Hans", KindForced, "Show.S01E01"}},
		{"Show.S01E01.pt_BR.forced.srt", FileName{"pt-BR", "pt_BR", KindForced, "Show.S01E01"}},
		{"The_Long_River_S02E10_pt_BR_SDH.srt", FileName{"pt-BR", "pt_BR", KindSDH, "The_Long_River_S02E10"}},
		{"Show.S01E01.en.sdh.vtt", FileName{"en", "en", KindSDH, "Show.S01E01"}},
		// hoh is a hard-of-hearing marker, not the language Hobyót.
		{"Show.S01E01.fr.hoh.srt", FileName{"fr", "fr", KindSDH, "Show.S01E01"}},
		{"Show.S01E01.hoh.srt", FileName{"", "", KindSDH, "Show.S01E01"}},
		{"dir/Show_S01E01.es-419.srt", FileName{"es-419", "es-419", "", "Show_S01E01"}},
		{"Show.S01E01.iw.srt", FileName{"he", "iw", "", "Show.S01E01"}},
		{"Film.ENG.srt", FileName{"en", "ENG", "", "Film"}},
		{"Film.yue.srt", FileName{"yue", "yue", "", "Film"}},
		{"Film.fil.cc.scc", FileName{"fil", "fil", KindCaptions, "Film"}},
		{"Title.S01E03.forced.fr.srt", FileName{"fr", "fr", KindForced, "Title.S01E03"}},
		// Not languages: words of test-suite names, and three-letter ISO
		// 639-3 codes that are ordinary words in names.
		{"ttml/androidx-media/inherit_begin_from_div.xml", FileName{"", "", "", "inherit_begin_from_div"}},
		{"stl/ttconv/sandflow/contained_tti.stl", FileName{"", "", "", "contained_tti"}},
		{"a_set.srt", FileName{"", "", "", "a_set"}},
		{"pop.end.srt", FileName{"", "", "", "pop.end"}},
		{"utf8_bom.srt", FileName{"", "", "", "utf8_bom"}},
		{"Title.stl", FileName{"", "", "", "Title"}},
		{"Show.It.srt", FileName{"", "", "", "Show.It"}},
		// A language is read right before the extension or the kind words,
		// not in the middle of a name.
		{"Show.fr.final.srt", FileName{"", "", "", "Show.fr.final"}},
		{"Show_S01E01.srt", FileName{"", "", "", "Show_S01E01"}},
		{"typical.srt", FileName{"", "", "", "typical"}},
		{"fr.srt", FileName{"", "", "", "fr"}},
		{"The Long River - Episode 1.srt", FileName{"", "", "", "The Long River - Episode 1"}},
		{"Show.S01E01.en-XX.srt", FileName{"", "", "", "Show.S01E01.en-XX"}},
	}
	for _, c := range cases {
		if got := ParseFileName(c.name); got != c.want {
			t.Errorf("ParseFileName(%q) = %+v, want %+v", c.name, got, c.want)
		}
	}
	if got := FromFileName("Show.S01E01.fr.hoh.srt"); got != "fr" {
		t.Errorf("FromFileName = %q", got)
	}
}

func TestKindOf(t *testing.T) {
	for w, want := range map[string]string{"hoh": KindSDH, "SDH": KindSDH, "deaf": KindSDH, "cc": KindCaptions,
		"forced": KindForced, "fn": KindForced, "narrative": KindForced, "full": KindSubtitles} {
		if k, ok := KindOf(w); !ok || k != want {
			t.Errorf("KindOf(%q) = %q, %v; want %q", w, k, ok, want)
		}
	}
	for _, w := range []string{"hi", "fr", "final"} {
		if _, ok := KindOf(w); ok {
			t.Errorf("%q read as a kind word", w)
		}
	}
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{"en-us": "en-US", "pt_br": "pt-BR", "iw": "he", "zh-hant-tw": "zh-Hant-TW", " EN ": "en", "en-UK": "en-GB"} {
		got, _, err := Canonical(in)
		if err != nil || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, dep, _ := Canonical("iw"); !dep {
		t.Error("iw should be reported as deprecated")
	}
	if _, dep, _ := Canonical("tl"); dep {
		t.Error("tl is not deprecated")
	}
	if _, _, err := Canonical("not a tag"); err == nil {
		t.Error("garbage accepted")
	}
	if _, ok := Normalize(""); ok {
		t.Error("empty tag accepted")
	}
}

// The fallback chain picks language packs: each tag reaches the pack the
// brief names, most specific first, the bare language last.
func TestFallback(t *testing.T) {
	cases := []struct {
		tag  string
		want []string // in this order, other entries may sit between
		bare string
	}{
		{"pt_BR", []string{"pt-BR", "pt"}, "pt"},
		{"zh-CN", []string{"zh-CN", "zh-Hans"}, "zh"},
		{"zh-TW", []string{"zh-TW", "zh-Hant"}, "zh"},
		{"es-MX", []string{"es-MX", "es-419", "es"}, "es"},
		{"fr", []string{"fr"}, "fr"},
	}
	for _, c := range cases {
		got := Fallback(c.tag)
		at := -1
		for _, w := range c.want {
			i := slices.Index(got, w)
			if i <= at {
				t.Errorf("Fallback(%q) = %v: %q missing or out of order", c.tag, got, w)
				break
			}
			at = i
		}
		if got[len(got)-1] != c.bare {
			t.Errorf("Fallback(%q) = %v: the bare language must come last", c.tag, got)
		}
	}
	if Fallback("not a tag") != nil {
		t.Error("ill-formed tag has a chain")
	}
	if slices.Contains(Fallback("zh-CN"), "zh-Hant") {
		t.Error("zh-CN falls back to Traditional")
	}
}

func TestNames(t *testing.T) {
	if n := Name("es-419"); n != "Latin American Spanish" {
		t.Errorf("Name(es-419) = %q", n)
	}
	if n := Name("zh-TW"); n != "Chinese (Taiwan)" {
		t.Errorf("Name(zh-TW) = %q", n)
	}
	if n := LanguageName("zh-TW"); n != "Chinese" {
		t.Errorf("LanguageName(zh-TW) = %q", n)
	}
	if n := Name("hoh"); n != "hoh" {
		t.Errorf("Name(hoh) = %q", n)
	}
}
