package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// Chinese and Japanese rules that X009 (full-width ？！： and line ends)
// does not cover: Simplified Chinese writes no commas or full stops at
// all, and Japanese writes short acronyms and single digits full-width.
var (
	ChineseCommaPeriod = &rule.Rule{
		Code: "X020", Name: "chinese-comma-period", Family: "text",
		Summary: "A comma or full stop in Chinese text whose guide replaces them with a space",
		Doc: "The Netflix Simplified Chinese guide uses no commas or full stops: a single space separates the " +
			"phrases, and a line ends with no mark. Reported: each mark of the pack's list in a line, the " +
			"full-width ones (，。) anywhere, the half-width ones (, .) next to a Chinese character (so 3.5, " +
			"1,000, Mr. (also Mr.王) and an ellipsis are left alone; X004 judges the ellipsis). A file that punctuates so " +
			"throughout is reported once, with the count. X009 keeps judging ？！： and, for Traditional Chinese, " +
			"the line ends. marks empty: not checked. Replace the mark with a space (nothing at a line end).",
		Params: []rule.ParamSpec{{Name: "marks", Kind: rule.KindString,
			Doc: "the commas and full stops the language does not write (\"，。 U+002C .\": a bare comma separates the list); empty: not checked"}},
		Run: runChineseCommaPeriod, DefaultSeverity: rule.Warning,
	}
	JapaneseCharacterWidth = &rule.Rule{
		Code: "X021", Name: "japanese-character-width", Family: "text",
		Summary: "A short acronym or a single digit in half-width where the Japanese guide wants full-width",
		Doc: "The Netflix Japanese guide writes acronyms in full-width letters without periods or spaces (ＢＢＣ, " +
			"ＣＩＡ) and recommends half-width only when an acronym is longer than 5 characters (LGBTQ+, NASDAQ); " +
			"in horizontal subtitles a single-digit number is full-width (１人) and longer numbers half-width. " +
			"Reported: a half-width run of capitals (with + or &, no digits: AB34 is a code) of 2 to acronym_max characters that is not " +
			"part of a Latin phrase (a Latin word next to it across spaces and punctuation: OK, BOSS), and, when full_width_digits is true, a lone half-width digit not part " +
			"of a larger number, time or decimal. A line with no kana or Han character is not judged. Vertical subtitles are not told apart (the readers do not record " +
			"the writing direction), so a file of vertical subtitles may want this rule off. acronym_max 0 and " +
			"full_width_digits false: not checked.",
		Params: []rule.ParamSpec{
			{Name: "acronym_max", Kind: rule.KindInt, Doc: "acronyms of up to this many characters are full-width; 0: not checked"},
			{Name: "full_width_digits", Kind: rule.KindBool, Doc: "true: a single-digit number is full-width"},
		},
		Run: runJapaneseCharacterWidth, DefaultSeverity: rule.Warning,
	}
)

// isHan reports a Chinese character (or the CJK marks between them).
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func runChineseCommaPeriod(p *rule.Pass) {
	marks, err := parseRuneList(p.String("marks"))
	if err != nil {
		badParam(p, "marks", err)
		return
	}
	if len(marks) == 0 {
		return
	}
	var held []heldFinding
	places := 0 // lines where the file separated phrases: with a mark or with a space
	textCues(p, func(c *cue.Cue) {
		for j, l := range c.Lines {
			bad := chineseMarks(l.Text, marks)
			if len(bad) == 0 {
				if spaceBetweenHan(l.Text) {
					places++
				}
				continue
			}
			places++
			held = append(held, heldFinding{c: c, line: j,
				message: lineNo(j) + " has " + itoa(int64(len(bad))) + " comma(s) or full stop(s) (" + string(bad) +
					"); this language separates phrases with a single space: " + quote(l.Text),
				expected: "a single space", actual: string(bad), fixes: chineseMarkFix(p, c, j, marks)})
		}
	})
	reportHouseStyle(p, held, places, houseStyleShare, "marks", "lines that separate phrases")
}

// chineseMarks lists the forbidden marks of a line: full-width ones
// anywhere, half-width ones only next to a Chinese character.
func chineseMarks(t string, marks map[rune]bool) []rune {
	var out []rune
	for i, r := range t {
		if chineseMarkAt(t, i, r, marks) {
			out = append(out, r)
		}
	}
	return out
}

// chineseMarkAt reports whether r, at byte i of t, is a mark X020 reports.
func chineseMarkAt(t string, i int, r rune, marks map[rune]bool) bool {
	if !marks[r] {
		return false
	}
	if r < utf8.RuneSelf {
		prev, _ := utf8.DecodeLastRuneInString(t[:i])
		next, _ := utf8.DecodeRuneInString(t[i+1:])
		if !isHan(prev) && !isHan(next) || prev == r || next == r {
			return false // Latin text, a number, or a run of dots
		}
		if r == '.' && (prev|0x20 >= 'a' && prev|0x20 <= 'z') {
			return false // Mr.王: an abbreviation's dot, not a full stop
		}
	}
	return true
}

