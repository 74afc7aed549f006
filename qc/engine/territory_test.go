package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A manifest territory that is no country (UK, XX) used to pass silently
// as a region without a pack; it is a D009 error at its line that names
// the code meant, and the rest of the delivery is still checked.
func TestManifestTerritoryTypo(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.fr.srt"), []byte("1\n00:00:01,000 --> 00:00:03,000\nSalut.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte("manifest_version: 1\nterritories: [FR, UK, XX]\nfiles:\n  - {path: a.fr.srt, kind: subtitles, language: fr}\n"), 0o644)
	rep := run(t, deliveryOptions(t, nil, dir))
	got := keys(t, rep, dir)
	if strings.Join(got, " | ") != "D009 manifest.yaml:2 | D009 manifest.yaml:2" {
		t.Fatalf("findings %v", got)
	}
	if !strings.Contains(rep.Findings[0].Message+rep.Findings[1].Message, "did you mean GB?") {
		t.Errorf("no suggestion: %q / %q", rep.Findings[0].Message, rep.Findings[1].Message)
	}
	if d := rep.Deliveries[0]; strings.Join(d.Territories, ",") != "FR" || d.Checked != 1 {
		t.Errorf("delivery %+v", d)
	}
}
