package infer

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/lang"
)

func TestNames(t *testing.T) {
	in, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		want Info
	}{
		{"Title_S01E03.fr-FR.srt", Info{"Title", 1, 3, "fr-FR", "fr-FR", delivery.Subtitles}},
		{"Title_S01E03_forced.ttml", Info{"Title", 1, 3, "", "", delivery.Forced}},
		{"Title_S01E03_sdh.vtt", Info{"Title", 1, 3, "", "", delivery.SDH}},
		{"Title_S01E03.fr.forced.srt", Info{"Title", 1, 3, "fr", "fr", delivery.Forced}},
		{"Title.S01E03.pt-BR.vtt", Info{"Title", 1, 3, "pt-BR", "pt-BR", delivery.Subtitles}},
		{"The_Long_River_S02E10_pt_BR_SDH.srt", Info{"The Long River", 2, 10, "pt_BR", "pt-BR", delivery.SDH}},
		{"LongRiver_S01E01.zh-Hans.ttml", Info{"LongRiver", 1, 1, "zh-Hans", "zh-Hans", delivery.Subtitles}},
		{"Show 1x04.ENG.scc", Info{"Show", 1, 4, "ENG", "en", delivery.Captions}},
		// Delivery names separate the language with a dot or underscore: a
		// space-separated last word is part of the title.
		{"Show 1x04 ENG.scc", Info{"Show", 1, 4, "", "", delivery.Captions}},
		// hoh marks SDH; it is not the language Hobyót (as check reads it too).
		{"Show.S01E01.fr.hoh.srt", Info{"Show", 1, 1, "fr", "fr", delivery.SDH}},
		{"inherit_begin_from_div.xml", Info{"inherit begin from div", 0, 0, "", "", delivery.Subtitles}},
		{"Show_Episode_7_de.srt", Info{"Show", 0, 7, "de", "de", delivery.Subtitles}},
		{"The.Long.River.fr.forced.srt", Info{"The Long River", 0, 0, "fr", "fr", delivery.Forced}},
		{"The.Long.River.final.srt", Info{"The Long River final", 0, 0, "", "", delivery.Subtitles}},
		{"S01E02/LongRiver_S01E02.en.sdh.vtt", Info{"LongRiver", 1, 2, "en", "en", delivery.SDH}},
		{"LongRiver_S01E02_v2.srt", Info{"LongRiver", 1, 2, "", "", delivery.Subtitles}},
		{"README.txt", Info{"README", 0, 0, "", "", delivery.Other}},
	}
	for _, c := range cases {
		if got := in.Name(c.name); got != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// The kinds lang's kind words name are the delivery model's kinds.
func TestKindWordsAreDeliveryKinds(t *testing.T) {
	for _, k := range []string{lang.KindSubtitles, lang.KindSDH, lang.KindForced, lang.KindCaptions} {
		if !slices.Contains(delivery.FileKinds, k) {
			t.Errorf("lang kind %q is not a delivery kind", k)
		}
	}
}

func TestWithPatterns(t *testing.T) {
	// An Amazon-style house name: CODE_Season_Episode_Lang_Kind.
	in, err := New(WithPatterns([]string{`^(?P<title>[A-Z]+)_(?P<season>\d+)_(?P<episode>\d+)_(?P<lang>[a-z]{2}-[A-Z]{2})_(?P<kind>[A-Za-z]+)\.[a-z]+$`}))
	if err != nil {
		t.Fatal(err)
	}
	got := in.Name("LRIV_01_05_es-MX_Forced.itt")
	want := Info{"LRIV", 1, 5, "es-MX", "es-MX", delivery.Forced}
	if got != want {
		t.Errorf("got %+v want %+v", got, want)
	}
	// The defaults still apply to other names.
	if got := in.Name("Other_S02E01.fr.srt"); got.Episode != 1 || got.Tag != "fr" {
		t.Errorf("defaults after custom: %+v", got)
	}
	if _, err := New(WithPatterns([]string{`(?P<language>x)`})); err == nil {
		t.Error("unknown group accepted")
	}
	if _, err := New(WithPatterns([]string{`(`})); err == nil {
		t.Error("bad regexp accepted")
	}
}

// Without its manifest, long-river's names alone give the same episodes,
// kinds and languages as the manifest declares.
func TestLongRiverWithoutManifest(t *testing.T) {
	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "deliveries", "long-river")
	in, _ := New()
	got, err := in.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	want, err := delivery.ReadNative(root, filepath.Join(root, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Kind != delivery.KindInferred || got.Title != "LongRiver" || got.Season != 1 || len(got.Episodes) != 3 {
		t.Errorf("inferred %q S%d, %d episodes", got.Title, got.Season, len(got.Episodes))
	}
	byPath := map[string]delivery.File{}
	for _, f := range got.Files {
		byPath[f.Path] = f
	}
	if len(got.Files) != len(want.Files) {
		t.Errorf("%d inferred files, manifest has %d", len(got.Files), len(want.Files))
	}
	for _, w := range want.Files {
		g, ok := byPath[w.Path]
		if !ok || g.Kind != w.Kind || g.LanguageTag != w.LanguageTag || g.Episode != w.Episode {
			t.Errorf("%s: inferred %s %q ep %d; manifest %s %q ep %d", w.Path, g.Kind, g.LanguageTag, g.Episode, w.Kind, w.LanguageTag, w.Episode)
		}
	}
}

// The default patterns are compiled once and shared: a house pattern given
// to one Inferer must not leak into the next one, whichever order they are
// made in.
func TestHousePatternsStayWithTheirInferer(t *testing.T) {
	house := `^(?P<title>[A-Z]+)_(?P<season>\d+)_(?P<episode>\d+)_(?P<lang>[a-z]{2}-[A-Z]{2})_(?P<kind>[A-Za-z]+)\.[a-z]+$`
	for range 2 {
		if _, err := New(WithPatterns([]string{house})); err != nil {
			t.Fatal(err)
		}
		plain, err := New()
		if err != nil {
			t.Fatal(err)
		}
		// Only the house pattern reads "LRIV" as a title with episode 5.
		if got := plain.Name("LRIV_01_05_es-MX_Forced.itt"); got.Episode == 5 {
			t.Errorf("an Inferer without house patterns read %+v", got)
		}
		if len(plain.patterns) != len(DefaultPatterns) {
			t.Errorf("%d patterns, want the %d defaults", len(plain.patterns), len(DefaultPatterns))
		}
	}
}
