package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A file name that is not valid UTF-8 keeps its bytes in the report's file
// record (path_bytes), so a program can find the file even though the JSON
// path string shows U+FFFD for them.
func TestNonUTF8NameKeepsItsBytes(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "bad\xffname.en.srt")
	if err := os.WriteFile(name, []byte("1\n00:00:01,000 --> 00:00:03,000\nHello.\n"), 0o644); err != nil {
		t.Skip("this file system refuses names that are not UTF-8:", err)
	}
	good := filepath.Join(dir, "good.en.srt")
	os.WriteFile(good, []byte("1\n00:00:01,000 --> 00:00:03,000\nHello.\n"), 0o644)
	rep := run(t, testOptions(t, name, good))
	if len(rep.Files) != 2 {
		t.Fatalf("%d files", len(rep.Files))
	}
	for _, f := range rep.Files {
		switch f.Path {
		case name:
			if !bytes.Equal(f.PathBytes, []byte(name)) {
				t.Errorf("path_bytes %q, want the name's bytes", f.PathBytes)
			}
		default:
			if f.PathBytes != nil {
				t.Errorf("%s: path_bytes on a UTF-8 name", f.Path)
			}
		}
	}
}
