package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// ellipsisFix writes the pack's ellipsis for every run of exactly three
// full stops in line j (X004); longer runs are left, as the check leaves them.
func ellipsisFix(p *rule.Pass, c *cue.Cue, j int, want string) []rule.SuggestedFix {
	return textFix(p, c, j, "write "+want+" for \"...\""+cueLabel(c), func(_ int, t string) []textEdit {
		var out []textEdit
		dotRuns(t, func(at, n int) {
			if n == 3 {
				out = append(out, textEdit{at, at + 3, want})
			}
		})
		return out
	})
}

// spaceBeforeFix deletes the spaces before the marks of set in line j
// (X006), where the check reports them (not before an ellipsis opening a
// continuation, not on a line that is only a dash and the mark) and the
// mark plainly ends the word before the space: after a letter, digit or
// closing quote, and not itself followed by one. "?? ????" (text an earlier
// conversion lost) and "you ... ?" are left for a person.
func spaceBeforeFix(p *rule.Pass, c *cue.Cue, j int, set *runeSet) []rule.SuggestedFix {
	return textFix(p, c, j, "remove the space before the punctuation"+cueLabel(c), func(_ int, t string) []textEdit {
		var out []textEdit
		for i, r := range t {
			if i == 0 || !set.has(r) || !isSpaceRune(runeBefore(t, i)) || (r == '.' && continuationDots(t, i)) {
				continue
			}
			from := strings.TrimRightFunc(t[:i], isSpaceRune)
			if strings.TrimSpace(strings.TrimLeft(from, "-–— ")) == "" {
				continue
			}
			prev, next := runeBefore(from, len(from)), runeAt(t, i+utf8.RuneLen(r))
			if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune("\"'»”’)]", prev)) ||
				unicode.IsLetter(next) || unicode.IsDigit(next) {
				continue
			}
			out = append(out, textEdit{len(from), i, ""})
		}
		return out
	})
}

// frenchSpaceFix gives line j's high punctuation and guillemets the
// preferred space (X007), at the places the check counts: the space is
// inserted where none is and replaces a space the pack does not accept.
// The decision mirrors runFrenchPunctuationSpace mark for mark.
func frenchSpaceFix(p *rule.Pass, c *cue.Cue, j int, spaces map[rune]bool) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	want := preferredSpace(p.String("spaces"))
	ws := string(want)
	return textFix(p, c, j, "set "+codePoint(want)+" before high punctuation and inside guillemets"+cueLabel(c),
		func(_ int, t string) []textEdit {
			var out []textEdit
			// fixBefore fixes the space before the rune at byte i.
			fixBefore := func(i int) {
				prev := runeBefore(t, i)
				switch {
				case spaces[prev]:
				case isSpaceRune(prev):
					out = append(out, textEdit{i - utf8.RuneLen(prev), i, ws})
				default:
					out = append(out, textEdit{i, i, ws})
				}
			}
			for i, r := range t {
				switch r {
				case '!', '?', ':', ';':
					if i == 0 || !frenchMarkTakesSpace(t, i, r) {
						continue
					}
					fixBefore(i)
				case '«':
					k := i + len("«")
					if k >= len(t) {
						continue
					}
					next, n := utf8.DecodeRuneInString(t[k:])
					switch {
					case spaces[next]:
					case isSpaceRune(next):
						out = append(out, textEdit{k, k + n, ws})
					default:
						out = append(out, textEdit{k, k, ws})
					}
				case '»':
					if i > 0 {
						fixBefore(i)
					}
				}
			}
			return out
		})
}

// frenchMarkTakesSpace is the check's test that the mark at i (not the
// first) is a word's punctuation: after a letter, digit or closing quote,
// or after a space that follows one; not a colon in 10:30 or "://".
func frenchMarkTakesSpace(t string, i int, r rune) bool {
	prev := runeBefore(t, i)
	if isSpaceRune(prev) {
		before := t[:i-utf8.RuneLen(prev)]
		if before == "" {
			return false
		}
		prev2 := runeBefore(before, len(before))
		if !(unicode.IsLetter(prev2) || unicode.IsDigit(prev2)) {
			return false
		}
	} else if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune("»\"'’)]", prev)) {
		return false
	}
	if r == ':' {
		next, _ := utf8.DecodeRuneInString(t[i+1:])
		if unicode.IsDigit(next) || next == '/' {
			return false
		}
	}
	return true
}

// preferredSpace is the space X007's fix writes: the first the pack lists
// (U+00A0 in the French pack: U+202F is not in the Netflix Glyph List), or
// U+00A0 when the list cannot be read, for the same reason.
func preferredSpace(list string) rune {
	if toks := words(list); len(toks) > 0 {
		if set, err := parseRuneList(toks[0]); err == nil && len(set) == 1 {
			for r := range set {
				return r
			}
		}
	}
	return '\u00A0'
}

