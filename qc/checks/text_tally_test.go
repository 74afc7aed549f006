package checks

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/scc"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/format/ssa"
	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/format/ttml"
	"github.com/exportqc/exportqc/qc/format/webvtt"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textenc"
)

// G002 takes its letter tally from the line facts (langcheck.WalkTally).
// The tally must be the one G002 takes on its own, line for line, and the
// findings the same with and without it.

// corpusDoc reads a corpus input with its format's reader.
func corpusDoc(t *testing.T, in testcorpus.Input) *cue.Document {
	data, err := os.ReadFile(in.Path)
	if err != nil {
		t.Fatal(err)
	}
	text := func() string { return textenc.Decode(data).Text }
	switch in.Format {
	case "srt":
		return srt.Read(text())
	case "vtt":
		return webvtt.Read(text())
	case "ttml":
		return ttml.Read(text())
	case "ass":
		return ssa.Read(text())
	case "scc":
		return scc.Read(text())
	case "stl":
		return stl.Read(data)
	}
	return nil
}

// walkedTally is the tally the line facts take of doc.
func walkedTally(doc *cue.Document) *langcheck.Tally {
	p := rule.NewPass(langcheck.ContentMismatch, &rule.File{Path: "x.srt"}, doc, &rule.Config{}, func(rule.Finding) {})
	_, tf := textFactsOf(p)
	return tf.tally
}

func TestWalkedTallyIsG002s(t *testing.T) {
	check := func(name string, doc *cue.Document) {
		t.Helper()
		got, want := walkedTally(doc), langcheck.TallyLines(langcheck.DocumentLines(doc))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the line facts' tally %+v, G002's own %+v", name, got, want)
		}
	}
	r := rand.New(rand.NewPCG(14, 9))
	for i := range 300 {
		doc := randomDoc(r, 30)
		for k := range doc.Cues {
			doc.Cues[k].Comment = r.IntN(8) == 0 // comments are not G002's text
		}
		check(fmt.Sprint("random document ", i), doc)
	}
	for _, in := range testcorpus.Inputs(t) {
		if doc := corpusDoc(t, in); doc != nil {
			check(in.Rel, doc)
		}
	}
}

// g002 runs G002 on doc declared as lang, with the pack's thresholds,
// with or without the walked tally.
func g002(t *testing.T, eff *pack.Effective, doc *cue.Document, lang string, walked bool) []string {
	t.Helper()
	if !walked {
		hook := langcheck.WalkTally
		langcheck.WalkTally = nil
		defer func() { langcheck.WalkTally = hook }()
	}
	cfg := *eff.Config("G002")
	cfg.Enabled = true
	var got []string
	rule.NewPass(langcheck.ContentMismatch, &rule.File{Path: "x.srt", Language: lang}, doc, &cfg, func(f rule.Finding) {
		got = append(got, fmt.Sprintf("%+v", f))
	}).Run()
	return got
}

func TestG002SameWithWalkedTally(t *testing.T) {
	langs := []string{"en", "fr", "de", "es", "pt", "ru", "ar", "hi", "ja", "ko", "zh-Hans"}
	lib, err := pack.Load(All())
	if err != nil {
		t.Fatal(err)
	}
	packs := map[string]*pack.Effective{}
	for _, lang := range langs {
		if packs[lang], err = lib.Resolve(pack.Request{Language: lang}); err != nil {
			t.Fatal(lang, err)
		}
	}
	reported := 0
	// With the walked tally G002 reads the cues' lines only as far as its
	// verdict needs them; generated episodes in every language, each
	// declared as every language here, reach both ends of that: settled
	// by the first sample, and reported from all of them.
	for _, lang := range gen.Languages() {
		doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 3, Format: "srt", Language: lang})))
		for _, declared := range langs {
			with, without := g002(t, packs[declared], doc, declared, true), g002(t, packs[declared], doc, declared, false)
			if !reflect.DeepEqual(with, without) {
				t.Fatalf("generated %s episode declared %s: with the walked tally %q, without %q", lang, declared, with, without)
			}
			reported += len(with)
		}
	}
	for _, in := range testcorpus.Inputs(t) {
		doc := corpusDoc(t, in)
		if doc == nil {
			continue
		}
		for _, lang := range langs {
			with, without := g002(t, packs[lang], doc, lang, true), g002(t, packs[lang], doc, lang, false)
			if !reflect.DeepEqual(with, without) {
				t.Fatalf("%s declared %s: with the walked tally %q, without %q", in.Rel, lang, with, without)
			}
			reported += len(with)
		}
	}
	if reported == 0 {
		t.Fatal("G002 reported nothing: the comparison shows nothing")
	}
}
