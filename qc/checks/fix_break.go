package checks

import (
	"bytes"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textcount"
)

// rebreakFix (L001, L002 by code: the rules' variables would make an
// initialisation cycle) re-breaks a plain-text SRT or WebVTT cue (L001, L002) into
// one line, or two balanced lines (the lower one the longer when they
// differ), at a space, not after an article, preposition or conjunction
// of the file's language when another break fits, never before punctuation that French-style
// typography puts after a space ("vraiment ?"), and only when every line is
// within L001's max_chars and the count within L002's max_lines: the packs'
// values for this file. Cues with markup, and text without spaces (CJK), are
// left for a person.
func rebreakFix(p *rule.Pass, c *cue.Cue) []rule.SuggestedFix {
	if !p.Fixing() || (p.Doc.Format != "srt" && p.Doc.Format != "webvtt") || strings.ContainsAny(c.Raw, "<&{") {
		return nil
	}
	lim, ok := p.File.Fix.Configs["L001"], true
	maxLines := int64(2)
	if lim == nil || !lim.Enabled {
		return nil
	}
	maxChars, weight := lim.Params["max_chars"].Value.Float, lim.Params["half_width_weight"].Value.Float
	if l2 := p.File.Fix.Configs["L002"]; l2 != nil && l2.Enabled {
		maxLines = l2.Params["max_lines"].Value.Int
	}
	if maxChars <= 0 || !ok {
		return nil
	}
	words := strings.Fields(c.Text())
	if len(words) == 0 {
		return nil
	}
	// The language's weak line ends (articles, prepositions, conjunctions:
	// X015's word list in its pack) are avoided as break points whenever
	// another break fits.
	// (X015's words, read as X015 reads them.)
	var weak weakSet
	if x := p.File.Fix.Configs["X015"]; x != nil {
		weak = weakWords(x.Params["words"].Value.String)
	}
	var lines []string
	if whole := textcount.Count(strings.Join(words, " "), weight); whole <= maxChars {
		lines = []string{strings.Join(words, " ")}
	} else if maxLines >= 2 {
		best := bestBreak(words, whole, maxChars, weight, &weak)
		if best < 0 {
			return nil
		}
		lines = []string{strings.Join(words[:best], " "), strings.Join(words[best:], " ")}
	} else {
		return nil
	}
	old := p.File.Fix.Bytes(c.TextSrc, false)
	if old == nil {
		return nil
	}
	eol := "\n"
	if i := bytes.IndexAny(old, "\r\n"); i >= 0 && old[i] == '\r' {
		eol = "\r"
		if i+1 < len(old) && old[i+1] == '\n' {
			eol = "\r\n"
		}
	}
	out := strings.Join(lines, eol)
	if out == string(old) {
		return nil
	}
	a, z, _ := p.File.Fix.Span(c.TextSrc, false)
	return fixOf("re-break cue "+itoa(int64(c.Index))+" into "+itoa(int64(len(lines)))+" line(s) within "+num(maxChars)+" characters",
		[]rule.TextEdit{{Start: a, End: z, New: out}})
}

// bestBreak is the word before which a cue's words (whole wide) are best split into
// two lines within maxChars (balanced, the lower line the longer, not
// after a weak word when another break fits), or -1 when none fits.
//
// Two lines together hold at most 2·maxChars characters plus the space
// between them (splitting at a space never counts more than the whole
// but that space), so a wider text has no break that fits: it is refused
// at once, not after measuring both sides of every break, which made a
// cue of one 20 KB line take seconds.
func bestBreak(words []string, whole, maxChars, weight float64, weak *weakSet) int {
	width := func(ws []string) float64 { return textcount.Count(strings.Join(ws, " "), weight) }
	if whole > 2*maxChars+1 {
		return -1
	}
	best, bestScore := -1, 0.0
	for i := 1; i < len(words); i++ {
		if r, _ := utf8.DecodeRuneInString(words[i]); unicode.IsPunct(r) && utf8.RuneCountInString(words[i]) <= 2 {
			continue // "?" or "!" of French typography stays with its word
		}
		w1, w2 := width(words[:i]), width(words[i:])
		if w1 > maxChars || w2 > maxChars {
			continue
		}
		score := math.Abs(w1 - w2)
		if w1 > w2 {
			score += 0.5 // bottom-heavy when unequal
		}
		if weak.words != nil && weak.has(strings.TrimRight(words[i-1], ",;:")) {
			score += 2 * maxChars // "the | market": only when no other break fits
		}
		if best < 0 || score < bestScore {
			best, bestScore = i, score
		}
	}
	return best
}
