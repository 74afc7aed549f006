package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// BenchmarkScanCues is the line scan alone (scanCues: every line's facts
// and G002's tally) on the generated 700-cue episode per language.
//
//	go test ./qc/checks -run '^$' -bench ScanCues -benchmem -cpu 1 -count 6
func BenchmarkScanCues(b *testing.B) {
	for _, lang := range []string{"en", "de", "fr", "ru", "ar", "zh-Hans", "ko"} {
		doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})))
		size := 0
		for _, c := range doc.Cues {
			for _, l := range c.Lines {
				size += len(l.Text)
			}
		}
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				scanCues(doc)
			}
		})
	}
}
