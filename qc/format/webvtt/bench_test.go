package webvtt

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// feature builds a 45-minute WebVTT of about 700 two-line cues with
// settings, every fifth one in italics.
func feature(eol string) string {
	var b strings.Builder
	b.WriteString("WEBVTT" + eol + eol)
	cuetest.Episode(func(i int, start, end int64, l1, l2 string) {
		fmt.Fprintf(&b, "%d%s%s --> %s line:85%% align:center%s- %s%s- %s%s%s", i, eol, vttTime(start), vttTime(end), eol, l1, eol, l2, eol, eol)
	})
	return b.String()
}

func BenchmarkRead(b *testing.B)     { cuetest.BenchRead(b, Read, feature("\n")) }
func BenchmarkReadCRLF(b *testing.B) { cuetest.BenchRead(b, Read, feature("\r\n")) }

// go test ./qc/format/webvtt -run '^$' -bench ReadLanguages -cpu 1
func BenchmarkReadLanguages(b *testing.B) { cuetest.BenchReadLanguages(b, Read, "vtt") }

// BenchmarkReadRecycled reads as the engine does, recycling each document.
func BenchmarkReadRecycled(b *testing.B) { cuetest.BenchReadRecycled(b, Read, feature("\n")) }

// BenchmarkReadEpisodeRecycled reads the engine's generated episode as the
// engine does, handing each document back, in English and in the other
// languages the generator writes (Korean or Arabic lines cost the reader
// more bytes per line).
//
// go test ./qc/format/webvtt -run '^$' -bench ReadEpisodeRecycled -cpu 1
func BenchmarkReadEpisodeRecycled(b *testing.B) {
	for _, lang := range []string{"en", "ko"} {
		b.Run(lang, func(b *testing.B) {
			src := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "vtt", Language: lang}))
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				d := Read(src)
				if len(d.Cues) != 700 || len(d.Diagnostics) != 0 {
					b.Fatalf("episode: %d cues, %v", len(d.Cues), d.Diagnostics)
				}
				d.Recycle()
			}
		})
	}
}

// BenchmarkReadFolder reads every .vtt file of the folder
// EXPORTQC_BENCH_DIR names (skipped when unset), recycling each document
// as the engine does: a mixed delivery's files, not only the generator's
// clean English episode.
//
// EXPORTQC_BENCH_DIR=/tmp/mix300 go test ./qc/format/webvtt -run '^$' -bench ReadFolder -cpu 1
func BenchmarkReadFolder(b *testing.B) {
	texts, size := benchFolder(b, ".vtt")
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Read(t).Recycle()
		}
	}
}

// benchFolder returns the texts of the files named *ext in the folder
// EXPORTQC_BENCH_DIR names, and their size; it skips the benchmark when
// there is none.
func benchFolder(b *testing.B, ext string) (texts []string, size int64) {
	dir := os.Getenv("EXPORTQC_BENCH_DIR")
	if dir == "" {
		b.Skip("EXPORTQC_BENCH_DIR names no folder")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
	if len(paths) == 0 {
		b.Skipf("no %s file in %s", ext, dir)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	return texts, size
}
