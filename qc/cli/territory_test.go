package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An unknown territory code is a usage error, from the flag or the config,
// naming the known territories and the code likely meant: a typo must not
// switch the language requirements off (UK used to pass with exit 0).
func TestUnknownTerritoryIsUsageError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "Show.S01E01.fr.srt"), []byte("1\n00:00:01,000 --> 00:00:03,000\nBonjour.\n"), 0o644)
	cfgUK := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(cfgUK, []byte("territory: [UK]\n"), 0o644)
	cases := []struct {
		args []string
		says []string
	}{
		{[]string{"--config", emptyConfig(t), "--territory", "UK"}, []string{`"UK"`, "did you mean GB?", "LATAM", "ISO 3166-1"}},
		{[]string{"--config", emptyConfig(t), "--territory", "XX"}, []string{`"XX"`, "private use", "known:"}},
		{[]string{"--config", emptyConfig(t), "--territory", "LATM"}, []string{"did you mean LATAM?"}},
		{[]string{"--config", cfgUK}, []string{`"UK"`, "did you mean GB?"}},
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		code := Run(append(append([]string{"check"}, c.args...), dir), &stdout, &stderr)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, code, ExitUsage, stderr.String())
		}
		for _, s := range c.says {
			if !strings.Contains(stderr.String(), s) {
				t.Errorf("%v: stderr %q does not say %q", c.args, stderr.String(), s)
			}
		}
	}
	// A known code still runs: JP requires Japanese, which is missing.
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"check", "--config", emptyConfig(t), "--territory", "JP", dir}, &stdout, &stderr); code != ExitFail {
		t.Errorf("--territory JP: exit %d, stderr %q", code, stderr.String())
	}
}
