package pack

import (
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/rules"
)

// BenchmarkLoad is what every run of the command pays before its first
// file: building and validating the embedded packs (from their compiled
// form; BenchmarkLoadYAML decodes the YAML).
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

// BenchmarkLoadYAML is loading the embedded packs from their YAML, as a run
// does when a pack was edited after packs_compiled.go was written.
func BenchmarkLoadYAML(b *testing.B) {
	reg := checks.All()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadFS(rules.FS, reg); err != nil {
			b.Fatal(err)
		}
	}
}
