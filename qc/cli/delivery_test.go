package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func deliveries(t *testing.T, rel ...string) string {
	return filepath.Join(append([]string{testcorpus.RepoRoot(t), "fixtures", "deliveries"}, rel...)...)
}

// The README's first command: exit 1, broken-river's findings in the text,
// every delivery folder read as a delivery.
func TestReadmeFirstCommand(t *testing.T) {
	code, out, stderr := run(t, "check", deliveries(t), "--config", emptyConfig(t), "-q")
	if code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{
		"broken-river/manifest.yaml:5: error: D006 episode-missing",
		"broken-river/S01E01/BrokenRiver_S01E01.fr.forced.srt:9: error: cue 3 [00:00:27.000] D008 forced-not-in-full",
		"  FAIL: 8 errors (D001 ×2, ", // the manifest's counts per rule
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	// The default lists the first findings of each file; --all lists them all.
	_, all, _ := run(t, "check", deliveries(t), "--config", emptyConfig(t), "-q", "--all")
	if w := "broken-river/manifest.yaml:39: error: D001 language-missing: episode 3 has no English (en) subtitles"; !strings.Contains(all, w) {
		t.Errorf("--all output lacks %q", w)
	}
}

// --territory joins the manifest's territories; an unknown one is a usage
// error; the JSON report has the deliveries array.
func TestTerritoryFlag(t *testing.T) {
	cfg := emptyConfig(t)
	code, out, stderr := run(t, "check", deliveries(t, "long-river"), "--config", cfg, "--territory", "TW", "--format", "json", "-q")
	if code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Deliveries []struct {
			Territories []string `json:"territories"`
			Passed      bool     `json:"passed"`
		} `json:"deliveries"`
		Findings []struct{ Rule string } `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Deliveries) != 1 || strings.Join(rep.Deliveries[0].Territories, ",") != "FR,MENA,CN,TW" || rep.Deliveries[0].Passed {
		t.Errorf("deliveries %+v", rep.Deliveries)
	}
	// Without shot changes, check also notes once that T010–T012 did not run.
	if len(rep.Findings) != 4 || rep.Findings[0].Rule != "T013" {
		t.Errorf("findings %+v, want the T013 note and D001 for each of 3 episodes", rep.Findings)
	}
	if code, _, stderr := run(t, "check", deliveries(t, "long-river"), "--config", cfg, "--territory", "Narnia", "-q"); code != ExitUsage || !strings.Contains(stderr, "Narnia") {
		t.Errorf("unknown territory: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "check", deliveries(t, "long-river"), deliveries(t, "itunes"), "--config", cfg, "--manifest", "x.yaml", "-q"); code != ExitUsage {
		t.Errorf("--manifest with two folders: exit %d, %s", code, stderr)
	}
}

// A project's own territory, from config.yaml: it applies to the run, and
// config print --explain shows its layer, requirements and source.
func TestProjectTerritoryInConfig(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(cfg, []byte(`territories:
  ACME-FR:
    title: "ACME France delivery spec"
    version: "2026-03"
    requires:
      - {language: fr, kind: sdh, source: "ACME spec §4.2"}
territory: [ACME-FR]
`), 0o644)
	code, out, stderr := run(t, "check", deliveries(t, "long-river"), "--config", cfg, "-q")
	if code != ExitFail || strings.Count(out, "D001 language-missing") != 3 || !strings.Contains(out, "French (fr) SDH subtitles, which territory ACME-FR") {
		t.Errorf("exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, stderr = run(t, "config", "print", "--explain", "--config", cfg)
	if code != ExitPass {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{"territories:  ACME-FR", "territory  ACME-FR", "ACME spec §4.2", "territory:"} {
		if !strings.Contains(out, w) {
			t.Errorf("explain lacks %q:\n%s", w, out)
		}
	}
	os.WriteFile(cfg, []byte("territories:\n  X:\n    title: t\n    version: \"1\"\n    requirez: []\n"), 0o644)
	if code, _, stderr := run(t, "config", "print", "--config", cfg); code != ExitUsage || !strings.Contains(stderr, `config.yaml:5: unknown key "requirez"`) {
		t.Errorf("strict territory keys: exit %d, %s", code, stderr)
	}
}
