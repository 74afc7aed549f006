package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Quotation marks (issue 15): each language quotes with its own pairs
// (French « », German „ “, Japanese 「 」, English “ ” or " "). X018
// reports a mark of another language's style, X019 a pair left open or a
// mark closing nothing. Only double quotation marks are judged: a single
// ’ or ' is far more often an apostrophe (l’homme, don't) than a quote.
var (
	QuoteStyle = &rule.Rule{
		Code: "X018", Name: "quote-style", Family: "text",
		Summary: "A quotation mark of another language's style",
		Doc: "Each language quotes with its own marks: French « », German „ “, Russian « », Japanese and " +
			"Traditional Chinese 「 」, Simplified Chinese and English “ ” (English also straight \"). Reported: a " +
			"double quotation mark (\" « » „ “ ” ‟ ＂ 「 」 『 』) that is not one of the pack's pairs. Single marks " +
			"(‘ ’ ' ‹ ›) are not judged, since ’ and ' are mostly apostrophes; a \" after a digit is an inch mark. " +
			"A file that quotes in another style throughout is reported once, with the count. pairs empty: not " +
			"checked. Retype the marks as the language writes them.",
		Params: []rule.ParamSpec{{Name: "pairs", Kind: rule.KindString,
			Doc: "the language's quotation pairs, opening then closing mark, separated by spaces (\"«» “”\"); empty: not checked"}},
		Run: runQuoteStyle, DefaultSeverity: rule.Warning,
	}
	UnbalancedQuote = &rule.Rule{
		Code: "X019", Name: "unbalanced-quote", Family: "text",
		Summary: "A quotation is opened and never closed, or a closing mark closes nothing",
		Doc: "A quotation opened with one of the pack's pairs must be closed. A quote may run over many subtitles " +
			"(a letter read aloud, a song), and a cue that re-opens it at the start of a line (the book style of " +
			"marking a continued quote) continues it. Reported: a closing mark with no quotation open, and an " +
			"opening mark never closed, seen when the same mark opens a new quotation inside a later line, or at " +
			"the end of the file. A straight \" opens after a space or at a line start and before a letter, and " +
			"closes after a letter, digit or mark and before a space, a mark or the line end; one with letters or " +
			"spaces on both sides is not judged, and one that closes nothing is let be (an inch mark, or an opening " +
			"hidden by its neighbours: =\"5%\"). Only the pack's pairs are followed " +
			"(X018 reports marks of other styles); a pair whose opening mark the file never uses, while its closing " +
			"mark stands where a quotation opens (German “ used as the English opener), is not judged: the file " +
			"quotes in that other style, which X018 reports once. pairs empty: not checked.",
		Params: []rule.ParamSpec{
			{Name: "pairs", Kind: rule.KindString, Doc: "the language's quotation pairs, as for X018; empty: not checked"},
		},
		Run: runUnbalancedQuote, DefaultSeverity: rule.Info,
	}
)

// doubleQuotes are the marks X018 judges: every double quotation mark of
// the languages the packs serve.
const doubleQuotes = "\"«»„“”‟＂「」『』"

// quoteMarks is doubleQuotes as a set.
var quoteMarks = newRuneSet(doubleQuotes)

// quotePair is one of a language's pairs; open == close for " ".
type quotePair struct{ open, close rune }

// decodeQuotePairs reads a pack's pairs: two characters each, separated by
// spaces.
func decodeQuotePairs(s string) ([]quotePair, error) {
	var out []quotePair
	for _, f := range strings.Fields(s) {
		r := []rune(f)
		if len(r) != 2 {
			return nil, fmt.Errorf("%q is not a pair of two marks (write «» or \"\")", f)
		}
		out = append(out, quotePair{r[0], r[1]})
	}
	return out, nil
}

// inchMark reports a " that follows a digit (5'10").
func inchMark(text string, i int) bool {
	if text[i] != '"' || i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsDigit(prev)
}

// quotePairsOf reads the rule's pairs parameter; an unusable value is
// reported as such and judged as none.
func quotePairsOf(p *rule.Pass) []quotePair {
	pairs, err := parseQuotePairs(p.String("pairs"))
	if err != nil {
		badParam(p, "pairs", err)
		return nil
	}
	return pairs
}

