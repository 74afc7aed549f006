package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// legacyFrench is a French SRT in Windows-1252 (é ô ç è as single bytes)
// with two X007 findings (no space before ! and ?).
var legacyFrench = []byte("1\r\n00:00:01,000 --> 00:00:03,000\r\nJ\xe9r\xf4me, \xe7a va!\r\n\r\n" +
	"2\r\n00:00:04,000 --> 00:00:06,000\r\nTr\xe8s bien, et toi?\r\n\r\n")

func writeLegacy(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "legacy.fr.srt")
	if err := os.WriteFile(path, legacyFrench, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// With E001 fixed, the text fixes land in a later pass on the UTF-8 copy.
func TestLegacyEncodingTextFixesAfterTranscoding(t *testing.T) {
	opts := options(t, writeLegacy(t))
	opts.Rules = map[string]bool{"E001": true, "X007": true}
	res := fixOne(t, opts)
	if res.Before["X007"] != 2 || res.After["X007"] != 0 || res.After["E001"] != 0 {
		t.Fatalf("findings before %v, after %v; want 2 X007 and 1 E001 fixed", res.Before, res.After)
	}
	got := res.Files[0].Fixed
	if !utf8.Valid(got) || !bytes.Contains(got, []byte("Jérôme, ça va\u00a0!")) || !bytes.Contains(got, []byte("toi\u00a0?")) {
		t.Errorf("copy is not UTF-8 with the French spaces:\n%q", got)
	}
	if len(res.Skipped) != 0 {
		t.Errorf("skipped %v; want none", res.Skipped)
	}
	// The log says what the transcoding replaced, not its undecodable bytes.
	for _, c := range res.Changes {
		if c.Rule == "E001" && (c.Before != "(108 bytes of windows-1252)" || !utf8.ValidString(c.After)) {
			t.Errorf("E001 logged as %q → %q", c.Before, c.After)
		}
	}
	// Fixing the copy again changes nothing.
	again := check(t, opts, res.Files[0].Path, got)
	for _, f := range again {
		if f.Rule == "X007" || f.Rule == "E001" {
			t.Errorf("copy still has %s: %s", f.Rule, f.Message)
		}
	}
}

// With E001 left out, nothing can be placed: the file says why, once.
func TestLegacyEncodingWithoutE001SaysWhy(t *testing.T) {
	path := writeLegacy(t)
	opts := options(t, path)
	delete(opts.Rules, "E001")
	res := fixOne(t, opts)
	if res.Files[0].Changed() {
		t.Fatalf("the file changed without E001:\n%q", res.Files[0].Fixed)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].File != path ||
		!strings.Contains(res.Skipped[0].Reason, "windows-1252") || !strings.Contains(res.Skipped[0].Reason, "fix E001 too") {
		t.Fatalf("skipped %+v; want one note naming windows-1252 and E001", res.Skipped)
	}
	var out strings.Builder
	if err := WriteSummary(&out, res, false); err != nil {
		t.Fatal(err)
	}
	if strings.Count(out.String(), "no fix placed") != 1 {
		t.Errorf("summary does not say once why nothing was fixed:\n%s", out.String())
	}
}
