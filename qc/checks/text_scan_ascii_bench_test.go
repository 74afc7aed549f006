package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// benchLines are the lines of the generated episode in a language.
func benchLines(lang string) []string {
	doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})))
	var lines []string
	for _, c := range doc.Cues {
		for _, l := range c.Lines {
			lines = append(lines, l.Text)
		}
	}
	return lines
}

// BenchmarkScanASCIIWords compares the word scan with the byte scan it
// replaced (scanBytes) on the lines of the generated episode.
//
//	go test ./qc/checks -run '^$' -bench ScanASCIIWords -cpu 1 -count 6
func BenchmarkScanASCIIWords(b *testing.B) {
	for _, lang := range []string{"en", "de", "ko"} {
		lines := benchLines(lang)
		b.Run(lang+"/words", func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, l := range lines {
					n += scanASCII(l).letters
				}
			}
		})
		b.Run(lang+"/bytes", func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, l := range lines {
					n += scanBytes(l).letters
				}
			}
		})
	}
}
