package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// chineseMarkFix removes the commas and full stops X020 reports in line j:
// inside the line each becomes one space (none when a space is already
// beside it), and one that ends the line (nothing but closing quotes or
// brackets after it) is deleted with the spaces before it. One before a
// closing quote inside the line (他说“好。”然后) is deleted too, with the
// spaces beside it: the quote already ends the phrase. A line with two
// marks in a row (。。。 is an ellipsis someone typed) or with nothing but
// marks is left for a person.
func chineseMarkFix(p *rule.Pass, c *cue.Cue, j int, marks map[rune]bool) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	return textFix(p, c, j, "replace the commas and full stops with spaces"+cueLabel(c), func(_ int, t string) []textEdit {
		if strings.TrimFunc(t, func(r rune) bool { return marks[r] || unicode.IsSpace(r) }) == "" {
			return nil // a line of marks alone would be left empty: a person decides what it held
		}
		var out []textEdit
		for i, r := range t {
			if !chineseMarkAt(t, i, r, marks) {
				continue
			}
			end := i + utf8.RuneLen(r)
			if marks[runeAt(t, end)] || marks[runeBefore(t, i)] {
				return nil
			}
			before := strings.TrimRight(t[:i], " \u3000")
			rest := strings.TrimLeft(t[end:], " \u3000")
			switch {
			case lineEndsAfter(rest):
				out = append(out, textEdit{len(before), end, ""})
			case closesAt(t, len(t)-len(rest)):
				// “好。”然后: the quote ends the phrase, so the mark goes
				// with the spaces around it; a space would sit inside the quote.
				out = append(out, textEdit{len(before), len(t) - len(rest), ""})
			case len(before) < i || len(rest) < len(t)-end || before == "":
				out = append(out, textEdit{i, end, ""}) // a space is already there, or the line starts here
			default:
				out = append(out, textEdit{i, end, " "})
			}
		}
		return out
	})
}

// lineEndsAfter reports text that holds nothing but closing quotes and
// brackets: a mark before it ends the line's last phrase.
func lineEndsAfter(rest string) bool {
	for _, r := range rest {
		if !unicode.In(r, unicode.Pe, unicode.Pf) && r != '"' && r != ' ' {
			return false
		}
	}
	return true
}

// closesAt reports a closing quote or bracket at byte k of t: Unicode
// Pe or Pf, or a straight '"' after an odd number of them (the second of
// a pair; the first opens).
func closesAt(t string, k int) bool {
	r := runeAt(t, k)
	if r == '"' {
		return strings.Count(t[:k], `"`)%2 == 1
	}
	return unicode.In(r, unicode.Pe, unicode.Pf)
}

// acronymFix writes the full-width form of the acronym tok in line j (X021:
// BBC → ＢＢＣ).
func acronymFix(p *rule.Pass, c *cue.Cue, j int, tok halfToken) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	return textFix(p, c, j, "write the acronym "+tok.text+" full-width"+cueLabel(c), func(_ int, t string) []textEdit {
		if !strings.HasPrefix(t[tok.at:], tok.text) {
			return nil
		}
		return []textEdit{{tok.at, tok.at + len(tok.text), fullWidth(tok.text)}}
	})
}
