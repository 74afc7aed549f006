package langcheck

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/textenc"
)

// chineseScriptPlain is ChineseScript written plainly, the reference the
// table-driven one is held to: every rune by the range loop, Han by
// classifyRanges, the class by hanClass.
func chineseScriptPlain(lines []string) ScriptStats {
	hanOnce.Do(loadHan)
	var st ScriptStats
	var seen [(bmpHi - bmpLo + 63) / 64]uint64
	var seenExtra map[rune]bool
	for _, line := range lines {
		for _, r := range line {
			if r < 0x3400 || classifyRanges(r) != scHan {
				continue
			}
			c := hanClass(r)
			if c == hanShared {
				st.Shared++
				continue
			}
			first := false
			if r >= bmpLo && r < bmpHi {
				i := r - bmpLo
				if seen[i>>6]&(1<<(i&63)) == 0 {
					seen[i>>6] |= 1 << (i & 63)
					first = true
				}
			} else {
				if seenExtra == nil {
					seenExtra = map[rune]bool{}
				}
				if !seenExtra[r] {
					seenExtra[r] = true
					first = true
				}
			}
			if c == hanSimplified {
				st.Simplified++
				if first {
					st.DistinctSimplified++
					if len(st.SimplifiedExamples) < maxExamples {
						st.SimplifiedExamples = append(st.SimplifiedExamples, r)
					}
				}
			} else {
				st.Traditional++
				if first {
					st.DistinctTraditional++
					if len(st.TraditionalExamples) < maxExamples {
						st.TraditionalExamples = append(st.TraditionalExamples, r)
					}
				}
			}
		}
	}
	return st
}

// TestHanBMPIsPlainClass: the packed table says, for every BMP code
// point, what classifyRanges and hanClass say.
func TestHanBMPIsPlainClass(t *testing.T) {
	hanOnce.Do(loadHan)
	for r := rune(0); r < 0x10000; r++ {
		var want uint64
		if r >= 0x3400 && classifyRanges(r) == scHan {
			want = uint64(hanClass(r)) + 1
		}
		if got := hanBMP[r>>5] >> (r & 31 * 2) & 3; got != want {
			t.Fatalf("U+%04X: table %d, plain %d", r, got, want)
		}
	}
}

// sameScriptStats fails unless ChineseScript and the plain reference give
// the same counts and examples on ls, and G003's reading of the same
// lines as a document (documentScript) the same verdicts and messages.
func sameScriptStats(t *testing.T, name string, ls []string) {
	t.Helper()
	sameScriptVerdicts(t, name, ls, linesDocument(ls))
}

// sameScriptVerdicts is sameScriptStats with doc the document whose
// display lines are ls.
func sameScriptVerdicts(t *testing.T, name string, ls []string, doc *cue.Document) {
	t.Helper()
	got, want := ChineseScript(ls), chineseScriptPlain(ls)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: ChineseScript %+v, plain %+v", name, got, want)
	}
	for _, d := range []string{"zh-Hans", "zh-Hant", "zh-TW", "yue", "zh"} {
		g3 := documentScript(doc, ChineseScriptOf(d))
		for _, o := range []ScriptOptions{{}, {MinScriptChars: 1, MinOtherShare: 0.01}, {MinScriptChars: 3, MinOtherShare: 0.5}} {
			w := ScriptMismatch(d, want, o)
			if g := ScriptMismatch(d, got, o); !reflect.DeepEqual(g, w) {
				t.Fatalf("%s as %s: %+v, plain %+v", name, d, g, w)
			}
			if g := ScriptMismatch(d, g3, o); !reflect.DeepEqual(g, w) {
				t.Fatalf("%s as %s, read by G003: %+v, plain %+v", name, d, g, w)
			}
		}
	}
}

// linesDocument is a document whose display lines are ls, in cues of up
// to three lines, with a comment cue between that must not be read.
func linesDocument(ls []string) *cue.Document {
	doc := &cue.Document{}
	for i := 0; i < len(ls); i += 3 {
		c := cue.Cue{}
		for _, l := range ls[i:min(i+3, len(ls))] {
			c.Lines = append(c.Lines, cue.Line{Text: l})
		}
		doc.Cues = append(doc.Cues, c, cue.Cue{Comment: true, Lines: []cue.Line{{Text: "們這個國說時會們这个国说时会"}}})
	}
	return doc
}

func TestChineseScriptIsPlainOnTexts(t *testing.T) {
	for k, text := range allTexts() {
		sameScriptStats(t, k, lines(text))
		sameScriptStats(t, k+" as a film", subtitleFile(text))
	}
}

// Every file of the corpus, read as its reader reads it where it is a
// subtitle file, and as raw lines (ill-formed UTF-8 included) always.
func TestChineseScriptIsPlainOnCorpus(t *testing.T) {
	dir := testcorpus.Dir(t)
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sameScriptStats(t, path+" (raw)", strings.Split(string(data), "\n"))
		sameScriptStats(t, path+" (decoded)", strings.Split(textenc.Decode(data).Text, "\n"))
		if ls, doc := corpusLines(t, path); doc != nil {
			sameScriptVerdicts(t, path, ls, doc)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no corpus file compared")
	}
	t.Logf("%d files compared", n)
}

func TestChineseScriptIsPlainOnEpisodes(t *testing.T) {
	for _, lang := range gen.Languages() {
		for seed := range uint64(3) {
			data := gen.EpisodeBytes(gen.EpisodeOptions{Seed: seed + 1, Format: "srt", Language: lang})
			if len(data) == 0 {
				t.Fatalf("%s: no episode generated", lang)
			}
			doc := srt.Read(string(data))
			sameScriptVerdicts(t, lang, DocumentLines(doc), doc)
		}
	}
}

// Random lines built from pieces that reach every path: Han of each class
// in the BMP and beyond it, the compatibility block and its unassigned
// code points, Extension A's edge, kana, Hangul, fullwidth forms, and
// ill-formed bytes (lone lead and continuation bytes, cut characters,
// surrogates, overlong forms).
func TestChineseScriptIsPlainOnRandomText(t *testing.T) {
	pieces := []string{"们", "這", "说", "說", "人", "的", "后", "䶵", "䶿", "䷀", "㐀", "㑇", "鿿", "ꀀ",
		"豈", "\uFA6E", "\uFAD9", "\uFADA", "𠀀", "𠮶", "𡞵", "\U0002A6E0", "\U00031350", "\U00032400",
		"あ", "カ", "한", "，", "。", "Ａ", "a", " ", "\u3005", "\u3007",
		"\xe4", "\xe4\xbb", "\xbb", "\x80\x80", "\xed\xa0\x80", "\xe0\x80\x80", "\xf0\xa0", "\xf0\xa0\x80", "\xff", "\xef\xbf\xbd"}
	rng := rand.New(rand.NewPCG(14, 8))
	for i := range 5000 {
		ls := make([]string, 1+rng.IntN(4))
		for j := range ls {
			var b strings.Builder
			for range rng.IntN(24) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			ls[j] = b.String()
		}
		sameScriptStats(t, "random text "+string(rune('0'+i%10)), ls)
	}
}
