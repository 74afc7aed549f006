package pack

import (
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/rule"
)

// shippedRegistry is the real registry: the shipped packs must load
// against it and give every parameter of every rule a value, so a new rule
// is tested here without being copied into a list of this package's own.
func shippedRegistry() []*rule.Rule { return checks.All() }

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
