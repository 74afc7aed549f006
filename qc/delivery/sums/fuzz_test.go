package sums

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func FuzzParse(f *testing.F) {
	repo := testcorpus.RepoRoot(f)
	for _, p := range []string{"sums/A002R2EC/ascmhl/0001_A002R2EC_2024-03-01_101500Z.mhl", "long-river/LongRiver_S01.sha256"} {
		if b, err := os.ReadFile(filepath.Join(repo, "fixtures", "deliveries", filepath.FromSlash(p))); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("SHA256 (a b) = 00\n\\d41d8cd98f00b204e9800998ecf8427e *x\\\\y\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, d := range []*delivery.Delivery{
			ParseText(src, "/r", "d/checksum.txt", ""),
			ParseText(src, "/r", "x.md5", "md5"),
			ParseMHL(src, "/r", "card/ascmhl/1.mhl"),
		} {
			for _, fl := range d.Files {
				if c, err := delivery.CleanPath(fl.Path); err != nil || c != fl.Path {
					t.Fatalf("accepted path %q", fl.Path)
				}
				for a, v := range fl.Hashes {
					if !hashingValid(a, v) {
						t.Fatalf("kept malformed %s digest %q", a, v)
					}
				}
			}
		}
	})
}
