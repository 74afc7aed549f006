package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// BenchmarkDenseFindings runs the rules that make the findings of the
// finding-dense run (T001, T003, T005, L001) on one of its episodes: 700
// cues with 200 seeded defects, in a language of Latin, Hangul and CJK
// text. Files go through one rule.File, reset for each, as an engine
// worker's do; so the cost measured is the rules' scans plus building
// each finding (message, expected and actual values, position).
//
//	go test ./qc/checks -run '^$' -bench DenseFindings -benchmem -cpu 1 -count 6
func BenchmarkDenseFindings(b *testing.B) {
	lib := loadPacks(b)
	rules := []*rule.Rule{CueTooShort, CueOverlap, ReadingSpeed, LineTooLong}
	for _, lang := range []string{"de", "ko", "ja"} {
		b.Run(lang, func(b *testing.B) { benchDenseFindings(b, lib, lang, rules) })
	}
}

func benchDenseFindings(b *testing.B, lib *pack.Library, lang string, rules []*rule.Rule) {
	doc, cfgs := episodeFor(b, lib, lang, rules, gen.CueDefects{Overlap: 40, TooShort: 60, TooFast: 60, LineTooLong: 40})
	findings := 0
	report := func(rule.Finding) { findings++ }
	var f rule.File
	var p rule.Pass
	b.ReportAllocs()
	for b.Loop() {
		f.Reset("Show_S01E01." + lang + ".srt")
		f.Language, f.FrameRate = lang, cue.FrameRate{Num: 24000, Den: 1001}
		for k, rl := range rules {
			if cfgs[k].Enabled {
				p.Reset(rl, &f, doc, &cfgs[k], report)
				p.Run()
			}
		}
	}
	if findings == 0 {
		b.Fatal("no findings: the episode's defects are not reported")
	}
	b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
}