// quoteStyle is what X018 accepts: the marks of the language's pairs, and
// how a finding names them.
type quoteStyle struct {
	allowed map[rune]bool
	want    string
}

// quoteParams is what the quotation rules (X011, X018, X019) make of one
// pairs value, decoded once for all of them.
type quoteParams struct {
	pairs []quotePair
	err   error
	style quoteStyle
	chars *runeSet // the pairs' marks and doubleQuotes
}

func decodeQuoteParams(v string) quoteParams {
	pairs, err := decodeQuotePairs(v) // nil for an unusable value: none allowed (quotePairsOf reports it)
	return quoteParams{pairs, err, quoteStyleOfPairs(pairs), buildRuneSet(quoteChars(pairs))}
}

// quoteStyleOfPairs is what X018 accepts of pairs.
func quoteStyleOfPairs(pairs []quotePair) quoteStyle {
	allowed := map[rune]bool{}
	var names []string
	for _, q := range pairs {
		allowed[q.open], allowed[q.close] = true, true
		names = append(names, string(q.open)+"…"+string(q.close))
	}
	return quoteStyle{allowed, strings.Join(names, " or ")}
}

func runQuoteStyle(p *rule.Pass) {
	pairs := quotePairsOf(p)
	if len(pairs) == 0 {
		return
	}
	style := quoteStyleOf(p.String("pairs"))
	allowed, want := style.allowed, style.want
	if !quoteMarks.mayBeIn(fileFacts(p)) {
		return // no quotation mark in the file
	}
	var held []heldFinding
	quoted := 0
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		seen, found := false, false
		for j, l := range c.Lines {
			if !quoteMarks.mayBeIn(&facts[j]) || !quoteMarks.in(l.Text) {
				continue // no quotation mark
			}
			for i, r := range l.Text {
				if !quoteMarks.has(r) || inchMark(l.Text, i) {
					continue
				}
				seen = true
				if allowed[r] || found {
					continue
				}
				found = true // one finding per cue: the first foreign mark
				held = append(held, heldFinding{c: c, line: j,
					message: "the quotation mark " + codePoint(r) + " in " + lineNo(j) + " is not this language's (" +
						want + "): " + quote(l.Text), expected: want, actual: string(r)})
			}
		}
		if seen {
			quoted++
		}
	})
	reportHouseStyle(p, held, quoted, houseStyleShare, "pairs", "cues with quotation marks")
}

// openQuote is a quotation not yet closed: where it opened.
type openQuote struct {
	pair  quotePair
	c     *cue.Cue
	line  int
	text  string
	fresh bool // opened in the cue being read
}

func runUnbalancedQuote(p *rule.Pass) {
	pairs := quotePairsOf(p)
	all := quoteCharSet(p.String("pairs"))
	if len(pairs) == 0 || !all.mayBeIn(fileFacts(p)) {
		return // no mark of a pair in the file
	}
	inUse := pairsInUse(p, pairs)
	if len(inUse) == 0 {
		return
	}
	inLine := all
	if len(inUse) < len(pairs) {
		inLine = newRuneSet(quoteChars(inUse))
	}
	pairs = inUse
	var open []openQuote
	unclosed := func(q openQuote, why string) {
		reportLine(p, q.c, q.line, "pairs", "the quotation opened with "+string(q.pair.open)+" in "+lineNo(q.line)+
			" is never closed with "+string(q.pair.close)+" ("+why+"): "+quote(q.text),
			string(q.pair.close), "no "+string(q.pair.close))
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for k := range open {
			open[k].fresh = false
		}
		for j, l := range c.Lines {
			if !inLine.mayBeIn(&facts[j]) || !inLine.in(l.Text) {
				continue // none of the pairs' marks: nothing opens or closes here
			}
			atStart := true
			for i, r := range l.Text {
				if atStart && strings.ContainsRune(" -–—♪", r) {
					continue
				}
				lineStart := atStart
				atStart = false
				q, role := quoteRole(pairs, l.Text, i, r)
				switch role {
				case closes:
					k := len(open) - 1
					for k >= 0 && open[k].pair != q {
						k--
					}
					if k < 0 && q.open == q.close {
						continue // a straight " read as closing may open a quotation its neighbours hide (="5%")
					}
					if k < 0 {
						reportLine(p, c, j, "pairs", "the closing mark "+string(r)+" in "+lineNo(j)+
							" closes no open quotation: "+quote(l.Text), "an opening mark before it", string(r))
						continue
					}
					for _, inner := range open[k+1:] {
						unclosed(inner, "a quotation around it closes first")
					}
					open = open[:k]
				case opens:
					n := len(open)
					if lineStart && n > 0 && !open[n-1].fresh && open[n-1].pair == q {
						continue // the book style: a continued quotation re-opened
					}
					kept := open[:0]
					for _, o := range open {
						if o.pair == q && !o.fresh {
							unclosed(o, "the same mark opens another quotation in a later cue")
							continue
						}
						kept = append(kept, o)
					}
					open = append(kept, openQuote{pair: q, c: c, line: j, text: l.Text, fresh: true})
				}
			}
		}
	})
	for _, q := range open {
		unclosed(q, "the file ends")
	}
}

