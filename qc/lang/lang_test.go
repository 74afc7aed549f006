package lang

import "testing"

func TestFromFileName(t *testing.T) {
	cases := map[string]string{
		"LongRiver_S01E01.fr.srt":        "fr",
		"LongRiver_S01E01_fr-FR.vtt":     "fr-FR",
		"Show.S01E01.zh-Hans.ttml":       "zh-Hans",
		"Show.S01E01.pt_BR.forced.srt":   "pt-BR",
		"Show.S01E01.en.sdh.vtt":         "en",
		"dir/Show_S01E01.es-419.srt":     "es-419",
		"Show_S01E01.srt":                "",
		"typical.srt":                    "",
		"Show.S01E01.iw.srt":             "he",
		"The Long River - Episode 1.srt": "",
		"Show.S01E01.final.srt":          "",
	}
	for in, want := range cases {
		if got := FromFileName(in); got != want {
			t.Errorf("FromFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{"en-us": "en-US", "pt_br": "pt-BR", "iw": "he", "zh-hant-tw": "zh-Hant-TW"} {
		got, _, err := Canonical(in)
		if err != nil || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, dep, _ := Canonical("iw"); !dep {
		t.Error("iw should be reported as deprecated")
	}
	if _, _, err := Canonical("not a tag"); err == nil {
		t.Error("garbage accepted")
	}
}
