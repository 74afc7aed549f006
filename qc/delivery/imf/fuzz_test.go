package imf

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
)

// FuzzCPL fuzzes the composition playlist of a fixed package, the part of
// an IMP with the most structure (sequences, resources, rates, durations).
func FuzzCPL(f *testing.F) {
	for _, p := range []string{"countdown-audio/CPL_0b976350-bea1-4e62-ba07-f32b28aaaf30.xml", "photon-timedtext/CPL_ab38ef76-30fa-4b18-91d2-1ef95e206b46.xml"} {
		if b, err := os.ReadFile(filepath.Join(fixtureDir(f), p)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(cpl("http://www.smpte-ra.org/schemas/2067-3/2016", "S01E02", "25 1", ttDesc("urn:uuid:d", "fr"),
		seq("MainImageSequence", res(uV1, "urn:uuid:d", "<SourceDuration>99999999999</SourceDuration><RepeatCount>99999999999</RepeatCount><EditRate>1 0</EditRate>")))))
	root := f.TempDir()
	os.WriteFile(filepath.Join(root, "ASSETMAP.xml"), []byte(assetMap("urn:uuid:p", [2]string{"urn:uuid:c", "CPL.xml"}, [2]string{uV1, "v.mxf"})), 0o644)
	os.WriteFile(filepath.Join(root, "PKL.xml"), []byte(ovPKL), 0o644)
	f.Fuzz(func(t *testing.T, src []byte) {
		if err := os.WriteFile(filepath.Join(root, "CPL.xml"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := Read(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, ep := range d.Episodes {
			if ep.Duration < 0 {
				t.Fatalf("negative duration %v", ep.Duration)
			}
			for _, i := range ep.Files {
				if i < 0 || i >= len(d.Files) {
					t.Fatalf("bad index %d", i)
				}
			}
		}
		for _, fl := range d.Files {
			if c, err := delivery.CleanPath(fl.Path); err != nil || c != fl.Path {
				t.Fatalf("accepted path %q", fl.Path)
			}
		}
	})
}
