package pack

import (
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
)

// BenchmarkLoad is what every run of the command pays before its first
// file: decoding and validating the embedded packs.
//
// Run: go test ./qc/pack -run '^$' -bench Load -benchmem -cpu 1
func BenchmarkLoad(b *testing.B) {
	reg := checks.All()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(reg); err != nil {
			b.Fatal(err)
		}
	}
}
