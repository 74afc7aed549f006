package output

import (
	"context"
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkWriteFileLarge writes a 36 MB report the way the dense run's
// JSON report is written: 64 KB at a time, each made by a loop over its
// bytes that stands in for the encoding (about as long as the JSON
// writer takes), replacing the previous run's report.
func BenchmarkWriteFileLarge(b *testing.B) {
	path := filepath.Join(b.TempDir(), "qc.json")
	chunk := make([]byte, 64<<10)
	render := func(w io.Writer) error {
		var h byte
		for range 576 { // 36 MB
			for i := range chunk {
				h = h*31 + byte(i)
				chunk[i] = '0' + h&7
			}
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
		return nil
	}
	b.SetBytes(576 << 16)
	for b.Loop() {
		if err := WriteFile(context.Background(), path, render); err != nil {
			b.Fatal(err)
		}
	}
}
