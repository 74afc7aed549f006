package engine

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/pack"

	"github.com/exportqc/exportqc/qc/internal/gen"
)

// Benchmarks of full QC (read, decode, sniff, parse, every rule) on
// generated, deterministic episodes: a 45-minute, 700-cue file, and a folder
// of 2,000 of them. The same generator is the qcgen command:
//
//	go run ./cmd/qcgen episode --out /tmp/ep        # one episode
//	go run ./cmd/qcgen files --out /tmp/files --count 2000
//
// Run: go test ./qc/engine -run '^$' -bench . -benchmem -cpu 1
func BenchmarkCheckEpisode(b *testing.B) {
	for _, format := range []string{"srt", "vtt", "ttml", "srt-without-G002", "stl", "ass", "scc"} {
		b.Run(format, func(b *testing.B) {
			// Language identification (G002, whatlanggo) is the costliest
			// rule; the srt-without-G002 case shows everything else on its
			// own. The stl, ass and scc episodes carry the SRT episode's
			// cues (at 25 fps for STL and 29.97 for SCC, the rates they declare).
			disable := strings.HasSuffix(format, "-without-G002")
			format := strings.TrimSuffix(format, "-without-G002")
			data := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: format, Language: "en"})
			path := filepath.Join(b.TempDir(), "Show_S01E01.en"+gen.Ext(format))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			opts := testOptions(b, path)
			if disable {
				lib, _ := pack.Load(checks.All())
				flags, err := lib.ParseFlags(pack.FlagValues{Disable: []string{"G002"}})
				if err != nil {
					b.Fatal(err)
				}
				opts.Resolver = lib.NewRunResolver(pack.Request{Flags: flags})
			}
			// Checked as a worker checks each file of a run (checkInput),
			// reusing its workspace from one file to the next.
			in := input{path: path, explicit: true}
			res, _ := checkInput(&opts, in, nil) // warm the pack cache; and check the input is clean
			if n := len(res.findings); n != 0 || res.record.Cues != 700 {
				b.Fatalf("generated episode: %d cues, %d findings: %+v", res.record.Cues, n, res.findings)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				checkInput(&opts, in, nil)
			}
			b.StopTimer()
			allocs := testing.AllocsPerRun(20, func() { checkInput(&opts, in, nil) })
			b.ReportMetric(allocs/700, "allocs/cue")
		})
	}
}

func BenchmarkCheckFolder2000(b *testing.B) {
	dir := b.TempDir()
	var total int64
	formats := []string{"srt", "vtt", "ttml"}
	langs := []string{"en", "fr", "de", "es", "ja", "zh-Hans"}
	for i := 0; i < 2000; i++ {
		f, l := formats[i%len(formats)], langs[i%len(langs)]
		data := gen.EpisodeBytes(gen.EpisodeOptions{Seed: uint64(i), Format: f, Language: l})
		name := "Show_S01E" + strconv.Itoa(i+1) + "." + l + "." + f
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), testOptions(b, dir)); err != nil {
			b.Fatal(err)
		}
	}
}

// Full QC of the same clean 700-cue SRT episode in each language the
// generator writes, one core: the dense run mixes these twelve, and every
// script but Latin-without-accents takes paths English never does (the
// survey's multi-byte runs, the line scan's per-page table, G002 and the
// Chinese script rule).
//
// Run: go test ./qc/engine -run '^$' -bench CheckEpisodeLanguages -cpu 1 -count 3
func BenchmarkCheckEpisodeLanguages(b *testing.B) {
	for _, lang := range gen.Languages() {
		b.Run(lang, func(b *testing.B) {
			data := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})
			path := filepath.Join(b.TempDir(), gen.FileName("Show", 1, 1, lang, "srt"))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			opts := testOptions(b, path)
			in := input{path: path, explicit: true}
			if res, _ := checkInput(&opts, in, nil); len(res.findings) != 0 {
				b.Fatalf("generated %s episode: %d findings: %+v", lang, len(res.findings), res.findings)
			}
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				checkInput(&opts, in, nil)
			}
		})
	}
}
