package stl

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// FuzzRead feeds arbitrary bytes to Read: it must never panic and its
// Document must keep the invariants every rule relies on.
func FuzzRead(f *testing.F) {
	// Small real files, when the corpus is present.
	for _, rel := range []string{
		"irt-scf/files/requirement-0166-003.stl", // ISO 6937 diacritics
		"irt-scf/files/requirement-0208-002.stl", // extension and user-data blocks
		"irt-scf/files/requirement-0218-002.stl", // CCT 01
		"ttconv/sandflow/multi_tti_subtitle.stl",
		"go-astisub/example-opn-in.stl", // open subtitles
	} {
		if data, err := os.ReadFile(filepath.Join(corpusDirForFuzz(f), "stl", filepath.FromSlash(rel))); err == nil {
			f.Add(data)
		}
	}
	// Synthetic samples covering the reader's branches.
	f.Add(newSTL(f).sub(1, tc(0, 0, 1, 0), tc(0, 0, 2, 0),
		txt(0x80, "It", 0x81, 0xC2, "e", 0x8A, 0x0D, 0x0B, 0x0B, "row", 0x01, "two", 0xC2)...).bytes())
	f.Add(newSTL(f).set("DFC", "STL23.01").set("TCP", "10000000").
		block(tti{sn: 2, ebn: 0x00, in: tc(9, 0, 0, 30), out: tc(10, 0, 0, 0), text: txt("a")}).
		block(tti{sn: 3, ebn: 0xF3, text: txt("b")}).bytes())
	f.Add(newSTL(f).set("CCT", "02").set("CPN", "xyz").sub(1, tc(0, 0, 0, 0), tc(0, 0, 0, 1), 0xC7, 0xFF, 0xA0).bytes()[:1100])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc := Read(data)
		checkInvariants(t, "fuzz input", data, doc)
		if h, err := ReadHeader(data); err == nil {
			for _, fd := range gsiFields {
				if _, ok := h.Field(fd.name); !ok {
					t.Fatalf("Field(%s) failed", fd.name)
				}
			}
		}
	})
}

// corpusDirForFuzz returns where testcorpus.Dir looks, without skipping
// when it is absent: testcorpus.Dir would skip the whole fuzz target, and
// the target must still run on its inline seeds.
func corpusDirForFuzz(f *testing.F) string {
	return filepath.Join(testcorpus.RepoRoot(f), "..", "shared", "corpus")
}
