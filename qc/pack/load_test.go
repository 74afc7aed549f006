package pack

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

const testDefaults = `pack: defaults
layer: defaults
title: test defaults
version: "1"
rules:
  T001: {params: {min_duration: {value: 1s, source: "d"}}}
  T002: {params: {max_duration: {value: 8s, source: "d"}}}
  T004: {params: {min_gap: {value: 2f, source: "d"}}}
  T005:
    params:
      max_cps: {value: "25", source: "d"}
      half_width_weight: {value: "1", source: "d"}
  T006:
    params:
      min_gap: {value: 2f, source: "d"}
      close_below: {value: 0.5s, source: "d"}
  L001:
    params:
      max_chars: {value: "43", source: "d"}
      half_width_weight: {value: "1", source: "d"}
  L002: {params: {max_lines: {value: "2", source: "d"}}}
`

const testPlatform = `pack: acme
layer: platform
title: ACME guide
version: "2"
rules:
  T005: {params: {max_cps: {value: "17", source: "ACME §3"}}}
variants:
  children:
    rules:
      T005: {params: {max_cps: {value: "13", source: "ACME §3.1"}}}
`

// testFS is a minimal valid pack tree; tests add or replace files.
func testFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"defaults.yaml":       {Data: []byte(testDefaults)},
		"platforms/acme.yaml": {Data: []byte(testPlatform)},
		"README.md":           {Data: []byte("not a pack")},
	}
	for name, data := range files {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestLoadMinimalTree(t *testing.T) {
	lib, err := LoadFS(testFS(nil), testRegistry())
	if err != nil {
		t.Fatal(err)
	}
	if got := lib.Profiles(); len(got) != 1 || got[0] != "acme" {
		t.Fatalf("profiles = %v", got)
	}
}

const langHeader = `pack: xx
layer: language
title: test language
version: "3"
applies_to: [fr]
`

// TestLoadErrorsNameFileAndLine feeds broken packs and checks that each
// error names the file and the line an author must fix.
func TestLoadErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		data  string
		want  string // file:line prefix
		about string // part of the message
	}{
		{"unknown top-level key", "languages/xx.yaml", langHeader + "colour: red\n",
			"languages/xx.yaml:6:", `unknown key "colour" in pack file`},
		{"unknown rule key", "languages/xx.yaml", langHeader + "rules:\n  T005:\n    severty: error\n",
			"languages/xx.yaml:8:", `unknown key "severty" in rule entry`},
		{"unknown param key", "languages/xx.yaml", langHeader + "rules:\n  T005:\n    params:\n      max_cps: {value: \"17\", source: s, note: x}\n",
			"languages/xx.yaml:9:", `unknown key "note" in parameter`},
		{"unknown rule code", "languages/xx.yaml", langHeader + "rules:\n  T999:\n    enabled: false\n",
			"languages/xx.yaml:7:", `unknown rule "T999"`},
		{"rule named instead of coded", "languages/xx.yaml", langHeader + "rules:\n  cue-overlap: {enabled: false}\n",
			"languages/xx.yaml:7:", "pack files name rules by code (T003 cue-overlap)"},
		{"unknown param", "languages/xx.yaml", langHeader + "rules:\n  T005:\n    params:\n      max_cpl: {value: \"17\", source: s}\n",
			"languages/xx.yaml:9:", `has no parameter "max_cpl" (parameters: max_cps, half_width_weight)`},
		{"bad value kind", "languages/xx.yaml", langHeader + "rules:\n  L002:\n    params:\n      max_lines:\n        value: two\n        source: s\n",
			"languages/xx.yaml:10:", `"two" is not a valid int`},
		{"duration without unit", "languages/xx.yaml", langHeader + "rules:\n  T001:\n    params:\n      min_duration: {value: \"0.8\", source: s}\n",
			"languages/xx.yaml:9:", "needs a unit"},
		{"negative value", "languages/xx.yaml", langHeader + "rules:\n  T005:\n    params:\n      max_cps: {value: \"-17\", source: s}\n",
			"languages/xx.yaml:9:", "non-negative"},
		{"missing source", "languages/xx.yaml", langHeader + "rules:\n  T005:\n    params:\n      max_cps: {value: \"17\"}\n",
			"languages/xx.yaml:9:", "missing source"},
		{"blank source", "languages/xx.yaml", langHeader + "rules:\n  T005:\n    params:\n      max_cps: {value: \"17\", source: \"  \"}\n",
			"languages/xx.yaml:9:", "missing source"},
		{"bare param value", "languages/xx.yaml", langHeader + "rules:\n  T005:\n    params:\n      max_cps: 17\n",
			"languages/xx.yaml:9:", "{value: ..., source:"},
		{"missing value", "languages/xx.yaml", langHeader + "rules:\n  T005:\n    params:\n      max_cps: {source: s}\n",
			"languages/xx.yaml:9:", "missing value"},
		{"bad severity", "languages/xx.yaml", langHeader + "rules:\n  T003:\n    severity: fatal\n",
			"languages/xx.yaml:8:", `unknown severity "fatal"`},
		{"pack id differs from file", "languages/xx.yaml", strings.Replace(langHeader, "pack: xx", "pack: yy", 1),
			"languages/xx.yaml:1:", `must match its file name ("xx")`},
		{"layer in wrong folder", "platforms/xx.yaml", langHeader,
			"platforms/xx.yaml:2:", "a language pack belongs in languages/"},
		{"non-canonical tag", "languages/xx.yaml", strings.Replace(langHeader, "[fr]", "[zh-hant]", 1),
			"languages/xx.yaml:5:", `canonical form "zh-Hant"`},
		{"tag served twice", "languages/xx.yaml", langHeader + "",
			"languages/xx.yaml", "fr is already served by languages/fr.yaml"},
		{"YAML syntax", "languages/xx.yaml", langHeader + "rules: [\n",
			"languages/xx.yaml:", "did not find expected"},
		{"bad variant name", "languages/xx.yaml", langHeader + "variants:\n  Kids:\n    rules: {}\n",
			"languages/xx.yaml:7:", `variant name "Kids"`},
		{"yml extension", "languages/xx.yml", langHeader,
			"languages/xx.yml", "pack files end in .yaml"},
		{"defaults with variants", "defaults.yaml", testDefaults + "variants:\n  sdh: {rules: {}}\n",
			"defaults.yaml:22:", "the defaults pack has no variants"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{tt.file: tt.data}
			if tt.name == "tag served twice" {
				files["languages/fr.yaml"] = strings.Replace(langHeader, "pack: xx", "pack: fr", 1)
			}
			_, err := LoadFS(testFS(files), testRegistry())
			if err == nil {
				t.Fatal("loaded without error")
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if strings.HasPrefix(line, tt.want) && strings.Contains(line, tt.about) {
					return
				}
			}
			t.Errorf("want an error at %s about %q, got:\n%v", tt.want, tt.about, err)
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	_, err := LoadFS(testFS(map[string]string{
		"languages/xx.yaml": langHeader + "rules:\n  T999: {}\n  T005: {params: {max_cps: {value: fast, source: s}}}\n",
		"languages/yy.yaml": strings.Replace(strings.Replace(langHeader, "pack: xx", "pack: yy", 1), "[fr]", "[de]", 1) + "nope: 1\n",
	}), testRegistry())
	if err == nil {
		t.Fatal("loaded without error")
	}
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %T does not unwrap to *pack.Error", err)
	}
	msg := err.Error()
	for _, want := range []string{`languages/xx.yaml:7: unknown rule "T999"`, `languages/xx.yaml:8: T005.max_cps: "fast" is not a valid float`, `languages/yy.yaml:6: unknown key "nope"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

// TestDefaultsMustCoverEveryParam: a rule registered later with a parameter
// the defaults pack does not set makes the load fail, naming the rule.
func TestDefaultsMustCoverEveryParam(t *testing.T) {
	reg := testRegistry()
	reg = append(reg, &ruleWithParam)
	_, err := LoadFS(testFS(nil), reg)
	if err == nil || !strings.Contains(err.Error(), "defaults.yaml: F001 frame-rate-unsupported: parameter allowed has no default value") {
		t.Fatalf("want a missing-default error for F001, got %v", err)
	}
	// Without the parameter, an unknown-to-packs rule loads fine: packs need
	// not mention every rule.
	plain := ruleWithParam
	plain.Params = nil
	if _, err := LoadFS(testFS(nil), append(testRegistry(), &plain)); err != nil {
		t.Fatalf("a parameterless new rule should load: %v", err)
	}
}

func TestMissingDefaultsPack(t *testing.T) {
	_, err := LoadFS(testFS(map[string]string{"defaults.yaml": ""}), testRegistry())
	if err == nil || !strings.Contains(err.Error(), "defaults.yaml: missing") {
		t.Fatalf("got %v", err)
	}
}

// TestVariantShadowingRejected: a language pack that sets max_cps without a
// children value would hide the platform's children value.
func TestVariantShadowingRejected(t *testing.T) {
	_, err := LoadFS(testFS(map[string]string{
		"languages/xx.yaml": langHeader + "rules:\n  T005:\n    params:\n      max_cps: {value: \"20\", source: s}\n",
	}), testRegistry())
	if err == nil || !strings.Contains(err.Error(), `languages/xx.yaml:9: T005.max_cps is set here but not in variant "children", which platforms/acme.yaml sets`) {
		t.Fatalf("got %v", err)
	}
	_, err = LoadFS(testFS(map[string]string{
		"languages/xx.yaml": langHeader + "rules:\n  T005:\n    params:\n      max_cps: {value: \"20\", source: s}\n" +
			"variants:\n  children: {rules: {T005: {params: {max_cps: {value: \"16\", source: s}}}}}\n",
	}), testRegistry())
	if err != nil {
		t.Fatalf("with its own children value the pack should load: %v", err)
	}
}

// TestMalformedPacksFailCleanly: odd YAML gives an error naming the file,
// never a panic or a silently empty pack.
func TestMalformedPacksFailCleanly(t *testing.T) {
	for _, data := range []string{
		" ",
		"# only a comment\n",
		"- a\n- b\n",
		"just a string\n",
		langHeader + "rules:\n  - T005\n",
		langHeader + "rules:\n  T005: {params: {max_cps: {value: [1], source: s}}}\n",
		langHeader + "rules:\n  T005: {params: {max_cps: {value: ~, source: s}}}\n",
		langHeader + "rules:\n  T005: {params: {max_cps: {value: {a: 1}, source: s}}}\n",
		langHeader + "variants:\n  a+a: {rules: {}}\n",
		langHeader + "---\npack: xx\n",
		"pack: xx\nlayer: language\ntitle: t\nversion: \"1\"\napplies_to: [not a tag]\n",
		"pack: xx\nlayer: planet\n",
		"a: &a [x, *a]\n",
		langHeader + "rules:\n  T005:\n    params:\n      max_cps: {value: \"17\", source: s}\n      max_cps: {value: \"18\", source: s}\n",
	} {
		_, err := LoadFS(testFS(map[string]string{"languages/xx.yaml": data}), testRegistry())
		if err == nil {
			t.Errorf("loaded without error:\n%s", data)
			continue
		}
		if !strings.Contains(err.Error(), "languages/xx.yaml") {
			t.Errorf("error does not name the file: %v", err)
		}
	}
}
