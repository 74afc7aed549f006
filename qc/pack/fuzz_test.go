package pack

import (
	"strings"
	"testing"
)

// A project config is user input: its territories: key must give a library
// or an error, never a panic, and an accepted territory must resolve.
func FuzzProjectTerritories(f *testing.F) {
	f.Add("territories:\n  ACME:\n    title: t\n    version: \"1\"\n    requires:\n      - {language: fr, kind: sdh, source: s}\n")
	f.Add("territories:\n  FR:\n    title: t\n    version: \"1\"\n    languages:\n      fr: {rules: {T005: {params: {max_cps: {value: \"15\", source: s}}}}}\n")
	f.Add("territories:\n  X:\n    equivalents: [{name: a, tags: [fr, fr-BE], source: s}]\n    formats: {accepted: [srt], source: s}\n")
	f.Add("territories: [1, 2]\n")
	f.Add("territories:\n  X: &a {title: t}\n  Y: *a\n")
	f.Add("{}")
	base, err := Load(shippedRegistry())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, cfg string) {
		lib, err := base.WithProjectTerritories("config.yaml", []byte(cfg))
		if err != nil {
			if !strings.Contains(err.Error(), "config.yaml") {
				t.Errorf("error does not name the config: %v", err)
			}
			return
		}
		for _, id := range lib.Territories() {
			if _, err := lib.Resolve(Request{Territories: []string{id}, Language: "fr"}); err != nil {
				t.Errorf("territory %s loaded but does not resolve: %v", id, err)
			}
		}
	})
}
