package fix

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cespare/xxhash/v2"
)

func TestUpdateNativeAndSums(t *testing.T) {
	f := &File{Path: "d/a.srt", Original: []byte("old"), Fixed: []byte("new!")}
	rels := map[string]*File{"a.srt": f}
	md5New, shaNew := digest("md5", f.Fixed), digest("sha256", f.Fixed)
	yaml := "files:\n  - kind: subtitles\n    path: a.srt\n    md5: 0123456789abcdef0123456789abcdef\n    size: 3\n  - path: b.srt\n    md5: ffffffffffffffffffffffffffffffff\n    size: 9\n"
	got, n := updateNative([]byte(yaml), rels)
	want := strings.Replace(strings.Replace(yaml, "0123456789abcdef0123456789abcdef", md5New, 1), "size: 3", "size: 4", 1)
	if n != 1 || string(got) != want {
		t.Errorf("yaml: %d entries\n%s\nwant\n%s", n, got, want)
	}
	json := `{"files": [` + "\n" + `  {"path": "a.srt", "sha256": "AB", "size": 3},` + "\n" + `  {"path": "b.srt", "sha256": "CD", "size": 3}` + "\n]}\n"
	got, n = updateNative([]byte(json), rels)
	want = strings.Replace(json, `"sha256": "AB", "size": 3`, `"sha256": "`+strings.ToUpper(shaNew)+`", "size": 4`, 1)
	if n != 1 || string(got) != want {
		t.Errorf("json: %d entries\n%s\nwant\n%s", n, got, want)
	}
	sums := "0123456789abcdef0123456789abcdef  a.srt\r\nffffffffffffffffffffffffffffffff *b.srt\r\nMD5 (./a.srt) = 00\n"
	got, n = updateSums([]byte(sums), rels, "")
	want = md5New + "  a.srt\r\nffffffffffffffffffffffffffffffff *b.srt\r\nMD5 (./a.srt) = " + md5New + "\n"
	if n != 2 || string(got) != want {
		t.Errorf("sums: %d lines\n%q\nwant\n%q", n, got, want)
	}
}

// xxh64 sidecars (GNU "hex  path" lines of 16 digits, BSD "XXH64 (path) =
// hex") and xxh64 keys of a native manifest are rewritten like the others,
// with the digest the delivery checks compute.
func TestUpdateXXH64(t *testing.T) {
	f := &File{Path: "d/a.srt", Original: []byte("old"), Fixed: []byte("new!")}
	rels := map[string]*File{"a.srt": f}
	want := fmt.Sprintf("%016x", xxhash.Sum64(f.Fixed))
	if got := digest("xxh64", f.Fixed); got != want {
		t.Fatalf("digest = %s, want %s", got, want)
	}
	sums := "0123456789abcdef  a.srt\nfedcba9876543210  b.srt\nXXH64 (a.srt) = 0123456789abcdef\n"
	got, n := updateSums([]byte(sums), rels, "xxh64")
	wantSums := want + "  a.srt\nfedcba9876543210  b.srt\nXXH64 (a.srt) = " + want + "\n"
	if n != 2 || string(got) != wantSums {
		t.Errorf("sums: %d lines\n%q\nwant\n%q", n, got, wantSums)
	}
	yaml := "files:\n  - path: a.srt\n    xxh64: 0123456789abcdef\n    size: 3\n"
	got, n = updateNative([]byte(yaml), rels)
	wantYAML := "files:\n  - path: a.srt\n    xxh64: " + want + "\n    size: 4\n"
	if n != 1 || string(got) != wantYAML {
		t.Errorf("yaml: %d entries\n%s\nwant\n%s", n, got, wantYAML)
	}
}
