package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/langcheck"
)

// BenchmarkScanLines is every line's facts and tally of the generated
// episode per language, into one tally reused from round to round: the
// scan alone, without the allocations of scanCues.
//
//	go test ./qc/checks -run '^$' -bench ScanLines -cpu 1 -count 6
func BenchmarkScanLines(b *testing.B) {
	for _, lang := range []string{"en", "fr", "ru", "ar", "zh-Hans", "ko", "ja"} {
		lines := benchLines(lang)
		b.Run(lang, func(b *testing.B) {
			tally := langcheck.NewTally(len(lines))
			var f lineFacts
			for b.Loop() {
				tally.Reset(len(lines))
				for _, l := range lines {
					f.scan(l, tally)
				}
			}
		})
	}
}
