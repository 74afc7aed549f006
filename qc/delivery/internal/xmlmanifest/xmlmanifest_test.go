package xmlmanifest

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
)

// TestResolveAgainstManifestFolder: a listed path is relative to the
// manifest's folder and may not climb out of it; a manifest lying outside
// the delivery root (a name starting "../") cannot list files inside it,
// and that D011 names the path as the manifest wrote it.
func TestResolveAgainstManifestFolder(t *testing.T) {
	d := &delivery.Delivery{}
	r := New(d, "pkg/sub/m.xml")
	if rel, ok := r.Resolve(3, "r/../a.scc", "file:r/../a.scc"); !ok || rel != "pkg/sub/a.scc" {
		t.Errorf("r/../a.scc from pkg/sub: %q %v", rel, ok)
	}
	if _, ok := r.Resolve(4, "../a.scc", "file:../a.scc"); ok || len(d.Problems) != 1 || d.Problems[0].Rule != delivery.RulePathEscapes {
		t.Errorf("../a.scc accepted, or not reported as D011: %+v", d.Problems)
	}
	top := New(&delivery.Delivery{}, "m.xml")
	if rel, ok := top.Resolve(1, "./r/a.ttml", "./r/a.ttml"); !ok || rel != "r/a.ttml" {
		t.Errorf("./r/a.ttml at the root: %q %v", rel, ok)
	}
	d = &delivery.Delivery{}
	out := New(d, "../m.xml")
	if _, ok := out.Resolve(5, "a.scc", "file:a.scc"); ok {
		t.Error("a path joined outside the root was accepted")
	}
	if len(d.Problems) != 1 || d.Problems[0].Rule != delivery.RulePathEscapes || d.Problems[0].Line != 5 ||
		d.Problems[0].File != "../m.xml" || !strings.Contains(d.Problems[0].Message, `"file:a.scc"`) {
		t.Errorf("problems %+v", d.Problems)
	}
}

func TestSizeAndDigest(t *testing.T) {
	d := &delivery.Delivery{}
	r := New(d, "m.xml")
	root := r.ParseXML([]byte("<f>\n<size>120</size>\n<Length>12x</Length>\n<h>D41D8CD98F00B204E9800998ECF8427E</h>\n<h>0123</h>\n</f>"))
	if got := r.Size(root.Child("size")); got != 120 {
		t.Errorf("size %d", got)
	}
	if got := r.Size(root.Child("Length")); got != -1 {
		t.Errorf("12x read as %d", got)
	}
	if got := r.Size(root.Child("absent")); got != -1 {
		t.Errorf("absent size read as %d", got)
	}
	hashes := map[string]string{}
	hs := root.Children("h")
	r.Digest(hashes, hs[0], "MD5", "hash method", "MD5 hash")
	r.Digest(hashes, hs[1], "md5", "hash method", "md5 hash")
	r.Digest(hashes, hs[1], "crc32", "checksum type", "checksum")
	if len(hashes) != 1 || hashes["md5"] != "d41d8cd98f00b204e9800998ecf8427e" {
		t.Errorf("hashes %v", hashes)
	}
	want := []struct {
		rule, text string
		line       int
	}{
		{delivery.RuleManifestInvalid, `<Length> "12x" is not a byte count`, 3},
		{delivery.RuleManifestInvalid, `md5 hash "0123" is not a hex md5 digest`, 5},
		{delivery.RuleUnknownHash, `checksum type "crc32" cannot be verified`, 5},
	}
	if len(d.Problems) != len(want) {
		t.Fatalf("problems %+v", d.Problems)
	}
	for i, w := range want {
		if p := d.Problems[i]; p.Rule != w.rule || p.Line != w.line || !strings.HasPrefix(p.Message, w.text) {
			t.Errorf("problem %d = %+v, want %+v", i, p, w)
		}
	}
}

func TestParseXMLReportsTheLine(t *testing.T) {
	d := &delivery.Delivery{}
	r := New(d, "m.xml")
	root := r.ParseXML([]byte("<a>\n<b>\n</a>"))
	if root == nil || root.Local != "a" || root.Closed {
		t.Errorf("root %+v", root)
	}
	if len(d.Problems) != 1 || d.Problems[0].Line != 3 || !strings.HasPrefix(d.Problems[0].Message, "malformed XML: ") {
		t.Errorf("problems %+v", d.Problems)
	}
}
