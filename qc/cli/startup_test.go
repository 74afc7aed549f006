package cli

import (
	"regexp"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/lazyre"
)

// Expressions compiled on first use would fail only when first used: the
// command links every package, so here each one they declare must compile.
func TestLazyRegexpsCompile(t *testing.T) {
	all := lazyre.All()
	if len(all) < 20 {
		t.Fatalf("only %d lazily compiled expressions are declared; the packages of the command declare more", len(all))
	}
	for _, expr := range all {
		if _, err := regexp.Compile(expr); err != nil {
			t.Errorf("%q: %v", expr, err)
		}
	}
}
