package pack

import (
	"testing"

	"github.com/exportqc/exportqc/qc/deliverycheck"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/rule"
)

// shippedRegistry is testRegistry plus the delivery and language rules,
// whose parameters the shipped defaults.yaml must give values to.
func shippedRegistry() []*rule.Rule {
	return append(append(append(append(testRegistry(), deliverycheck.Rules...), langcheck.Rules...), textRules()...), shotRules()...)
}

// shotRules stand for the shot-change rules of qc/checks (T010–T013),
// whose parameters the shipped packs set.
func shotRules() []*rule.Rule {
	d := func(name string) rule.ParamSpec { return rule.ParamSpec{Name: name, Kind: rule.KindDuration} }
	r := func(code, name string, params ...rule.ParamSpec) *rule.Rule {
		return &rule.Rule{Code: code, Name: name, Summary: "test rule " + name, Params: params}
	}
	return []*rule.Rule{
		r("T010", "shot-change-in-time", d("min_distance"), d("snap_within")),
		r("T011", "shot-change-out-time", d("window"), d("gap_before_cut")),
		r("T012", "shot-change-overhang", d("min_overhang"), d("gap_before_cut")),
		r("T013", "shot-changes-unavailable"),
	}
}

func loadShipped(t *testing.T) *Library {
	t.Helper()
	lib, err := Load(shippedRegistry())
	if err != nil {
		t.Fatalf("shipped packs do not load:\n%v", err)
	}
	return lib
}

func TestShippedPacksLoad(t *testing.T) {
	lib := loadShipped(t)
	if got := lib.Profiles(); len(got) == 0 || !contains(got, DefaultProfile) {
		t.Fatalf("profiles %v lack the default profile %q", got, DefaultProfile)
	}
	want := []string{"en", "fr", "de", "es", "es-419", "pt-BR", "it", "ru", "ar", "he", "hi", "th", "tr", "vi", "id", "ko", "ja", "zh-Hans", "zh-Hant"}
	for _, id := range want {
		if p, ok := lib.Pack(id); !ok || p.Layer != LayerLanguage {
			t.Errorf("no language pack %q", id)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
