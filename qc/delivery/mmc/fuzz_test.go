package mmc

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func FuzzParse(f *testing.F) {
	dir := filepath.Join(testcorpus.RepoRoot(f), "fixtures", "deliveries", "mmc")
	for _, p := range []string{"movie-1/ManifestCore_Example1_forcedsub.xml", "veep-s5e5/VEEP_Season5_E5_manifest.xml"} {
		if b, err := os.ReadFile(filepath.Join(dir, p)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<m:MediaManifest xmlns:m="http://www.movielabs.com/schema/manifest/v1.8/manifest"><m:Inventory><m:Subtitle SubtitleTrackID="a"><m:ContainerReference><m:ContainerLocation>../a</m:ContainerLocation><m:Hash method="md5">00</m:Hash></m:ContainerReference></m:Subtitle></m:Inventory></m:MediaManifest>`))
	mec, _ := os.ReadFile(filepath.Join(dir, "veep-s5e5", "VEEP_Season5_E5_mec.xml"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse(src, "/r", "sub/m.xml", func(string) ([]byte, error) { return mec, nil })
		for _, fl := range d.Files {
			if c, err := delivery.CleanPath(fl.Path); err != nil || c != fl.Path {
				t.Fatalf("accepted path %q", fl.Path)
			}
		}
		for _, ep := range d.Episodes {
			for _, i := range ep.Files {
				if i < 0 || i >= len(d.Files) {
					t.Fatalf("bad index %d", i)
				}
			}
		}
	})
}
