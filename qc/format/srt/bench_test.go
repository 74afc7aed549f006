package srt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// feature builds a 45-minute SRT of about 700 two-line cues, every fifth
// one in italics, like a typical episode.
func feature(eol string) string {
	var b strings.Builder
	cuetest.Episode(func(i int, start, end int64, l1, l2 string) {
		fmt.Fprintf(&b, "%d%s%s --> %s%s- %s%s- %s%s%s", i, eol, srtTime(start), srtTime(end), eol, l1, eol, l2, eol, eol)
	})
	return b.String()
}

func BenchmarkRead(b *testing.B)     { cuetest.BenchRead(b, Read, feature("\n")) }
func BenchmarkReadCRLF(b *testing.B) { cuetest.BenchRead(b, Read, feature("\r\n")) }

// BenchmarkReadLanguages reads one generated episode in each language the
// generator writes (English to Japanese: most text lines beyond ASCII),
// as the finding-dense run's files are: the English feature above alone
// hides what lines of Korean or Russian cost.
//
//	go test ./qc/format/srt -run '^$' -bench ReadLanguages -cpu 1
func BenchmarkReadLanguages(b *testing.B) {
	var texts []string
	var size int64
	for i, lang := range gen.Languages() {
		t := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: uint64(i + 1), Format: "srt", Language: lang}))
		texts = append(texts, t)
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if len(Read(t).Cues) == 0 {
				b.Fatal("no cues")
			}
		}
	}
}
