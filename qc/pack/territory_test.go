package pack

import (
	"slices"
	"strings"
	"testing"
)

const terrHeader = `pack: ZZ
layer: territory
title: Zedland
version: "1"
applies_to: [FR]
`

// Territory parts are decoded as strictly as rules: each mistake is an
// error at the line an author must fix.
func TestTerritoryDecodeErrors(t *testing.T) {
	tests := []struct {
		name, file, data, want, about string
	}{
		{"unknown requirement key", "territories/ZZ.yaml", terrHeader + "requires:\n  - {language: fr, kind: subtitles, source: s, lang: fr}\n",
			"territories/ZZ.yaml:7:", `unknown key "lang" in requirement`},
		{"bad kind", "territories/ZZ.yaml", terrHeader + "requires:\n  - {language: fr, kind: subtitle, source: s}\n",
			"territories/ZZ.yaml:7:", `requirement kind "subtitle"`},
		{"bad accepts", "territories/ZZ.yaml", terrHeader + "requires:\n  - {language: fr, kind: sdh, accepts: [cc], source: s}\n",
			"territories/ZZ.yaml:7:", `accepts "cc"`},
		{"missing source", "territories/ZZ.yaml", terrHeader + "requires:\n  - language: en\n    kind: sdh\n",
			"territories/ZZ.yaml:7:", "missing source"},
		{"non-canonical language", "territories/ZZ.yaml", terrHeader + "requires:\n  - {language: zh-hant, kind: subtitles, source: s}\n",
			"territories/ZZ.yaml:7:", `canonical form "zh-Hant"`},
		{"requirement twice", "territories/ZZ.yaml", terrHeader + "requires:\n  - {language: fr, kind: sdh, source: s}\n  - {language: fr, kind: sdh, source: t}\n",
			"territories/ZZ.yaml:8:", "already given at line 7"},
		{"tag in two classes", "territories/ZZ.yaml", terrHeader + "equivalents:\n  - {name: A, tags: [fr, fr-BE], source: s}\n  - {name: B, tags: [fr-BE], source: s}\n",
			"territories/ZZ.yaml:8:", `fr-BE is in classes "A" and "B"`},
		{"unknown format", "territories/ZZ.yaml", terrHeader + "formats: {accepted: [srt, sub], source: s}\n",
			"territories/ZZ.yaml:6:", `unknown format "sub"`},
		{"requires in a language pack", "languages/xx.yaml", langHeader + "requires:\n  - {language: fr, kind: sdh, source: s}\n",
			"languages/xx.yaml:6:", "requires is for territory packs"},
		{"formats in a platform pack", "platforms/acme.yaml", testPlatform + "formats: {accepted: [srt], source: s}\n",
			"platforms/acme.yaml:11:", "formats is for territory packs"},
		{"reserved territory code", "territories/ZZ.yaml", "pack: ZZ\nlayer: territory\ntitle: Z\nversion: \"1\"\napplies_to: [FR, UK]\n",
			"territories/ZZ.yaml:5:", "did you mean GB?"},
		{"private-use territory code", "territories/ZZ.yaml", "pack: ZZ\nlayer: territory\ntitle: Z\nversion: \"1\"\napplies_to: [XX]\n",
			"territories/ZZ.yaml:5:", "private use"},
		{"requires in a language section", "territories/ZZ.yaml", terrHeader + "languages:\n  fr:\n    variants:\n      sdh:\n        requires: [{language: fr, kind: sdh, source: s}]\n",
			"territories/ZZ.yaml:9:", "belong in the territory's own variants"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadFS(testFS(map[string]string{tt.file: tt.data}), testRegistry())
			if err == nil {
				t.Fatal("loaded without error")
			}
			found := false
			for _, line := range strings.Split(err.Error(), "\n") {
				if strings.HasPrefix(line, tt.want) && strings.Contains(line, tt.about) {
					found = true
				}
			}
			if !found {
				t.Errorf("want %q … %q in:\n%v", tt.want, tt.about, err)
			}
		})
	}
}

