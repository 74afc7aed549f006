package engine

import (
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cputime"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// Per-file cost of the 600 clean episodes of CleanRun600 checked by one
// worker without the run around them (walk, plan, writer): in the run's
// order ("mixed": twelve languages in turn), and each file ten times in a
// row ("repeated": the same mix, its memory warm), so that the two differ
// only in what one file leaves behind for the next.
//
// Run: go test ./qc/engine -run '^$' -bench PerFile600 -cpu 1 -benchtime 6000x
func BenchmarkPerFile600(b *testing.B) {
	dir := b.TempDir()
	paths, err := gen.Files(dir, gen.FilesOptions{Count: 600, Seed: 1, Formats: []string{"srt"}})
	if err != nil {
		b.Fatal(err)
	}
	for _, order := range []struct {
		name   string
		repeat int
	}{{"mixed", 1}, {"repeated", 10}} {
		b.Run(order.name, func(b *testing.B) {
			opts := testOptions(b, dir)
			for _, p := range paths {
				checkInput(&opts, input{path: p}, nil)
			}
			b.ReportAllocs()
			cpu := cputime.Process()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				checkInput(&opts, input{path: paths[i/order.repeat%len(paths)]}, nil)
			}
			b.StopTimer()
			if cpu := cputime.Process() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
			}
		})
	}
}

// Resolving a file's rule configuration, as checkFile does once per file:
// the run's resolver, warm (every language's configuration built).
//
// Run: go test ./qc/engine -run '^$' -bench ResolveForFile -cpu 1
func BenchmarkResolveForFile(b *testing.B) {
	opts := testOptions(b)
	langs := gen.Languages()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := resolveFor(&opts, input{}, langs[i%len(langs)], "srt"); err != nil {
			b.Fatal(err)
		}
	}
}
