package checks

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// memoCase is one remembered decoder with its plain one, the answers
// compared as values (errors by message).
type memoCase struct {
	name   string
	memo   func(string) any
	plain  func(string) any
	stored func() map[string]any // what the memo holds now
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// quoteFields is q with its error as text, to compare.
func quoteFields(q quoteParams) []any { return []any{q.pairs, errText(q.err), q.style, q.chars} }

func storedOf[T any](m *paramMemo[T]) func() map[string]any {
	return func() map[string]any {
		out := map[string]any{}
		m.Each(func(k string, v T) { out[k] = v })
		return out
	}
}

var memoCases = []memoCase{
	{"newRuneSet", func(s string) any { return newRuneSet(s) }, func(s string) any { return buildRuneSet(s) }, storedOf(&runeSets)},
	{"parseRuneList", func(s string) any { v, err := parseRuneList(s); return []any{v, errText(err)} },
		func(s string) any { v, err := decodeRuneList(s); return []any{v, errText(err)} },
		func() map[string]any {
			out := map[string]any{}
			for k, d := range storedOf(&runeLists)() {
				d := d.(decoded[map[rune]bool])
				out[k] = []any{d.v, errText(d.err)}
			}
			return out
		}},
	{"quoteParamsOf", func(s string) any { return quoteFields(quoteParamsOf(s)) },
		func(s string) any { return quoteFields(decodeQuoteParams(s)) },
		func() map[string]any {
			out := map[string]any{}
			for k, q := range storedOf(&quotes)() {
				out[k] = quoteFields(q.(quoteParams))
			}
			return out
		}},
	{"sequenceList", func(s string) any { return sequenceList(s) }, func(s string) any { return decodeSequences(s) }, storedOf(&sequences)},
	{"doubledSequences", func(s string) any { return doubledSequences(s) }, func(s string) any { return decodeDoubled(s) }, storedOf(&doubleds)},
	{"contextWords", func(s string) any { return contextWords(s) }, func(s string) any { return decodeContextWords(s) }, storedOf(&contexts)},
	{"weakWords", func(s string) any { return weakWords(s) }, func(s string) any { return decodeWeakWords(s) }, storedOf(&weakSets)},
}

// packStrings is every string parameter value of every language pack's
// rules, as the packs resolve them.
func packStrings(t *testing.T, lib *pack.Library) []string {
	seen := map[string]bool{}
	var out []string
	for _, lang := range append(lib.Languages(), "") {
		eff, err := lib.Resolve(pack.Request{Language: lang})
		if err != nil {
			continue // a pack that needs more than its tag (none today)
		}
		for _, cfg := range eff.Rules {
			for _, s := range cfg.Params {
				if v := s.Value.String; v != "" && !seen[v] {
					seen[v] = true
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// randomParam is a value made of the characters the decoders treat
// specially, separators, code points and marks from many scripts.
func randomParam(r *rand.Rand) string {
	parts := []string{"U+00A0", "u+202f", "U+ZZ", "U+110000", ",", " ", "  ", ",,", "!!", "?!", "...", "..", "«»", "“”", "„“",
		"\"\"", "«", "？", "…", "¿", "Ab", "and", "THE", "é", "\t", "\xff", "小", "。"}
	s := ""
	for n := r.Intn(8); n >= 0; n-- {
		s += parts[r.Intn(len(parts))]
	}
	return s
}

// TestParamMemoMatchesDecoding holds each remembered decoder to its plain
// one on every pack value and on random values, asked twice (the second
// answer comes from the memo); then, after every rule has run on episodes
// in every generated language and on the corpus, it checks that what the
// memos hold still equals a fresh decoding: no rule modified a shared
// answer.
func TestParamMemoMatchesDecoding(t *testing.T) {
	lib, err := pack.Load(All())
	if err != nil {
		t.Fatal(err)
	}
	values := packStrings(t, lib)
	if len(values) < 20 {
		t.Fatalf("only %d string parameter values in the packs", len(values))
	}
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 300; i++ {
		values = append(values, randomParam(r))
	}
	for _, c := range memoCases {
		for _, v := range values {
			for round := 0; round < 2; round++ {
				if got, want := c.memo(v), c.plain(v); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s(%q), call %d: memo %#v, plain %#v", c.name, v, round+1, got, want)
				}
			}
		}
	}

	runAllRules(t, lib)
	for _, c := range memoCases {
		held := c.stored()
		if len(held) == 0 {
			t.Errorf("%s remembers nothing", c.name)
		}
		for v, got := range held {
			if want := c.plain(v); !reflect.DeepEqual(got, want) {
				t.Errorf("%s(%q) changed after the rules ran: holds %#v, decodes to %#v", c.name, v, got, want)
			}
		}
	}
}

// runAllRules runs every rule, as each generated language's packs
// configure it, on that language's episode with defects and on the
// corpus's SRT files read as that language.
func runAllRules(t *testing.T, lib *pack.Library) {
	var docs []*cue.Document
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "*", "*.srt"))
	for _, path := range corpus {
		if data, err := os.ReadFile(path); err == nil {
			docs = append(docs, srt.Read(string(data)))
		}
	}
	for _, lang := range gen.Languages() {
		eff, err := lib.Resolve(pack.Request{Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		defects := gen.CueDefects{Overlap: 5, TooShort: 5, TooFast: 5, LineTooLong: 5}
		ep := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 2, Format: "srt", Language: lang, Defects: defects})))
		for _, doc := range append([]*cue.Document{ep}, docs...) {
			f := &rule.File{Path: "Show_S01E01." + lang + ".srt", Language: lang, FrameRate: gen.DefaultFrameRate}
			for _, rl := range lib.Rules() {
				cfg := eff.Config(rl.Code)
				if cfg == nil || !cfg.Enabled || rl.Run == nil {
					continue
				}
				rule.NewPass(rl, f, doc, cfg, func(rule.Finding) {}).Run()
			}
		}
	}
}

// TestParamMemoIsBounded: past paramMemoSize values a memo decodes
// without remembering, and still answers as the decoder does.
func TestParamMemoIsBounded(t *testing.T) {
	m := paramMemo[[]string]{Limit: paramMemoSize}
	for i := 0; i < paramMemoSize+50; i++ {
		v := string(rune('a'+i%26)) + "," + string(rune(0x400+i))
		if got, want := m.Get(v, decodeSequences), decodeSequences(v); !reflect.DeepEqual(got, want) {
			t.Fatalf("get(%q) = %q, want %q", v, got, want)
		}
	}
	if m.Len() != paramMemoSize {
		t.Errorf("memo holds %d values, want at most %d", m.Len(), paramMemoSize)
	}
}
