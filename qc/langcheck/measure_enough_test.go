package langcheck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// TestMeasureEnough: a partial measure has measure's script counts and
// chunk cuts exactly, word statistics that already reach what was asked,
// and complete turns it into measure's result.
func TestMeasureEnough(t *testing.T) {
	partial := 0
	for k, text := range allTexts() {
		for _, ls := range [][]string{lines(text), subtitleFile(text), lines(strings.ToUpper(text))} {
			for _, need := range []int{0, 50, 200, 1000, 1 << 30} {
				full, got := measure(ls), measureEnough(ls, need, nil)
				if got.scripts != full.scripts || !reflect.DeepEqual(got.chunkEnds, full.chunkEnds) || got.tailLetters != full.tailLetters {
					t.Fatalf("%s, need %d: scripts or cuts differ from measure", k, need)
				}
				if got.wordsTo < len(ls) {
					partial++
					if got.words < need || got.distinctWords() < minDistinctWords {
						t.Fatalf("%s, need %d: stopped at line %d with %d words, %d distinct", k, need, got.wordsTo, got.words, got.distinctWords())
					}
				}
				got.complete(ls)
				if !reflect.DeepEqual(got, full) {
					t.Fatalf("%s, need %d: completed measure = %+v, want %+v", k, need, got, full)
				}
			}
		}
	}
	if partial == 0 {
		t.Fatal("no text was measured partially: the test shows nothing")
	}
}

// verdictsBothWays runs DetectMismatch with words measured as far as
// needed and over the whole text, and fails on any difference.
func verdictsBothWays(t *testing.T, name string, ls []string, declared []string) (compared int) {
	t.Helper()
	defer func() { wordsInFull = false }()
	for _, d := range declared {
		for _, opts := range []MismatchOptions{{}, {MinLetters: 50}, {MinLetters: 1000, CloseFactor: 2}} {
			wordsInFull = false
			got := DetectMismatch(d, ls, opts)
			wordsInFull = true
			want := DetectMismatch(d, ls, opts)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s declared %s (%+v): %+v, with every word measured %+v", name, d, opts, got, want)
			}
			compared++
		}
	}
	return compared
}

// declaredForTest are declarations that reach every branch of G002: the
// right language, a close relative, another script, Japanese and Chinese.
var declaredForTest = []string{"en", "fr", "de", "es", "pt", "da", "ru", "uk", "ar", "hi", "he", "ja", "zh-Hans", "ko", "el", "ca"}

// TestDetectMismatchMeasuresEnough: the verdicts and messages are those of
// a whole-text measure on every test text, film-length and in capitals.
func TestDetectMismatchMeasuresEnough(t *testing.T) {
	n := 0
	for k, text := range allTexts() {
		n += verdictsBothWays(t, k, lines(text), declaredForTest)
		n += verdictsBothWays(t, k+" as a film", subtitleFile(text), declaredForTest)
		n += verdictsBothWays(t, k+" in capitals", lines(strings.ToUpper(text)), declaredForTest)
	}
	t.Logf("%d verdicts compared", n)
}

// TestDetectMismatchMeasuresEnoughCorpus compares the verdicts on every
// readable corpus subtitle file, declared as its manifest says and as
// the other test declarations.
func TestDetectMismatchMeasuresEnoughCorpus(t *testing.T) {
	dir := testcorpus.Dir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var man struct{ Files []corpusEntry }
	if err := json.Unmarshal(raw, &man); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range man.Files {
		if e.Role != "data" {
			continue
		}
		ls, doc := corpusLines(t, filepath.Join(dir, e.Path))
		if doc == nil {
			continue
		}
		declared := declaredForTest
		if tag, _, _, ok := corpusDeclaration(e.Language); ok {
			declared = append([]string{tag}, declared...)
		}
		n += verdictsBothWays(t, e.Path, ls, declared)
	}
	if n == 0 {
		t.Fatal("no corpus file compared")
	}
	t.Logf("%d verdicts compared", n)
}