// A territory's language section applies to files of that language only,
// after the territory's own rules; its variant requirements apply only
// when the variant is asked for.
func TestTerritorySectionsAndVariants(t *testing.T) {
	zz := terrHeader + `requires:
  - {language: fr, kind: subtitles, source: "base"}
rules:
  L002: {params: {max_lines: {value: "3", source: "zz base"}}}
languages:
  fr:
    rules:
      L002: {params: {max_lines: {value: "1", source: "zz fr"}}}
variants:
  broadcast:
    requires:
      - {language: fr, kind: sdh, source: "zz broadcast"}
    formats: {accepted: [stl], source: "zz formats"}
`
	lib, err := LoadFS(testFS(map[string]string{"territories/ZZ.yaml": zz}), testRegistry())
	if err != nil {
		t.Fatal(err)
	}
	lines := func(lang string) string {
		e, err := lib.Resolve(Request{Profile: NoProfile, Language: lang, Territories: []string{"FR"}})
		if err != nil {
			t.Fatal(err)
		}
		s := e.Config("L002").Params["max_lines"]
		return s.Value.Raw + " " + s.Pack
	}
	if got := lines("fr-FR"); got != "1 ZZ:fr" {
		t.Errorf("fr-FR: %s", got)
	}
	if got := lines("en"); got != "3 ZZ" {
		t.Errorf("en: %s", got)
	}
	// The resolver caches by section, not just by territory.
	r := lib.NewResolver()
	for _, lang := range []string{"en", "fr", "en"} {
		e, _ := r.Resolve(Request{Profile: NoProfile, Language: lang, Territories: []string{"ZZ"}})
		want := map[string]string{"en": "3", "fr": "1"}[lang]
		if got := e.Config("L002").Params["max_lines"].Value.Raw; got != want {
			t.Errorf("cached %s: %s, want %s", lang, got, want)
		}
	}
	reqs := func(variants ...string) string {
		e, err := lib.Resolve(Request{Profile: NoProfile, Territories: []string{"FR"}, Variants: variants})
		if err != nil {
			t.Fatal(err)
		}
		tr := e.TerritoryRules()
		if len(tr) != 1 {
			t.Fatalf("territories %v", tr)
		}
		var out []string
		for _, r := range tr[0].Requires {
			out = append(out, r.Language+" "+r.Kind)
		}
		if tr[0].Formats != nil {
			out = append(out, "formats "+strings.Join(tr[0].Formats.Accepted, ","))
		}
		return strings.Join(out, "; ")
	}
	if got := reqs(); got != "fr subtitles" {
		t.Errorf("base: %s", got)
	}
	if got := reqs("broadcast"); got != "fr subtitles; fr sdh; formats stl" {
		t.Errorf("broadcast: %s", got)
	}
	if !slices.Contains(lib.Variants(), "broadcast") {
		t.Errorf("variants %v lack broadcast", lib.Variants())
	}
}

// Project territories: a new one by name, a shipped one replaced, strict
// keys with the config's lines, and the layer in explain output.
func TestProjectTerritories(t *testing.T) {
	base := loadShipped(t)
	cfg := `profile: netflix
territories:
  ACME-FR:
    title: "ACME France delivery spec"
    version: "2026-03"
    requires:
      - {language: fr, kind: sdh, source: "ACME spec §4.2"}
  JP:
    title: "Our Japan"
    version: "1"
    requires:
      - {language: ja, kind: sdh, source: "client contract"}
`
	lib, err := base.WithProjectTerritories("config.yaml", []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	e, err := lib.Resolve(Request{Territories: []string{"ACME-FR", "JP"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tr := range e.TerritoryRules() {
		for _, r := range tr.Requires {
			got = append(got, tr.ID+" "+r.Language+" "+r.Kind+" "+r.Source)
		}
	}
	want := []string{"ACME-FR fr sdh ACME spec §4.2", "JP ja sdh client contract"}
	if !slices.Equal(got, want) {
		t.Errorf("requirements %q, want %q", got, want)
	}
	// The shipped JP is replaced, and the code JP still selects it.
	if p, _ := lib.PackIn(LayerTerritory, "JP"); p == nil || p.Title != "Our Japan" || !slices.Equal(p.AppliesTo, []string{"JP"}) {
		t.Errorf("JP pack %+v", p)
	}
	var b strings.Builder
	if err := e.Explain(&b); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"territory  ACME-FR", "ACME spec §4.2", "(all)"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("explain lacks %q:\n%s", w, b.String())
		}
	}
	// Without the key, nothing changes.
	if same, err := base.WithProjectTerritories("config.yaml", []byte("profile: netflix\n")); err != nil || same != base {
		t.Errorf("no territories key: %v %v", same == base, err)
	}
	for _, bad := range []struct{ cfg, want string }{
		{"territories:\n  XX:\n    title: t\n    version: \"1\"\n    require: []\n", `config.yaml:5: unknown key "require" in pack file`},
		{"territories:\n  XX:\n    title: t\n    version: \"1\"\n    requires:\n      - {language: fr, kind: sdh}\n", "config.yaml:6: requirement fr sdh: missing source"},
		{"territories:\n  XX:\n    version: \"1\"\n", "config.yaml:3: missing title"},
		{"territories:\n  XX:\n    layer: language\n    title: t\n    version: \"1\"\n", "the project config defines territory packs only"},
		{"territories: [FR]\n", "config.yaml:1: territories: want a mapping"},
	} {
		_, err := base.WithProjectTerritories("config.yaml", []byte(bad.cfg))
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("config %q: error %v, want %q", bad.cfg, err, bad.want)
		}
	}
}
