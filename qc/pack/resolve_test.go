package pack

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// limits reads the numbers a user checks first: characters per line,
// reading speed and the half-width weight of both.
func limits(t *testing.T, e *Effective) (chars, cps, hwChars, hwCPS float64) {
	t.Helper()
	l1, t5 := e.Config("L001"), e.Config("T005")
	return l1.Params["max_chars"].Value.Float, t5.Params["max_cps"].Value.Float,
		l1.Params["half_width_weight"].Value.Float, t5.Params["half_width_weight"].Value.Float
}

func TestLanguageLimits(t *testing.T) {
	lib := loadShipped(t)
	tests := []struct {
		tag      string
		pack     string // language pack chosen, "" for none
		chars    float64
		cps      float64
		halfWide float64
	}{
		{"en", "en", 42, 20, 1},
		{"en-US", "en", 42, 20, 1},
		{"en-GB", "en", 42, 20, 1},
		{"fr", "fr", 42, 17, 1},
		{"fr-CA", "fr", 42, 17, 1},
		{"de-DE", "de", 42, 17, 1},
		{"es-ES", "es", 42, 17, 1},
		{"es-MX", "es-419", 42, 17, 1},
		{"es-419", "es-419", 42, 17, 1},
		{"pt-BR", "pt-BR", 42, 17, 1},
		{"pt-PT", "", 42, 17, 1}, // no European Portuguese pack: it must not borrow pt-BR
		{"it", "it", 42, 17, 1},
		{"ru", "ru", 39, 17, 1},
		{"ar", "ar", 42, 20, 1},
		{"he", "he", 42, 17, 1},
		{"iw", "he", 42, 17, 1}, // deprecated code, canonicalised
		{"hi", "hi", 42, 22, 1},
		{"th", "th", 35, 17, 1},
		{"tr", "tr", 42, 17, 1},
		{"vi", "vi", 42, 17, 1},
		{"id", "id", 42, 17, 1},
		{"ko", "ko", 16, 12, 0.5},
		{"ko-KR", "ko", 16, 12, 0.5},
		{"ja", "ja", 13, 4, 0.5},
		{"ja-JP", "ja", 13, 4, 0.5},
		{"zh-Hans", "zh-Hans", 16, 9, 0.5},
		{"zh-CN", "zh-Hans", 16, 9, 0.5},
		{"zh", "zh-Hans", 16, 9, 0.5},
		{"zh-Hant", "zh-Hant", 16, 9, 0.5},
		{"zh-TW", "zh-Hant", 16, 9, 0.5},
		{"zh-HK", "zh-Hant", 16, 9, 0.5},
		{"xx", "", 42, 17, 1}, // well-formed unknown language: Netflix platform values
		{"", "", 42, 17, 1},
		{"und", "", 42, 17, 1},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			e, err := lib.Resolve(Request{Language: tt.tag})
			if err != nil {
				t.Fatal(err)
			}
			if e.Language != tt.pack {
				t.Errorf("language pack = %q, want %q", e.Language, tt.pack)
			}
			chars, cps, hwChars, hwCPS := limits(t, e)
			if chars != tt.chars || cps != tt.cps || hwChars != tt.halfWide || hwCPS != tt.halfWide {
				t.Errorf("chars/line %v, cps %v, half-width %v/%v; want %v, %v, %v", chars, cps, hwChars, hwCPS, tt.chars, tt.cps, tt.halfWide)
			}
			if e.Profile != DefaultProfile {
				t.Errorf("profile = %q, want the default %q", e.Profile, DefaultProfile)
			}
		})
	}
}

func TestIllFormedLanguageIsAnError(t *testing.T) {
	lib := loadShipped(t)
	if _, err := lib.Resolve(Request{Language: "12"}); err == nil {
		t.Fatal("an ill-formed tag resolved")
	}
}

