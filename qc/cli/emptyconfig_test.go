package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// emptyConfig gives the tests a project config with nothing in it, so the
// repository's own config.yaml does not leak into their expectations.
func emptyConfig(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(p, []byte("{}\n"), 0o644)
	return p
}