// collapsible reports a forbidden sequence X010's fix can collapse to one
// mark: the same mark twice, other than full stops (".." may be an
// ellipsis a person mistyped) and dashes ("--" is an interruption).
func collapsible(seq string) (rune, bool) {
	rs := []rune(seq)
	if len(rs) != 2 || rs[0] != rs[1] || rs[0] == '.' || rs[0] == '-' {
		return 0, false
	}
	return rs[0], true
}

// doubledFix collapses every run of a doubled mark that ends a word in
// line j to one (X010: "Stop!!" and "Stop!!!" become "Stop!"); nil when
// the line's sequences include one that cannot be collapsed safely (".."
// or "?!"), which needs a person. A run that is not at a word's end ("??
// ????") is text an earlier conversion lost, one '?' per character, and is
// left as it is.
func doubledFix(p *rule.Pass, c *cue.Cue, j int, seqs []string) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	marks := map[rune]bool{}
	for _, s := range seqs {
		if !containsSequence(c.Lines[j].Text, s) {
			continue
		}
		r, ok := collapsible(s)
		if !ok {
			return nil
		}
		marks[r] = true
	}
	return textFix(p, c, j, "collapse doubled punctuation"+cueLabel(c), func(_ int, t string) []textEdit {
		var out []textEdit
		for i := 0; i < len(t); {
			r, n := utf8.DecodeRuneInString(t[i:])
			if !marks[r] {
				i += n
				continue
			}
			end := i + n
			for strings.HasPrefix(t[end:], string(r)) {
				end += n
			}
			prev, next := runeBefore(t, i), runeAt(t, end)
			endsWord := unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune("\"'»”’)]", prev)
			if end > i+n && endsWord && !unicode.IsLetter(next) && !unicode.IsDigit(next) {
				out = append(out, textEdit{i + n, end, ""})
			}
			i = end
		}
		return out
	})
}

// fullWidthFix writes the full-width form of the half-width marks after
// CJK text in line j (X009: ? → ？). Marks forbidden at a line's end are
// not fixed: dropping or moving them is an editor's choice.
func fullWidthFix(p *rule.Pass, c *cue.Cue, j int, half string) []rule.SuggestedFix {
	return textFix(p, c, j, "write full-width punctuation after CJK text"+cueLabel(c), func(_ int, t string) []textEdit {
		return replaceRunes(t, func(i int, r rune) (string, bool) {
			if i == 0 || r >= 0x80 || !strings.ContainsRune(half, r) || !isCJK(runeBefore(t, i)) {
				return "", false
			}
			return string(r + 0xFEE0), true
		})
	})
}

// scriptPunctFix writes the script's own mark for each Latin one after a
// letter of that script in line j (X016: , → ، and ? → ؟ after Arabic).
func scriptPunctFix(p *rule.Pass, c *cue.Cue, j int, want map[rune]rune) []rule.SuggestedFix {
	return textFix(p, c, j, "write the script's own punctuation"+cueLabel(c), func(_ int, t string) []textEdit {
		return replaceRunes(t, func(i int, r rune) (string, bool) {
			own, ok := want[r]
			if !ok || i == 0 {
				return "", false
			}
			prev := runeBefore(t, i)
			return string(own), unicode.IsLetter(prev) && !unicode.Is(unicode.Latin, prev)
		})
	})
}

// dashFix writes line j's speaker dash as the language has it (X005): the
// guide's dash character (when the pack names one) followed by one space
// (style space) or none (no-space); style either keeps the spacing. Only
// in a cue whose every line starts with a speaker dash, where each dash is
// surely a speaker's; a missing dash, a Hebrew-style cue (second-only) and
// a file's consistent house style are left for a person.
func dashFix(p *rule.Pass, c *cue.Cue, j int, want rune, style string) []rule.SuggestedFix {
	if len(c.Lines) < 2 || style == "second-only" {
		return nil
	}
	for _, l := range c.Lines {
		if d, _ := speakerDash(l.Text); d == 0 {
			return nil
		}
	}
	return textFix(p, c, j, "write the speaker dash as the language does"+cueLabel(c), func(_ int, t string) []textEdit {
		d, rest := speakerDash(t)
		dash := string(d)
		if want != utf8.RuneError && want != 0 {
			dash = string(want)
		}
		after := strings.TrimLeft(rest, " \u00A0")
		switch style {
		case "space":
			dash += " "
		case "no-space":
		default:
			dash += rest[:len(rest)-len(after)]
		}
		if head := t[:len(t)-len(after)]; head != dash {
			return []textEdit{{0, len(head), dash}}
		}
		return nil
	})
}