// TestNetflixTiming checks the platform values rules depend on, resolved at
// real frame rates: 5/6 s, 7 s and 2 frames whatever the rate.
func TestNetflixTiming(t *testing.T) {
	lib := loadShipped(t)
	e, err := lib.Resolve(Request{Language: "en-US"})
	if err != nil {
		t.Fatal(err)
	}
	fr := cue.FrameRate{Num: 24000, Den: 1001}
	dur := func(code, param string) cue.Time {
		return e.Config(code).Params[param].Value.Duration.Resolve(fr)
	}
	if got := dur("T001", "min_duration"); got != cue.FromRatio(5, 6) {
		t.Errorf("T001 min_duration = %v, want 5/6 s", got)
	}
	if got := dur("T002", "max_duration"); got != 7*cue.Second {
		t.Errorf("T002 max_duration = %v, want 7 s", got)
	}
	if got := dur("T004", "min_gap"); got != fr.Frames(2) {
		t.Errorf("T004 min_gap = %v, want 2 frames", got)
	}
	if got := dur("T006", "close_below"); got != cue.Second/2 {
		t.Errorf("T006 close_below = %v, want 0.5 s", got)
	}
	if c := e.Config("T006"); !c.Enabled || c.Severity != rule.Info {
		t.Errorf("T006 enabled=%v severity=%v, want enabled info", c.Enabled, c.Severity)
	}
	if c := e.Config("E001"); c.Severity != rule.Error {
		t.Errorf("E001 severity %v, want error under Netflix", c.Severity)
	}
	if c := e.Config("E002"); c.Severity != rule.Info {
		t.Errorf("E002 severity %v, want info under Netflix", c.Severity)
	}
	if got := e.Config("L002").Params["max_lines"].Value.Int; got != 2 {
		t.Errorf("L002 max_lines = %d", got)
	}
	// Every value a rule can read carries its source.
	for code, cfg := range e.Rules {
		for name, s := range cfg.Params {
			if strings.TrimSpace(s.Source) == "" || s.Layer == "" || s.Pack == "" {
				t.Errorf("%s.%s has no provenance: %+v", code, name, s)
			}
		}
	}
}

