package checks

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/textcount"
)

// bestBreakEveryBreak is bestBreak without its bound: every break measured.
func bestBreakEveryBreak(words []string, maxChars, weight float64, weak map[string]bool) int {
	width := func(ws []string) float64 { return textcount.Count(strings.Join(ws, " "), weight) }
	best, bestScore := -1, 0.0
	for i := 1; i < len(words); i++ {
		if r, _ := utf8.DecodeRuneInString(words[i]); unicode.IsPunct(r) && utf8.RuneCountInString(words[i]) <= 2 {
			continue
		}
		w1, w2 := width(words[:i]), width(words[i:])
		if w1 > maxChars || w2 > maxChars {
			continue
		}
		score := math.Abs(w1 - w2)
		if w1 > w2 {
			score += 0.5
		}
		if weak[strings.ToLower(strings.TrimRight(words[i-1], ",;:"))] {
			score += 2 * maxChars
		}
		if best < 0 || score < bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// The bound that refuses a text too wide for two lines never refuses one
// that has a break: random cues around the bound, with combining marks
// that join the space before them, half-width katakana under a weight,
// wide CJK and French punctuation, give the break every break measured
// gives.
func TestBestBreakBoundKeepsEveryBreak(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 7))
	pieces := []string{"a", "word", "the", "de", "longer", "?", "!", "\u0301e", "e\u0301", "ｶﾀｶﾅ", "漢字", "ok,", "là", "x"}
	weak := map[string]bool{"the": true, "de": true}
	weakSet := newWeakSet([]string{"the", "de"})
	bounded := 0
	for i := 0; i < 20000; i++ {
		maxChars := float64(4 + r.IntN(40))
		weight := 1.0
		if r.IntN(2) == 0 {
			weight = 0.5
		}
		var words []string
		for n := 1 + r.IntN(30); n > 0; n-- {
			words = append(words, pieces[r.IntN(len(pieces))])
		}
		whole := textcount.Count(strings.Join(words, " "), weight)
		if whole > 2*maxChars+1 {
			bounded++
		}
		if got, want := bestBreak(words, whole, maxChars, weight, &weakSet), bestBreakEveryBreak(words, maxChars, weight, weak); got != want {
			t.Fatalf("%q within %v (weight %v): break %d, every break measured gives %d", words, maxChars, weight, got, want)
		}
	}
	if bounded < 1000 {
		t.Fatalf("only %d of the cues were over the bound: the test no longer reaches it", bounded)
	}
	// A cue of one very long line has no break within 42 characters.
	long := strings.Fields(strings.Repeat("word ", 5000))
	if got := bestBreak(long, textcount.Count(strings.Join(long, " "), 1), 42, 1, &weakSet); got != -1 {
		t.Fatalf("a 25,000-character cue broken at word %d", got)
	}
}
