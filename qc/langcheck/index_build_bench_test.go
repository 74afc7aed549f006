package langcheck

import (
	"testing"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// BenchmarkTrigramIndexBuild is what the first sample of a script pays:
// inverting the script's trigram profiles (Latin: 48 × 300 trigrams).
//
// Run: go test ./qc/langcheck -run '^$' -bench TrigramIndexBuild -benchmem -cpu 1
func BenchmarkTrigramIndexBuild(b *testing.B) {
	for _, c := range []struct {
		name   string
		script *unicode.RangeTable
	}{{"latin", unicode.Latin}, {"cyrillic", unicode.Cyrillic}} {
		b.Run(c.name, func(b *testing.B) {
			profiles := map[*unicode.RangeTable]map[whatlanggo.Lang][]string{unicode.Latin: wlLatin, unicode.Cyrillic: wlCyrillic}[c.script]
			b.ReportAllocs()
			for b.Loop() {
				newTrigramIndex(profiles)
			}
		})
	}
}
