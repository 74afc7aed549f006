package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func fx(t *testing.T, parts ...string) string {
	return filepath.Join(append([]string{testcorpus.RepoRoot(t), "fixtures", "deliveries"}, parts...)...)
}

func TestDiscovery(t *testing.T) {
	cases := []struct {
		dir       []string
		kind      string
		manifests int
		files     int
	}{
		{[]string{"long-river"}, delivery.KindNative, 2, 18}, // manifest.yaml + the .sha256 sidecar
		{[]string{"imf", "countdown-audio"}, delivery.KindIMF, 3, 4},
		{[]string{"itunes"}, delivery.KindITunes, 1, 4},
		{[]string{"mmc", "veep-s5e5"}, delivery.KindMMC, 2, 7},
		{[]string{"sums"}, delivery.KindSums, 1, 3},
	}
	for _, c := range cases {
		d, err := Open(fx(t, c.dir...), Options{})
		if err != nil {
			t.Fatalf("%v: %v", c.dir, err)
		}
		if d.Kind != c.kind || len(d.Manifests) != c.manifests || len(d.Files) != c.files {
			t.Errorf("%v: kind %s, manifests %v, %d files; want %s, %d, %d", c.dir, d.Kind, d.Manifests, len(d.Files), c.kind, c.manifests, c.files)
		}
	}
}

// long-river's sidecar agrees with its manifest: merging it adds nothing
// and reports nothing; it becomes a manifest so it is not "unlisted".
func TestLongRiverSidecarAgrees(t *testing.T) {
	d, err := Open(fx(t, "long-river"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 0 || d.Manifests[1] != "LongRiver_S01.sha256" {
		t.Errorf("problems %+v manifests %v", d.Problems, d.Manifests)
	}
}

func TestSidecarOnlyDeliveryUsesNames(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"Show_S01E01.fr.srt": "1", "Show_S01E01.fr.forced.srt": "2", "Show_S01E02.en.sdh.vtt": "3"}
	var sums []string
	for n, b := range files {
		os.WriteFile(filepath.Join(root, n), []byte(b), 0o644)
		sums = append(sums, "d41d8cd98f00b204e9800998ecf8427e  "+n)
	}
	os.WriteFile(filepath.Join(root, "checksums.md5"), []byte(strings.Join(sums, "\n")+"\n"), 0o644)
	d, err := Open(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != delivery.KindSums || len(d.Files) != 3 || len(d.Episodes) != 2 || d.Title != "Show" || d.Season != 1 {
		t.Fatalf("%+v", d)
	}
	for _, f := range d.Files {
		if f.Path == "Show_S01E01.fr.forced.srt" && (f.Kind != delivery.Forced || f.LanguageTag != "fr" || f.Episode != 1) {
			t.Errorf("forced file %+v", f)
		}
		if f.Path == "Show_S01E02.en.sdh.vtt" && (f.Kind != delivery.SDH || f.Episode != 2) {
			t.Errorf("sdh file %+v", f)
		}
	}
}

func TestNoManifestInfers(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "Film.de.srt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(root, "notes.txt"), []byte("x"), 0o644)
	d, err := Open(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != delivery.KindInferred || len(d.Files) != 1 || d.Files[0].LanguageTag != "de" {
		t.Errorf("%+v", d)
	}
}

func TestExplicitManifest(t *testing.T) {
	root := fx(t, "broken-river")
	d, err := Open(root, Options{Manifest: filepath.Join(root, "manifest.yaml")})
	if err != nil || d.Kind != delivery.KindNative || len(d.Problems) != 3 {
		t.Fatalf("%v %+v", err, d)
	}
	d, err = Open(fx(t, "mmc", "movie-1"), Options{Manifest: fx(t, "mmc", "movie-1", "ManifestCore_Example1_forcedsub.xml")})
	if err != nil || d.Kind != delivery.KindMMC {
		t.Fatalf("mmc: %v %+v", err, d)
	}
	if _, err := Open(root, Options{Manifest: filepath.Join(root, "nope.yaml")}); err == nil {
		t.Error("missing manifest must be an error")
	}
	if _, err := Open(root, Options{Patterns: []string{"("}}); err == nil {
		t.Error("bad pattern must be an error")
	}
}
