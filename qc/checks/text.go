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

// The text family (X001–X015) checks what a viewer reads: the characters,
// punctuation, speaker dashes, italics, numbers and SDH conventions of each
// language's style guide. Every convention is a value in a language pack;
// a language whose pack gives no value (an empty list, a zero, enabled:
// false in defaults) does not run the rule, because a convention that is
// right for one language is an error in another.
var textRules = []*rule.Rule{GlyphNotAllowed, InvisibleCharacter, MixedScriptWord, ThreeDotEllipsis,
	DialogueDash, SpaceBeforePunctuation, FrenchPunctuationSpace, SpanishInvertedMarks, FullWidthPunctuation,
	DoubledPunctuation, ItalicsNotAllowed, NumberNotSpelledOut, SDHConventions, ForcedNotAllCaps, WeakLineEnd}

// codePoint names a character for a message: "U+00A0 NO-BREAK SPACE".
func codePoint(r rune) string {
	s := fmt.Sprintf("U+%04X", r)
	if name := runenames.Name(r); name != "" && !strings.HasPrefix(name, "<") {
		s += " " + name
	}
	return s
}

// parseRuneList reads a pack's list of characters: "U+00A0,U+202F" or the
// characters themselves ("«»"), mixed freely; commas and spaces separate
// U+ tokens and are not themselves listed.
func parseRuneList(s string) (map[rune]bool, error) {
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

// textCues calls fn for every displayed cue with text.
func textCues(p *rule.Pass, fn func(c *cue.Cue)) {
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || blank(c) {
			continue
		}
		fn(c)
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
