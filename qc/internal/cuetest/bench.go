package cuetest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// EpisodeCues is how many cues Episode makes.
const EpisodeCues = 700

// Episode calls add for each cue of a 45-minute episode, like a typical
// one: EpisodeCues two-line cues (start and end in milliseconds), every
// fifth in italics.
func Episode(add func(i int, start, end int64, line1, line2 string)) {
	words := []string{"Where were you", "last night", "I told you already", "we can't stay here", "Listen to me",
		"It's not what you think", "Come on", "The car is outside"}
	t := int64(5000)
	for i := 1; i <= EpisodeCues; i++ {
		l1, l2 := words[i%len(words)]+",", words[(i*3)%len(words)]+"."
		if i%5 == 0 {
			l1, l2 = "<i>"+l1, l2+"</i>"
		}
		add(i, t, t+2600, l1, l2)
		t += 3850
	}
}

// BenchRead measures read on text, an Episode, and reports allocations
// per cue; it fails unless every cue is read.
func BenchRead(b *testing.B, read func(string) *cue.Document, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var cues int
	for b.Loop() {
		cues = len(read(text).Cues)
	}
	if cues != EpisodeCues {
		b.Fatalf("%d cues", cues)
	}
	b.StopTimer()
	allocs := testing.AllocsPerRun(5, func() { read(text) })
	b.ReportMetric(allocs/float64(cues), "allocs/cue")
}

// BenchReadRecycled measures read on text as the engine reads, recycling
// each document: what is left is the reading itself, not the allocation of
// fresh arrays (and the collector's work) that BenchRead also measures.
func BenchReadRecycled(b *testing.B, read func(string) *cue.Document, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d := read(text)
		if len(d.Cues) != EpisodeCues {
			b.Fatalf("%d cues", len(d.Cues))
		}
		d.Recycle()
	}
}

// BenchReadLanguages measures read on one generated episode of format in
// each language the generator writes (English to Japanese: most text
// lines beyond ASCII), as the finding-dense run's files are: the English
// Episode alone hides what lines of Korean or Russian cost.
func BenchReadLanguages(b *testing.B, read func(string) *cue.Document, format string) {
	var texts []string
	var size int64
	for i, lang := range gen.Languages() {
		t := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: uint64(i + 1), Format: format, Language: lang}))
		texts = append(texts, t)
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if len(read(t).Cues) == 0 {
				b.Fatal("no cues")
			}
		}
	}
}

// BenchReadRecycledLanguages is BenchReadRecycled on the generated episode
// of format in each language the generator writes, one sub-benchmark per
// language: the reading the engine does, per script.
func BenchReadRecycledLanguages(b *testing.B, read func(string) *cue.Document, format string) {
	for _, lang := range gen.Languages() {
		text := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: format, Language: lang}))
		b.Run(lang, func(b *testing.B) { BenchReadRecycled(b, read, text) })
	}
}

// BenchReadFolder reads every file named *ext in the folder
// EXPORTQC_BENCH_DIR names (skipped when unset), recycling each document
// as the engine does: a mixed delivery's files, not only generated ones.
func BenchReadFolder(b *testing.B, read func(string) *cue.Document, ext string) {
	dir := os.Getenv("EXPORTQC_BENCH_DIR")
	if dir == "" {
		b.Skip("EXPORTQC_BENCH_DIR names no folder")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
	if len(paths) == 0 {
		b.Skipf("no %s file in %s", ext, dir)
	}
	var texts []string
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			read(t).Recycle()
		}
	}
}