// quoteChars are the marks X019 reads on a line: the double quotation
// marks and the pairs' own.
func quoteChars(pairs []quotePair) string {
	chars := doubleQuotes
	for _, q := range pairs {
		chars += string(q.open) + string(q.close)
	}
	return chars
}

// otherOpeners are marks that close one style's pair but open another's:
// German closes „ with “, English opens with it; Danish opens with », French
// closes with it.
const otherOpeners = "“‘«»‹›"

// pairsInUse drops the pairs whose balance cannot be judged in this file:
// one whose opening mark the file never uses while its closing mark stands
// where a quotation opens (at a line start or after a space, before a
// letter), as another style's opener. A German file quoting “…” as English
// does would otherwise have every “ reported as closing nothing; X018
// reports its style once. A stray “ after a word is still judged.
func pairsInUse(p *rule.Pass, pairs []quotePair) []quotePair {
	var marks strings.Builder
	for _, q := range pairs {
		marks.WriteRune(q.open)
		marks.WriteRune(q.close)
	}
	set := newRuneSet(marks.String())
	used, opensAsOther := map[rune]bool{}, map[rune]bool{}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for j, l := range c.Lines {
			if !set.mayBeIn(&facts[j]) || !set.in(l.Text) {
				continue
			}
			for i, r := range l.Text {
				if !set.has(r) {
					continue
				}
				used[r] = true
				if strings.ContainsRune(otherOpeners, r) && straightRole(l.Text, i) == opens {
					opensAsOther[r] = true
				}
			}
		}
	})
	kept := pairs[:0:0]
	for _, q := range pairs {
		if used[q.open] || q.open == q.close || !opensAsOther[q.close] {
			kept = append(kept, q)
		}
	}
	return kept
}

type quoteMarkRole int

const (
	notAQuote quoteMarkRole = iota
	opens
	closes
)

// quoteRole tells whether r, at byte i of t, opens or closes one of pairs.
// A mark that both opens and closes (") is read from its neighbours.
func quoteRole(pairs []quotePair, t string, i int, r rune) (quotePair, quoteMarkRole) {
	for _, q := range pairs {
		switch {
		case q.open == r && q.close == r:
			return q, straightRole(t, i)
		case q.close == r:
			return q, closes
		case q.open == r:
			return q, opens
		}
	}
	return quotePair{}, notAQuote
}

// straightRole reads a straight " from its neighbours: after a space or at
// the start and before a letter it opens; after a letter or mark and
// before a space, a mark or the end it closes (after a digit too: "09");
// otherwise (letters or spaces on both sides) it is not judged.
func straightRole(t string, i int) quoteMarkRole {
	_, w := utf8.DecodeRuneInString(t[i:]) // the bytes as read: an invalid one is 1, not U+FFFD's 3
	prev, _ := utf8.DecodeLastRuneInString(t[:i])
	next, _ := utf8.DecodeRuneInString(t[i+w:])
	before := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{-–—♪", prev)
	after := i+w == len(t) || unicode.IsSpace(next) || unicode.IsPunct(next)
	switch {
	case unicode.IsDigit(prev):
		return closes // "09" closes; an inch mark (5'10") closes nothing and is let be
	case before && !after:
		return opens
	case !before && after:
		return closes
	}
	return notAQuote
}
