package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite fixtures' .want files from the current output")

// Rule fixtures (fixtures/rules/<CODE>/): every subtitle file there is
// checked with the default profile; its findings must be exactly those in
// the sidecar <file>.want, one "LINE CUE RULE" per line. Files under
// fixtures/rules/ok/ must produce no finding at all.
func TestRuleFixtures(t *testing.T) {
	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "rules")
	files, err := filepath.Glob(filepath.Join(root, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, ".want") {
			continue
		}
		rel, _ := filepath.Rel(root, f)
		dir := filepath.Dir(rel)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			got := findingKeys(t, f)
			for _, k := range got {
				seen[strings.Fields(k)[2]] = true
			}
			if dir == "ok" {
				if len(got) > 0 {
					t.Errorf("clean file produced findings:\n%s", strings.Join(got, "\n"))
				}
				return
			}
			wantFile := f + ".want"
			if *update {
				os.WriteFile(wantFile, []byte(strings.Join(got, "\n")+"\n"), 0o644)
			}
			data, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("missing %s (run go test ./qc/cli -run TestRuleFixtures -update, then review it)", wantFile)
			}
			var want []string
			for _, l := range strings.Split(string(data), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					want = append(want, l)
				}
			}
			if g, w := strings.Join(got, " | "), strings.Join(want, " | "); g != w {
				t.Errorf("findings differ\n got: %s\nwant: %s", g, w)
			}
			if !containsRule(got, dir) {
				t.Errorf("fixture in %s/ does not trigger %s", dir, dir)
			}
		})
	}
	// Every rule with a run function, and every file rule, has a fixture
	// that triggers it: a rule nobody can make fire is a rule nobody tested.
	for _, r := range checks.All() {
		if !strings.HasPrefix(r.Code, "T") && !strings.HasPrefix(r.Code, "L") && !strings.HasPrefix(r.Code, "E") && !strings.HasPrefix(r.Code, "X") {
			continue // format and delivery rules have fixtures in their own packages
		}
		if !seen[r.Code] && !offInEveryProfile[r.Code] {
			t.Errorf("no fixture triggers %s", r.ID())
		}
	}
}

// offInEveryProfile are rules no shipped pack enables, so no fixture run
// with the default profile can trigger them; their tests enable them
// (X017: qc/checks text_test.go).
var offInEveryProfile = map[string]bool{"X017": true}

func containsRule(keys []string, code string) bool {
	for _, k := range keys {
		if strings.Fields(k)[2] == code {
			return true
		}
	}
	return false
}

// findingKeys runs exportqc check on one file and returns "LINE CUE RULE"
// for each finding, in report order.
func findingKeys(t *testing.T, path string) []string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run([]string{"check", "--config", emptyConfig(t), "--format", "json", "-q", path}, &stdout, &stderr)
	if code == ExitUsage {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var rep struct {
		Findings []struct {
			Rule string
			Line int
			Cue  int
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, stdout.String())
	}
	keys := make([]string, 0, len(rep.Findings))
	for _, f := range rep.Findings {
		keys = append(keys, fmt.Sprintf("%d %d %s", f.Line, f.Cue, f.Rule))
	}
	if (code == ExitFail) != hasError(stdout.Bytes()) {
		t.Errorf("exit code %d does not match the findings' severities", code)
	}
	return keys
}

func hasError(js []byte) bool {
	var rep struct{ Findings []struct{ Severity string } }
	json.Unmarshal(js, &rep)
	for _, f := range rep.Findings {
		if f.Severity == "error" {
			return true
		}
	}
	return false
}

// emptyConfig gives the tests a project config with nothing in it, so the
// repository's own config.yaml does not leak into fixture expectations.
func emptyConfig(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(p, []byte("{}\n"), 0o644)
	return p
}
