package pack

import (
	"testing"

	"github.com/exportqc/exportqc/qc/audit/auditrules"
	"github.com/exportqc/exportqc/qc/deliverycheck"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/rule"
)

// shippedRegistry is testRegistry plus the delivery, language and audit rules,
// whose parameters the shipped defaults.yaml must give values to.
func shippedRegistry() []*rule.Rule {
	return append(append(append(testRegistry(), deliverycheck.Rules...), langcheck.Rules...), auditrules.Rules...)
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
