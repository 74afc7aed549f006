package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// BenchmarkTextRules runs the text rules a language's pack enables on
// a generated 700-cue episode per language: the text family's cost per
// file, line facts included (each run is a new file, so they are taken
// again).
//
//	go test ./qc/checks -run '^$' -bench TextRules -benchmem -cpu 1 -count 6
func BenchmarkTextRules(b *testing.B) {
	lib, err := pack.Load(All())
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"en", "fr", "ru", "ar", "zh-Hans"} {
		b.Run(lang, func(b *testing.B) {
			doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})))
			eff, err := lib.Resolve(pack.Request{Language: lang})
			if err != nil {
				b.Fatal(err)
			}
			cfgs := make([]rule.Config, len(textRules))
			for i, rl := range textRules {
				cfgs[i] = *eff.Config(rl.Code)
			}
			findings := 0
			report := func(rule.Finding) { findings++ }
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				f := &rule.File{Path: "Show_S01E01." + lang + ".srt", Language: lang}
				for k, rl := range textRules {
					if !cfgs[k].Enabled {
						continue
					}
					rule.NewPass(rl, f, doc, &cfgs[k], report).Run()
				}
			}
			b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
		})
	}
}

// BenchmarkLineScanRules runs every rule that reads the line scan (the
// text rules a language's pack enables, G002, L001, L003, L004, T005) on
// the generated episode per language, each run a new file: what the one
// pass over each line serves, and what is left of their own work.
//
//	go test ./qc/checks -run '^$' -bench LineScanRules -benchmem -cpu 1 -count 6
func BenchmarkLineScanRules(b *testing.B) {
	lib, err := pack.Load(All())
	if err != nil {
		b.Fatal(err)
	}
	rules := append([]*rule.Rule{}, textRules...)
	for _, code := range []string{"G002", "L001", "L003", "L004", "T005"} {
		rules = append(rules, Lookup(code))
	}
	for _, lang := range []string{"en", "fr", "ru", "ar", "zh-Hans", "ko"} {
		b.Run(lang, func(b *testing.B) {
			doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})))
			eff, err := lib.Resolve(pack.Request{Language: lang})
			if err != nil {
				b.Fatal(err)
			}
			cfgs := make([]rule.Config, len(rules))
			for i, rl := range rules {
				cfgs[i] = *eff.Config(rl.Code)
			}
			findings := 0
			report := func(rule.Finding) { findings++ }
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				f := &rule.File{Path: "Show_S01E01." + lang + ".srt", Language: lang, FrameRate: cue.FrameRate{Num: 24000, Den: 1001}}
				for k, rl := range rules {
					if cfgs[k].Enabled {
						rule.NewPass(rl, f, doc, &cfgs[k], report).Run()
					}
				}
			}
			b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
		})
	}
}
