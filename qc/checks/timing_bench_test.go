package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// BenchmarkSpineRules runs groups of timing and layout rules on the
// generated 700-cue English episode at 23.976 fps, each run as a new file
// (so what a rule memoises per file is taken again): the rules comparing
// cues and gaps with duration limits (T001, T002, T004, T006), and those
// sharing the lines' character counts (L001, T005).
//
//	go test ./qc/checks -run '^$' -bench SpineRules -benchmem -cpu 1 -count 6
func BenchmarkSpineRules(b *testing.B) {
	lib, err := pack.Load(All())
	if err != nil {
		b.Fatal(err)
	}
	eff, err := lib.Resolve(pack.Request{Language: "en"})
	if err != nil {
		b.Fatal(err)
	}
	doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: "en"})))
	for _, group := range []struct {
		name  string
		rules []*rule.Rule
	}{
		{"limits", []*rule.Rule{CueTooShort, CueTooLong, GapTooShort, GapShouldClose}},
		{"widths", []*rule.Rule{LineTooLong, ReadingSpeed}},
	} {
		b.Run(group.name, func(b *testing.B) {
			cfgs := make([]rule.Config, len(group.rules))
			for i, rl := range group.rules {
				cfgs[i] = *eff.Config(rl.Code)
			}
			findings := 0
			report := func(rule.Finding) { findings++ }
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				f := &rule.File{Path: "Show_S01E01.en.srt", Language: "en", FrameRate: cue.FrameRate{Num: 24000, Den: 1001}}
				for k, rl := range group.rules {
					rule.NewPass(rl, f, doc, &cfgs[k], report).Run()
				}
			}
			b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
		})
	}
}