// spaceBetweenHan reports a line that separates phrases the guide's way.
func spaceBetweenHan(t string) bool {
	for i := strings.IndexByte(t, ' '); i > 0 && i+1 < len(t); i = nextSpace(t, i) {
		prev, _ := utf8.DecodeLastRuneInString(t[:i])
		next, _ := utf8.DecodeRuneInString(t[i+1:])
		if isHan(prev) && isHan(next) {
			return true
		}
	}
	return false
}

func nextSpace(t string, i int) int {
	k := strings.IndexByte(t[i+1:], ' ')
	if k < 0 {
		return -1
	}
	return i + 1 + k
}

// halfWidthAlnum is a character of an ASCII acronym or number.
func halfWidthAlnum(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '&'
}

func runJapaneseCharacterWidth(p *rule.Pass) {
	max, digits := p.Int("acronym_max"), p.Bool("full_width_digits")
	if max <= 0 && !digits {
		return
	}
	textCues(p, func(c *cue.Cue) {
		for j, l := range c.Lines {
			if !hasJapanese(l.Text) {
				continue // a line of Latin text only (a note, a sign in English): no Japanese to set it in
			}
			for _, tok := range halfWidthTokens(l.Text) {
				switch {
				case max > 0 && isAcronym(tok.text) && len(tok.text) <= int(max) && !tok.latinPhrase:
					reportLine(p, c, j, "acronym_max", "the acronym "+tok.text+" in "+lineNo(j)+" is half-width; "+
						"acronyms of up to "+itoa(max)+" characters are full-width ("+fullWidth(tok.text)+"): "+quote(l.Text),
						fullWidth(tok.text), tok.text, acronymFix(p, c, j, tok)...)
				case digits && len(tok.text) == 1 && tok.text[0] >= '0' && tok.text[0] <= '9' && !tok.number:
					reportLine(p, c, j, "full_width_digits", "the single digit "+tok.text+" in "+lineNo(j)+
						" is half-width; a one-digit number is full-width ("+fullWidth(tok.text)+"): "+quote(l.Text),
						fullWidth(tok.text), tok.text)
				}
			}
		}
	})
}

// halfToken is a run of half-width letters, digits, + and &.
type halfToken struct {
	text string
	at   int // byte offset in the line
	// latinPhrase: another Latin word is next to it, across a space
	// (an English phrase quoted in the subtitle, not an acronym in
	// Japanese text).
	latinPhrase bool
	// number: the run is part of a larger number, a time or a decimal
	// (1.5, 10:30, 1/2).
	number bool
}

func halfWidthTokens(t string) []halfToken {
	var out []halfToken
	for i := 0; i < len(t); {
		if !halfWidthAlnum(rune(t[i])) {
			i++
			continue
		}
		k := i
		for k < len(t) && halfWidthAlnum(rune(t[k])) {
			k++
		}
		tok := halfToken{text: t[i:k], at: i}
		before, after := t[:i], t[k:]
		tok.latinPhrase = latinWordAcross(before, true) || latinWordAcross(after, false)
		tok.number = strings.HasSuffix(before, ".") || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "/") ||
			strings.HasSuffix(before, ",") || numberContinues(after)
		out = append(out, tok)
		i = k
	}
	return out
}

// latinWordAcross reports a half-width letter at the end (before) or start
// (after) of s, across a gap of spaces, Latin punctuation and brackets that
// holds a space: "I LOVE", "OK, BOSS", "Auto (TBLR)" are words of a Latin
// phrase (a run of capital words is not an acronym); "CIAとUSA",
// "BBC、NHK" and "記者(BBC)" are not.
func latinWordAcross(s string, before bool) bool {
	const gap = " ,.!?;:'\"()"
	var rest string
	if before {
		rest = strings.TrimRight(s, gap)
	} else {
		rest = strings.TrimLeft(s, gap)
	}
	between := s[len(rest):]
	if !before {
		between = s[:len(s)-len(rest)]
	}
	if !strings.Contains(between, " ") {
		return false
	}
	var r rune
	if before {
		r, _ = utf8.DecodeLastRuneInString(rest)
	} else {
		r, _ = utf8.DecodeRuneInString(rest)
	}
	return r < utf8.RuneSelf && unicode.IsLetter(r)
}

// hasJapanese reports a line with a kana or a Han character.
func hasJapanese(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			return true
		}
	}
	return false
}

// numberContinues reports ".5", ":30", ",000" or "/2" after digits.
func numberContinues(after string) bool {
	return len(after) >= 2 && strings.ContainsRune(".:,/", rune(after[0])) && after[1] >= '0' && after[1] <= '9'
}

// isAcronym: at least two capitals, with + or & but no lower-case letter
// or digit (AB34 is a code, and digits have their own rule).
func isAcronym(s string) bool {
	caps := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			caps++
		case r != '+' && r != '&':
			return false
		}
	}
	return caps >= 2
}

// fullWidth maps ASCII letters, digits and signs to their full-width forms.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7F {
			return r - '!' + '！'
		}
		return r
	}, s)
}
