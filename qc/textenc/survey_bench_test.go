package textenc

import (
	"testing"

	"github.com/exportqc/exportqc/qc/internal/gen"
)

var sinkInt int

// BenchmarkSurvey is survey alone on the generated 700-cue SRT episode
// per language, as decoding meets it for every file read.
func BenchmarkSurvey(b *testing.B) {
	for _, lang := range gen.Languages() {
		data := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				a, _, c := survey(data)
				sinkInt += a + c
			}
		})
	}
}
