package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/cputime"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// denseDefects are the defects each episode of the engine's dense run
// (BenchmarkDenseRun600) has seeded.
var denseDefects = gen.CueDefects{Overlap: 40, TooShort: 60, TooFast: 60, LineTooLong: 40}

// BenchmarkDenseFacts runs the line facts and the rules that report most
// in the dense run (L001, T005, T004, T006, L005, X005) on the generated
// finding-dense 700-cue episode of each language, as a worker does: one
// rule.File reset from file to file, so that the facts and widths reuse
// their memory. "facts" is the line facts alone (L003 takes them and
// reports nothing), "rules" the facts and the six rules.
//
//	go test ./qc/checks -run '^$' -bench DenseFacts -benchmem -cpu 1 -count 6
func BenchmarkDenseFacts(b *testing.B) {
	lib := loadPacks(b)
	for _, group := range []struct {
		name  string
		rules []*rule.Rule
	}{
		{"facts", []*rule.Rule{EmptyCue}},
		{"rules", []*rule.Rule{LineTooLong, ReadingSpeed, GapTooShort, GapShouldClose, UnbalancedMarkup, DialogueDash}},
	} {
		b.Run(group.name, func(b *testing.B) {
			for _, lang := range gen.Languages() {
				b.Run(lang, func(b *testing.B) { benchDense(b, lib, lang, group.rules) })
			}
		})
	}
}

// benchDense runs rules, as lang's packs configure them, on the dense
// episode in lang through one File reset before each run.
func benchDense(b *testing.B, lib *pack.Library, lang string, rules []*rule.Rule) {
	doc, cfgs := episodeFor(b, lib, lang, rules, denseDefects)
	findings := 0
	report := func(rule.Finding) { findings++ }
	path := "Show_S01E01." + lang + ".srt"
	f := new(rule.File)
	var p rule.Pass
	b.ReportAllocs()
	b.ResetTimer()
	// CPU time beside wall time: on a shared machine it is the steadier
	// of the two (the benchmark runs on one goroutine, -cpu 1).
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		f.Reset(path)
		f.Language, f.FrameRate = lang, cue.FrameRate{Num: 24000, Den: 1001}
		for k, rl := range rules {
			if cfgs[k].Enabled {
				p.Reset(rl, f, doc, &cfgs[k], report)
				p.Run()
			}
		}
	}
	b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
}
