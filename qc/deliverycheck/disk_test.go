package deliverycheck_test

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
)

func sha(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
func md(s string) string  { h := md5.Sum([]byte(s)); return hex.EncodeToString(h[:]) }

// The manifest against the disk: present, inside the root, the declared
// size and checksums, nothing unlisted. Each defect is its own rule at the
// line that declares the file.
func TestDiskAgainstManifest(t *testing.T) {
	dir := t.TempDir()
	good := srt("1-2 Bonjour.")
	write(t, dir, "ok.fr.srt", good)
	write(t, dir, "changed.fr.srt", good+"\n")            // hashed before a change
	write(t, dir, "sized.fr.srt", good)                   // right hash, wrong size entry
	write(t, dir, "both.fr.srt", good+"x")                // both wrong
	write(t, dir, "twice.mov", "video")                   // declared twice (MMC tracks)
	write(t, dir, "extra/stray.srt", good)                // unlisted
	write(t, dir, "notes.md", "# notes")                  // ignored by default
	write(t, dir, ".hidden/x.srt", good)                  // hidden folder
	write(t, dir, ".DS_Store", "x")                       // hidden file
	write(t, dir, "md5sum.txt", md(good)+"  ok.fr.srt\n") // a sidecar is not a deliverable
	os.MkdirAll(filepath.Join(dir, "folder.srt"), 0o755)
	d := &delivery.Delivery{Root: dir, Kind: delivery.KindNative, Manifests: []string{"manifest.yaml"}}
	add := func(p string, line int, size int64, hashes map[string]string) {
		d.AddFile(delivery.File{Path: p, Kind: delivery.Other, Size: size, Hashes: hashes, Manifest: "manifest.yaml", Line: line})
	}
	add("ok.fr.srt", 1, int64(len(good)), map[string]string{"sha256": sha(good), "md5": md(good)})
	add("changed.fr.srt", 2, -1, map[string]string{"sha256": sha(good)})
	add("sized.fr.srt", 3, int64(len(good))+5, map[string]string{"sha256": sha(good)})
	add("both.fr.srt", 4, int64(len(good)), map[string]string{"md5": md(good)})
	add("missing.fr.srt", 5, -1, nil)
	add("folder.srt", 6, -1, nil)
	add("twice.mov", 7, 5, map[string]string{"md5": md("video")})
	add("twice.mov", 8, 5, map[string]string{"sha256": sha("nope")})
	d.Finish()
	fs := check(t, input(t, d, nil))
	got := map[string][]string{}
	for _, f := range fs {
		got[f.Rule] = append(got[f.Rule], strings.TrimPrefix(f.File, "dlv/")+":"+itoa(f.Line))
	}
	want := map[string]string{
		"D002": "manifest.yaml:5 manifest.yaml:6",
		"D003": "extra/stray.srt:0",
		"D004": "manifest.yaml:2 manifest.yaml:4 manifest.yaml:8",
		"D005": "manifest.yaml:3 manifest.yaml:4", // both.fr.srt: size and checksum both reported
	}
	for code, w := range want {
		if g := strings.Join(got[code], " "); g != w {
			t.Errorf("%s at %s, want %s", code, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("rules %v", got)
	}
	for _, f := range fs {
		if f.Rule == "D004" && f.Line == 4 && (f.Expected != md(good) || f.Actual != md(good+"x")) {
			t.Errorf("D004 expected/actual %q/%q", f.Expected, f.Actual)
		}
	}
}

// Paths leaving the delivery are reported and never read, whether the
// manifest names them or a link in the folder points out.
func TestEscapesAreNotFollowed(t *testing.T) {
	outside := t.TempDir()
	secret := write(t, outside, "secret.srt", "secret")
	dir := t.TempDir()
	if err := os.Symlink(secret, filepath.Join(dir, "listed.srt")); err != nil {
		t.Skip("no symlinks:", err)
	}
	os.Symlink(secret, filepath.Join(dir, "unlisted.srt"))
	os.Symlink(filepath.Join(dir, "inside.srt"), filepath.Join(dir, "alias.srt"))
	write(t, dir, "inside.srt", "in")
	d := &delivery.Delivery{Root: dir, Kind: delivery.KindNative, Manifests: []string{"manifest.yaml"}}
	d.AddFile(delivery.File{Path: "listed.srt", Kind: delivery.Other, Size: 6, Hashes: map[string]string{"md5": md("secret")}, Manifest: "manifest.yaml", Line: 3})
	d.AddFile(delivery.File{Path: "inside.srt", Kind: delivery.Other, Size: -1, Manifest: "manifest.yaml", Line: 4})
	d.Finish()
	fs := check(t, input(t, d, nil))
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+" "+strings.TrimPrefix(f.File, "dlv/")+":"+itoa(f.Line))
	}
	if strings.Join(got, ", ") != "D003 alias.srt:0, D011 manifest.yaml:3, D011 unlisted.srt:0" {
		t.Errorf("findings %v", got)
	}
}

// Disabled rules cost nothing and say nothing: no hashing without D004.
func TestDisabledRulesAreSilent(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.srt", "x")
	d := &delivery.Delivery{Root: dir, Kind: delivery.KindNative, Manifests: []string{"manifest.yaml"}}
	d.AddFile(delivery.File{Path: "a.srt", Kind: delivery.Other, Size: 9, Hashes: map[string]string{"md5": md("y")}, Manifest: "manifest.yaml", Line: 1})
	d.AddFile(delivery.File{Path: "gone.srt", Kind: delivery.Other, Size: -1, Manifest: "manifest.yaml", Line: 2})
	d.Finish()
	in := input(t, d, nil)
	for _, code := range []string{"D002", "D004", "D005"} {
		c := *in.Configs[code]
		c.Enabled = false
		in.Configs[code] = &c
	}
	if fs := check(t, in); len(fs) != 0 {
		t.Errorf("findings from disabled rules: %+v", fs)
	}
}
