package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// The README's rule table is exactly `exportqc rules list --markdown`, so a
// rule added, renamed or re-severitied cannot leave the documentation (and
// the SARIF help anchors that point into it) behind.
func TestReadmeRuleTableIsCurrent(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testcorpus.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	begin, end := strings.Index(readme, "<!-- rules:begin -->\n"), strings.Index(readme, "<!-- rules:end -->")
	if begin < 0 || end < begin {
		t.Fatal("README.md lacks the rules:begin/rules:end markers")
	}
	table := readme[begin+len("<!-- rules:begin -->\n") : end]
	code, out, stderr := run(t, "rules", "list", "--markdown", "--config", emptyConfig(t))
	if code != ExitPass {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if table != out {
		t.Errorf("README rule table is stale; regenerate it with:\n  go run ./cmd/exportqc rules list --markdown\n--- README\n%s\n--- now\n%s", table, out)
	}
}
