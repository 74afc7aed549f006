package checks

import (
	"testing"

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
