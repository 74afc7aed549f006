package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The per-file size limit is set by --max-file-size-mb or config
// max_file_size_mb: a file over it is an E000 "file too large" that fails
// the run, and raising the limit reads it.
func TestMaxFileSizeFlagAndConfig(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.en.srt")
	var b strings.Builder
	for b.Len() < 1<<20+100 {
		b.WriteString("1\n00:00:01,000 --> 00:00:03,000\nA line of dialogue.\n\n")
	}
	if err := os.WriteFile(big, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "check", "--config", emptyConfig(t), "--max-file-size-mb", "1", big)
	want := "file too large: " + strconv.Itoa(b.Len()) + " bytes (1.0 MiB), over the limit of 1 MiB"
	if code != ExitFail || !strings.Contains(out, want) {
		t.Errorf("--max-file-size-mb 1: exit %d\n%s%s", code, out, stderr)
	}
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("max_file_size_mb: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "check", "--config", cfg, big); code != ExitFail || !strings.Contains(out, "file too large") {
		t.Errorf("config max_file_size_mb 1: exit %d\n%s", code, out)
	}
	if _, out, _ := run(t, "check", "--config", cfg, "--max-file-size-mb", "2", big); strings.Contains(out, "file too large") {
		t.Errorf("--max-file-size-mb 2 over config 1: still too large\n%s", out)
	}
}
