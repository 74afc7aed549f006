package delivery

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseNative: no input may panic, every problem has a rule and a
// line inside the document, and every accepted path stays inside root.
func FuzzParseNative(f *testing.F) {
	for _, p := range []string{"long-river/manifest.yaml", "broken-river/manifest.yaml"} {
		if b, err := os.ReadFile(fixture(f, filepath.FromSlash(p))); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"manifest_version: 1\n",
		`{"manifest_version": 1, "episodes": [{"number": 1, "duration": "00:00:01:00", "files": [{"path": "a", "kind": "sdh"}]}]}`,
		"manifest_version: 1\nprogramme: {frame_rate: 29.97}\nepisodes:\n  - number: 1\n    duration: \"99:59:59:29\"\n",
		"manifest_version: 1\nfiles:\n  - {path: '..\\\\x', kind: audio, hashes: {md5: x, crc: 1}}\n",
		"a: &a [*a]\n", "- - - -\n", "manifest_version: 1\ntitle: [\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := ParseNative(src, "/root", "manifest.yaml")
		// YAML, like cue.LineScanner, ends lines at LF, CRLF or a lone CR.
		lines := 1
		for i, c := range src {
			if c == '\n' || c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
				lines++
			}
		}
		for _, p := range d.Problems {
			if p.Rule == "" || p.Line < 0 || p.Line > lines+1 || p.File != "manifest.yaml" {
				t.Fatalf("bad problem %+v for %d lines", p, lines)
			}
		}
		for _, fl := range d.Files {
			if c, err := CleanPath(fl.Path); err != nil || c != fl.Path {
				t.Fatalf("accepted path %q (%v)", fl.Path, err)
			}
		}
		for _, ep := range d.Episodes {
			for _, i := range ep.Files {
				if i < 0 || i >= len(d.Files) {
					t.Fatalf("episode file index %d of %d", i, len(d.Files))
				}
			}
		}
	})
}
