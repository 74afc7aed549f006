package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readFile returns every byte of a regular file, whatever its size (empty,
// one byte, a page, larger than one read of a pipe), and refuses one over
// the limit without returning any of it.
func TestReadFileReadsTheWholeFile(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 200_000} {
		want := bytes.Repeat([]byte("0123456789abcdef\n"), size/17+1)[:size]
		path := filepath.Join(dir, "f.srt")
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readFile(path, 1<<20)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("size %d: read %d bytes (%v), want them all", size, len(got), err)
		}
		if size > 0 {
			got, err := readFile(path, int64(size-1))
			if err == nil || got != nil || !strings.Contains(err.Error(), "file too large") {
				t.Errorf("size %d over a limit of %d: %d bytes, %v", size, size-1, len(got), err)
			}
		}
	}
}
