package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// loadPacks is the embedded packs, for benchmarks.
func loadPacks(b *testing.B) *pack.Library {
	lib, err := pack.Load(All())
	if err != nil {
		b.Fatal(err)
	}
	return lib
}

// episodeFor is the generated 700-cue SRT episode in lang with defects,
// and rules' configurations as lang's packs resolve them.
func episodeFor(b *testing.B, lib *pack.Library, lang string, rules []*rule.Rule, defects gen.CueDefects) (*cue.Document, []rule.Config) {
	doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang, Defects: defects})))
	eff, err := lib.Resolve(pack.Request{Language: lang})
	if err != nil {
		b.Fatal(err)
	}
	cfgs := make([]rule.Config, len(rules))
	for i, rl := range rules {
		cfgs[i] = *eff.Config(rl.Code)
	}
	return doc, cfgs
}

// benchRulesOnEpisode runs rules, as lang's packs configure them (those
// the packs disable are skipped), on the generated 700-cue SRT episode in
// lang at 23.976 fps, each run as a new file: what a rule memoises per
// file (the line facts among them) is taken again every run.
func benchRulesOnEpisode(b *testing.B, lib *pack.Library, lang string, rules []*rule.Rule) {
	doc, cfgs := episodeFor(b, lib, lang, rules, gen.CueDefects{})
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
}
