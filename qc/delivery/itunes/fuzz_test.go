package itunes

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join(testcorpus.RepoRoot(f), "fixtures", "deliveries", "itunes", "LONGRIVER_S01E02.itmsp", "metadata.xml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`<package xmlns="http://apple.com/itunes/importer"><video><type>tv</type><container_position>x</container_position><data_file role="captions"><file_name>/a</file_name><size>-1</size><checksum type="sha1">zz</checksum></data_file></video></package>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse(src, "/r", "p.itmsp/metadata.xml")
		for _, fl := range d.Files {
			if c, err := delivery.CleanPath(fl.Path); err != nil || c != fl.Path {
				t.Fatalf("accepted path %q", fl.Path)
			}
		}
	})
}
