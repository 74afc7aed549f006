package checks

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
	"golang.org/x/text/unicode/runenames"
)

// The text family (X001–X017) checks what a viewer reads: the characters,
// punctuation, speaker dashes, italics, numbers and SDH conventions of each
// language's style guide. Every convention is a value in a language pack;
// a language whose pack gives no value (an empty list, a zero, enabled:
// false in defaults) does not run the rule, because a convention that is
// right for one language is an error in another.
var textRules = []*rule.Rule{GlyphNotAllowed, InvisibleCharacter, MixedScriptWord, ThreeDotEllipsis,
	DialogueDash, SpaceBeforePunctuation, FrenchPunctuationSpace, SpanishInvertedMarks, FullWidthPunctuation,
	DoubledPunctuation, ItalicsNotAllowed, ScriptPunctuation, CouldFitOneLine, NumberNotSpelledOut, SDHConventions, ForcedNotAllCaps, WeakLineEnd,
	// X018–X023: quotation marks, Chinese and Japanese punctuation and width, SDH label case, forced narratives.
	QuoteStyle, UnbalancedQuote, ChineseCommaPeriod, JapaneseCharacterWidth, SDHLabelCase, ForcedMixedWithDialogue}

// codePoint names a character for a message: "U+00A0 NO-BREAK SPACE".
func codePoint(r rune) string {
	s := fmt.Sprintf("U+%04X", r)
	if name := runenames.Name(r); name != "" && !strings.HasPrefix(name, "<") {
		s += " " + name
	}
	return s
}

// decodeRuneList reads a pack's list of characters: "U+00A0,U+202F" or the
// characters themselves ("«»"), mixed freely; commas and spaces separate
// U+ tokens and are not themselves listed.
func decodeRuneList(s string) (map[rune]bool, error) {
	out := map[rune]bool{}
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		if strings.HasPrefix(tok, "U+") || strings.HasPrefix(tok, "u+") {
			n, err := strconv.ParseUint(tok[2:], 16, 32)
			if err != nil || !utf8.ValidRune(rune(n)) {
				return nil, fmt.Errorf("%q is not a code point (write U+00A0)", tok)
			}
			out[rune(n)] = true
			continue
		}
		for _, r := range tok {
			out[r] = true
		}
	}
	return out, nil
}

// words splits a pack's space- or comma-separated list.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}

// badParam reports a pack value the rule cannot use, once per file, on the
// file: the rule then does not run (a wrong value must not pass silently).
func badParam(p *rule.Pass, param string, err error) {
	p.Report(rule.Finding{Message: "parameter " + param + " of " + p.Rule.ID() + " is unusable: " + err.Error() +
		"; the rule did not run", Source: p.Source(param)})
}

// textCues calls fn for every displayed cue with text: not a comment,
// and with a line that is not blank. Which cues those are the line facts
// tell (textFactsOf), taken once per file for every text rule.
func textCues(p *rule.Pass, fn func(c *cue.Cue)) {
	idx, _ := textFactsOf(p)
	for _, i := range idx {
		fn(&p.Doc.Cues[i])
	}
}

// quote shows a line in a message, shortened when long.
func quote(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max]) + "…"
	}
	return "\"" + s + "\""
}

// lineNo is "line 2" for display line j (0-based).
func lineNo(j int) string { return "line " + itoa(int64(j+1)) }

// heldFinding is one departure from a typographic convention, held back
// until the whole file is seen: a departure the file makes everywhere is
// one house style, reported once, not hundreds of times.
type heldFinding struct {
	c        *cue.Cue
	line     int // display line, -1 for the cue
	message  string
	expected string
	actual   string
	fixes    []rule.SuggestedFix // offered when the departure is reported on its own
}

// houseStyleMin is how many times a file must repeat a departure, on at
// least houseStyleShare of the lines where it could, to be reported once as
// the file's style.
const (
	houseStyleMin   = 10
	houseStyleShare = 0.8
	// speakerChangeShare: a file that dashes a fifth of its cues although
	// one person speaks in them marks every change of speaker on purpose.
	speakerChangeShare = 0.2
)

// emit reports a held finding, about line d.line or the whole cue.
func (d heldFinding) emit(p *rule.Pass, param string) {
	if d.line >= 0 {
		reportLine(p, d.c, d.line, param, d.message, d.expected, d.actual, d.fixes...)
	} else {
		p.ReportCueFix(d.c, param, d.message, d.expected, d.actual, d.fixes...)
	}
}

// reportHouseStyle reports a file's departures from a convention: one
// finding, at the first, with the count, when the file departs at least
// houseStyleMin times and on at least share of the places it could (of);
// else each one.
func reportHouseStyle(p *rule.Pass, list []heldFinding, of int, share float64, param, what string) {
	reportHouseStyleN(p, list, len(list), of, share, param, what)
}

// reportHouseStyleN is reportHouseStyle where the list holds one finding
// per line but the file departs n times.
func reportHouseStyleN(p *rule.Pass, list []heldFinding, n, of int, share float64, param, what string) {
	if n >= houseStyleMin && float64(n) >= share*float64(of) && len(list) > 0 {
		d := list[0]
		// The file's own style is an editorial choice (Canadian French
		// typography): no fix rewrites it.
		d.fixes = nil
		d.message = "the file's own style on " + itoa(int64(n)) + " of " + itoa(int64(of)) + " " + what +
			" (first here): " + d.message
		d.emit(p, param)
		return
	}
	for _, d := range list {
		d.emit(p, param)
	}
}
