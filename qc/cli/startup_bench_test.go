package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCheckOneFile is the command's own work for a one-file check
// (flags, config, packs, the check, the JSON report), as a CI step over one
// file pays it on top of the process start. Work done once per process
// (G002's index, compiled regular expressions) is paid by the first round
// only.
//
// Run: go test ./qc/cli -run '^$' -bench CheckOneFile -benchmem -cpu 1
func BenchmarkCheckOneFile(b *testing.B) {
	file := "../../fixtures/deliveries/broken-river/S01E01/BrokenRiver_S01E01.fr.srt"
	if _, err := os.Stat(file); err != nil {
		b.Skip(err)
	}
	out := filepath.Join(b.TempDir(), "r.json")
	b.ReportAllocs()
	for b.Loop() {
		if code := Run([]string{"check", file, "--config", os.DevNull, "-q", "--format", "json", "-o", out}, io.Discard, io.Discard); code > ExitFail {
			b.Fatalf("exit %d", code)
		}
	}
}
