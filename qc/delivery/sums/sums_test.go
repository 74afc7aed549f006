package sums

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func TestTextForms(t *testing.T) {
	src := "# produced by sha256sum\r\n" +
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  S01E01/a.fr.srt\r\n" +
		"BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD *S01E01/b binary.vtt\r\n" +
		"SHA256 (S01E01/c.ttml) = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\r\n" +
		"MD5 (S01E01/a.fr.srt) = d41d8cd98f00b204e9800998ecf8427e\r\n" +
		"CRC32 (x.srt) = 00000000\r\n" +
		"\\e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  S01E01/new\\nline.srt\r\n" +
		"this is not a checksum\r\n" +
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85  short.srt\r\n" +
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  ../../etc/passwd\r\n"
	d := ParseText([]byte(src), "/r", "sub/checksums.sha256", "sha256")
	var probs []string
	for _, p := range d.Problems {
		probs = append(probs, p.Rule+":"+itoa(p.Line))
	}
	if got := strings.Join(probs, " "); got != "D010:6 D009:8 D009:9 D011:10" {
		t.Errorf("problems %s (%+v)", got, d.Problems)
	}
	if len(d.Files) != 4 {
		t.Fatalf("files %+v", d.Files)
	}
	a := d.Files[0]
	if a.Path != "sub/S01E01/a.fr.srt" || a.Hashes["md5"] != "d41d8cd98f00b204e9800998ecf8427e" || a.Hashes["sha256"] == "" || a.Line != 2 || a.Kind != delivery.Subtitles {
		t.Errorf("a: %+v (BSD MD5 line must join the sha256 entry of the same file)", a)
	}
	if b := d.Files[1]; b.Path != "sub/S01E01/b binary.vtt" || b.Hashes["sha256"] != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("binary-mode line: %+v", b)
	}
	if n := d.Files[3]; n.Path != "sub/S01E01/new\nline.srt" {
		t.Errorf("escaped name: %q", n.Path)
	}
	// With no algorithm in the file name the digest length decides.
	g := ParseText([]byte("d41d8cd98f00b204e9800998ecf8427e  a.srt\nda39a3ee5e6b4b0d3255bfef95601890afd80709  b.srt\n0123  c.srt\n"), "/r", "checksum.txt", "")
	if g.Files[0].Hashes["md5"] == "" || g.Files[1].Hashes["sha1"] == "" || len(g.Problems) != 1 || g.Problems[0].Rule != "D010" {
		t.Errorf("by length: %+v %+v", g.Files, g.Problems)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestMHLCard(t *testing.T) {
	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "deliveries", "sums")
	found, err := Find(root)
	if err != nil || len(found) != 1 || found[0] != "A002R2EC/ascmhl/0001_A002R2EC_2024-03-01_101500Z.mhl" {
		t.Fatalf("Find = %v %v", found, err)
	}
	d, err := Read(root, found[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 1 || d.Problems[0].Rule != "D010" || d.Problems[0].Line != 30 || !strings.Contains(d.Problems[0].Message, `"c4"`) {
		t.Errorf("problems %+v", d.Problems)
	}
	want := []struct {
		path  string
		size  int64
		xxh64 string
		md5   string
	}{
		{"A002R2EC/Clips/A002C006.mov", 9, "e54f68576de09468", "783770f94bf8c88960d48d5057b2b164"},
		{"A002R2EC/Clips/A002C007.mov", 17, "f75f5e6a0b5a2f07", ""},
		{"A002R2EC/Sidecar.txt", 29, "151925ec258406e4", ""},
	}
	if len(d.Files) != len(want) {
		t.Fatalf("files %+v (directory hashes must be skipped)", d.Files)
	}
	for i, w := range want {
		f := d.Files[i]
		if f.Path != w.path || f.Size != w.size || f.Hashes["xxh64"] != w.xxh64 || f.Hashes["md5"] != w.md5 {
			t.Errorf("file %d = %+v, want %+v", i, f, w)
		}
	}
	if d.Files[0].Kind != delivery.Video {
		t.Errorf(".mov kind %q", d.Files[0].Kind)
	}
}

func TestMergeIntoManifest(t *testing.T) {
	man := &delivery.Delivery{Kind: delivery.KindNative, Manifests: []string{"manifest.yaml"}, Files: []delivery.File{
		{Path: "a.srt", Size: -1, Hashes: map[string]string{"sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}, Manifest: "manifest.yaml", Line: 5},
		{Path: "b.srt", Size: 10, Hashes: map[string]string{}, Manifest: "manifest.yaml", Line: 9},
	}}
	side := ParseText([]byte("d41d8cd98f00b204e9800998ecf8427e  a.srt\nd41d8cd98f00b204e9800998ecf8427e  b.srt\nd41d8cd98f00b204e9800998ecf8427e  extra.srt\n"), "/r", "x.md5", "md5")
	man.Merge(side)
	if man.Files[0].Hashes["md5"] == "" || man.Files[0].Hashes["sha256"] == "" || len(man.Files) != 2 {
		t.Errorf("merge: %+v", man.Files)
	}
	conflict := ParseText([]byte("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.srt\n"), "/r", "y.sha256", "sha256")
	man.Merge(conflict)
	if len(man.Problems) != 1 || man.Problems[0].File != "y.sha256" || man.Problems[0].Line != 1 || !strings.Contains(man.Problems[0].Message, "manifest.yaml:5") {
		t.Errorf("conflict problems %+v", man.Problems)
	}
	if strings.Join(man.Manifests, ",") != "manifest.yaml,x.md5,y.sha256" {
		t.Errorf("manifests %v", man.Manifests)
	}
	// A sidecar-only delivery takes the sidecar's list as its files.
	alone := &delivery.Delivery{Kind: delivery.KindSums}
	alone.Merge(side)
	if len(alone.Files) != 3 {
		t.Errorf("standalone files %+v", alone.Files)
	}
}

func hashingValid(a, v string) bool { return hashing.ValidHex(a, v) }