func TestProfiles(t *testing.T) {
	lib := loadShipped(t)
	none, err := lib.Resolve(Request{Profile: NoProfile})
	if err != nil {
		t.Fatal(err)
	}
	if chars, cps, _, _ := limits(t, none); chars != 43 || cps != 25 {
		t.Errorf("built-in defaults give %v chars, %v cps; want 43, 25", chars, cps)
	}
	if none.Config("T006").Enabled {
		t.Error("gap chaining is platform house style: off without a profile")
	}
	amazon, err := lib.Resolve(Request{Profile: "Amazon", Language: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if got := amazon.Config("T001").Params["min_duration"]; got.Value.Duration.Time != cue.Second || got.Pack != "amazon" {
		t.Errorf("amazon T001 = %+v, want 1s from amazon", got)
	}
	if got := amazon.Config("T005").Params["max_cps"]; got.Pack != "fr" {
		t.Errorf("the language layer sits above the platform: max_cps from %q", got.Pack)
	}
	_, err = lib.Resolve(Request{Profile: "hulu"})
	if err == nil || !strings.Contains(err.Error(), `unknown profile "hulu" (known: amazon, netflix, or none)`) {
		t.Errorf("unknown profile error = %v", err)
	}
}

func TestVariants(t *testing.T) {
	lib := loadShipped(t)
	tests := []struct {
		tag      string
		variants []string
		cps      float64
		chars    float64
		from     string
	}{
		{"en", []string{"children"}, 17, 42, "en:children"},
		{"en", []string{"sdh"}, 20, 42, "en:sdh"},
		{"fr", []string{"children"}, 13, 42, "fr:children"},
		{"ar", []string{"sdh"}, 23, 42, "ar:sdh"},
		{"ar", []string{"children", "sdh"}, 20, 42, "ar:children+sdh"},
		{"ar", []string{"sdh", "children"}, 20, 42, "ar:children+sdh"},
		{"ja", []string{"sdh"}, 7, 16, "ja:sdh"},
		{"ko", []string{"children"}, 9, 16, "ko:children"},
		{"zh-TW", []string{"children"}, 7, 16, "zh-Hant:children"},
		{"zh-TW", []string{"sdh"}, 11, 18, "zh-Hant:sdh"},
		{"pl", []string{"children"}, 13, 42, "netflix:children"}, // no Polish pack: platform variant
	}
	for _, tt := range tests {
		t.Run(tt.tag+"/"+strings.Join(tt.variants, "+"), func(t *testing.T) {
			e, err := lib.Resolve(Request{Language: tt.tag, Variants: tt.variants})
			if err != nil {
				t.Fatal(err)
			}
			chars, cps, _, _ := limits(t, e)
			if cps != tt.cps || chars != tt.chars {
				t.Errorf("cps %v chars %v, want %v %v", cps, chars, tt.cps, tt.chars)
			}
			if got := e.Config("T005").Params["max_cps"].Pack; got != tt.from {
				t.Errorf("max_cps set by %q, want %q", got, tt.from)
			}
		})
	}
	if _, err := lib.Resolve(Request{Variants: []string{"kids"}}); err == nil || !strings.Contains(err.Error(), "known: broadcast, captions, children, scc, sdh") {
		t.Errorf("unknown variant error = %v", err)
	}
}

func TestTerritoryLayer(t *testing.T) {
	fsys := testFS(map[string]string{
		"territories/de.yaml": "pack: de\nlayer: territory\ntitle: German broadcaster\nversion: \"1\"\napplies_to: [DE, AT]\n" +
			"rules:\n  L001: {params: {max_chars: {value: \"37\", source: \"teletext §2\"}}}\n  T003: {severity: warning}\n",
	})
	lib, err := LoadFS(fsys, testRegistry())
	if err != nil {
		t.Fatal(err)
	}
	for _, terr := range []string{"AT", "at", "de"} {
		e, err := lib.Resolve(Request{Profile: "acme", Territories: []string{terr}})
		if err != nil {
			t.Fatal(err)
		}
		got := e.Config("L001").Params["max_chars"]
		if got.Value.Float != 37 || got.Layer != "territory" || got.Pack != "de" {
			t.Errorf("%s: max_chars = %+v, want 37 from territory de", terr, got)
		}
		if e.Config("T003").Severity != rule.Warning {
			t.Errorf("%s: territory severity not applied", terr)
		}
	}
	e, err := lib.Resolve(Request{Profile: "acme", Territories: []string{"FR"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Territories) != 0 || e.Config("L001").Params["max_chars"].Value.Float != 43 {
		t.Errorf("a territory without a pack must add no layer: %v", e.Territories)
	}
	if _, err := lib.Resolve(Request{Profile: "acme", Territories: []string{"Narnia"}}); err == nil {
		t.Error("an invalid territory code resolved")
	}
}

func TestResolverCaches(t *testing.T) {
	lib := loadShipped(t)
	r := lib.NewResolver()
	a, err := r.Resolve(Request{Language: "en-US"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.Resolve(Request{Language: "en-GB"})
	c, _ := r.Resolve(Request{Language: "fr"})
	d, _ := r.Resolve(Request{Language: "en-US", Variants: []string{"children"}})
	if a != b {
		t.Error("en-US and en-GB select the same packs but were resolved twice")
	}
	if a == c || a == d {
		t.Error("different packs or variants share a cached result")
	}
	if _, err := r.Resolve(Request{Profile: "nope"}); err == nil {
		t.Error("the resolver hid an unknown profile")
	}
}

func BenchmarkResolve(b *testing.B) {
	lib, err := Load(shippedRegistry())
	if err != nil {
		b.Fatal(err)
	}
	r := lib.NewResolver()
	tags := []string{"en-US", "fr-FR", "ja", "zh-TW", "es-MX"}
	b.Run("uncached", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := lib.Resolve(Request{Language: tags[i%len(tags)]}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("resolver", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := r.Resolve(Request{Language: tags[i%len(tags)]}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestResolverConcurrentUse(t *testing.T) {
	lib := loadShipped(t)
	r := lib.NewResolver()
	tags := []string{"en-US", "fr", "ja", "zh-TW", "es-MX", "xx", ""}
	done := make(chan *Effective, 8*len(tags))
	for w := 0; w < 8; w++ {
		go func() {
			for _, tag := range tags {
				e, err := r.Resolve(Request{Language: tag})
				if err != nil {
					t.Error(err)
				}
				done <- e
			}
		}()
	}
	seen := make(map[*Effective]bool)
	for i := 0; i < 8*len(tags); i++ {
		seen[<-done] = true
	}
	// xx and "" share the no-language result.
	if len(seen) != len(tags)-1 {
		t.Errorf("%d distinct results for %d distinct pack selections", len(seen), len(tags)-1)
	}
}
