package checks

import (
	"github.com/exportqc/exportqc/qc/lang"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textcount"
)

var (
	ItalicsNotAllowed = &rule.Rule{
		Code: "X011", Name: "italics-not-allowed", Family: "text",
		Summary: "Italics in a language whose guide does not use them",
		Doc: "Arabic, Hebrew, Hindi, Korean, Thai and Chinese guides do not use italics (the scripts have no italic " +
			"form; slanted glyphs are hard to read), and Subtitle Edit strips them for these languages. Off by " +
			"default; the language packs of those languages enable it. Japanese italics are allowed only as IMSC " +
			"tts:shear, which is not checked here. Remove the <i> tags and convey the emphasis another way.",
		Run: runItalicsNotAllowed, DefaultSeverity: rule.Warning,
	}
	NumberNotSpelledOut = &rule.Rule{
		Code: "X012", Name: "number-not-spelled-out", Family: "text",
		Summary: "A small number is written in digits, or a sentence starts with a number",
		Doc: "The Netflix English guide spells out the numbers from 1 to spell_out_max (10) and a number that starts a " +
			"sentence. Digits that are part of a time (10:30), a decimal, a measure or a name (3D, 1st, $5, 5%, #2) " +
			"are not reported, nor a speaker label (MAN 2:), a number within two words of another (80 to 1, 2 by 2), " +
			"after a colon or next to an arithmetic sign or one of the pack's context_words (Room 5, Chapter 3, 2 times x). A cue that carries on the previous cue's sentence does not start one. spell_out_max " +
			"0 and sentence_start false: not checked.",
		Params: []rule.ParamSpec{
			{Name: "spell_out_max", Kind: rule.KindInt, Doc: "numbers from 1 up to this are spelled out; 0: not checked"},
			{Name: "sentence_start", Kind: rule.KindBool, Doc: "true: a number starting a sentence is spelled out"},
			{Name: "context_words", Kind: rule.KindString, Doc: "words that make a number next to them a name, a label or part of a formula (room 5, page 3, 2 times x), separated by spaces"},
		},
		Run: runNumberNotSpelledOut, DefaultSeverity: rule.Info,
	}
	SDHConventions = &rule.Rule{
		Code: "X013", Name: "sdh-conventions", Family: "text",
		Summary: "An SDH label is in ( ) or { } instead of [ ], or a lyric's music notes are unbalanced",
		Doc: "Subtitles for the deaf and hard of hearing put sound and speaker labels in square brackets " +
			"([DOOR SLAMS], [JOHN]) and open and close each lyric subtitle with ♪. Checked only in SDH files: every " +
			"file when all_files is true (set by --variant sdh), else files whose name says sdh " +
			"(Title.en.sdh.srt, Title_SDH_en.vtt) or whose delivery manifest says kind: sdh. Change " +
			"( ) and { } around labels to [ ]; put ♪ at both ends of a lyric. The label reported is the innermost pair " +
			"holding text, so an unclosed bracket is not part of it (\"(whispering (softly)\" reports (softly) and says " +
			"the line's brackets are nested or unclosed); an empty () is not a label. A label stands at the start of " +
			"its line (after a speaker dash) or ends it after a sentence (\"Who is it? {KNOCKING}\") and holds at least two letters: brackets inside " +
			"a sentence (\"Call me at (555) 123-4567\", \"I (really) mean it\") are the author's and not reported.",
		Params: []rule.ParamSpec{{Name: "all_files", Kind: rule.KindBool, Doc: "true: treat every file as SDH"}},
		Run:    runSDHConventions, DefaultSeverity: rule.Warning,
	}
	ForcedNotAllCaps = &rule.Rule{
		Code: "X014", Name: "forced-not-all-caps", Family: "text",
		Summary: "A forced-narrative subtitle is not in capitals where the guide wants ALL CAPS",
		Doc: "English and Turkish guides write forced narratives (translations of on-screen text) in ALL CAPS. " +
			"Checked in files whose delivery manifest says kind: forced or whose name says forced or fn " +
			"(Title.en.forced.ttml), when the language pack sets " +
			"all_caps. Retype the text in capitals.",
		Params: []rule.ParamSpec{{Name: "all_caps", Kind: rule.KindBool, Doc: "true: forced narratives are ALL CAPS"}},
		Run:    runForcedNotAllCaps, DefaultSeverity: rule.Warning,
	}
	CouldFitOneLine = &rule.Rule{
		Code: "X017", Name: "could-fit-one-line", Family: "text",
		Summary: "A two-line cue would fit on one line",
		Doc: "Netflix keeps a subtitle to one line unless it exceeds the line limit: two short lines make the eye " +
			"jump for nothing. Reported when a two-line cue joined with a space is within max_chars; a two-speaker " +
			"cue (dashed lines) and a cue with a sound-label line stay on two lines and are not reported. Advice " +
			"(info). max_chars is the language's line limit, repeated here from L001 because a rule sees only its " +
			"own parameters; 0: not checked. Counted as L001 counts, half-width characters fully. Off by default " +
			"(--enable X017): files broken for 37-column broadcast teletext would report most of their cues.",
		Params: []rule.ParamSpec{{Name: "max_chars", Kind: rule.KindFloat, Doc: "the line limit the joined text must fit; 0: not checked"}},
		Run:    runCouldFitOneLine, DefaultSeverity: rule.Info,
	}
	WeakLineEnd = &rule.Rule{
		Code: "X015", Name: "weak-line-end", Family: "text",
		Summary: "A line ends in an article, preposition or conjunction that would fit on the next line",
		Doc: "Guides break lines after punctuation and before conjunctions and prepositions, never between an " +
			"article and its noun. Reported when a line that is not the last ends with one of the pack's words and " +
			"moving that word to the start of the next line keeps it within max_chars. Advice only (info): a break " +
			"is also a matter of balance and sense. words empty: not checked.",
		Params: []rule.ParamSpec{
			{Name: "words", Kind: rule.KindString, Doc: "words a line should not end with, separated by spaces; empty: not checked"},
			{Name: "max_chars", Kind: rule.KindFloat, Doc: "the line length the moved word must still fit in"},
		},
		Run: runWeakLineEnd, DefaultSeverity: rule.Info,
	}
)

// fileKind is a file's kind (sdh, forced, …): sdh or forced when its
// delivery manifest says so, else what its name states, read by the one
// kind-word list in qc/lang that the delivery inference also uses (the
// manifest's kinds and qc/lang's are the same words). A manifest's plain
// "subtitles" does not hide a name's sdh: checksum lists and other
// manifests that guess kinds from extensions say "subtitles" for every
// text file.
//
// Four rules ask, and parsing the name's language tag is most of the cost
// of those that then find nothing to do: the answer is kept for the file.
func fileKind(p *rule.Pass) string {
	f := p.File
	if f.Kind == lang.KindSDH || f.Kind == lang.KindForced {
		return f.Kind
	}
	return p.Memo(fileKindKey{}, func() any { return lang.ParseFileName(f.Path).Kind }).(string)
}

type fileKindKey struct{}

func runItalicsNotAllowed(p *rule.Pass) {
	textCues(p, func(c *cue.Cue) {
		for j, l := range c.Lines {
			if l.Italic() {
				reportLine(p, c, j, "", lineNo(j)+" is in italics, which this language's guide does not use: "+quote(l.Text),
					"no italics", "italics", italicsFix(p, c)...)
				return
			}
		}
	})
}

// endsSentence reports whether text ends a sentence (a final . ? ! not
// part of an ellipsis, before closing quotes or brackets).
func endsSentence(text string) bool {
	if n := len(text); n > 0 {
		// The common line ends in an ASCII character that is not trimmed:
		// decided by that byte, without trimming.
		if b := text[n-1]; b < utf8.RuneSelf && b != ' ' && b != '"' && b != '\'' && b != ')' && b != ']' {
			if b == '.' {
				return n < 2 || text[n-2] != '.'
			}
			return b == '?' || b == '!'
		}
	}
	t := strings.TrimRight(text, " \"'»”’)]♪")
	if strings.HasSuffix(t, "..") {
		return false
	}
	r := lastRune(t)
	return r == '.' || r == '?' || r == '!' || r == '？' || r == '！' || r == '。'
}

var smallNumbers = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// decodeContextWords reads X012's context_words as a set, lower-cased.
func decodeContextWords(v string) map[string]bool {
	context := map[string]bool{}
	for _, w := range words(strings.ToLower(v)) {
		context[w] = true
	}
	return context
}

func runNumberNotSpelledOut(p *rule.Pass) {
	max, atStart := p.Int("spell_out_max"), p.Bool("sentence_start")
	if max <= 0 && !atStart {
		return
	}
	context := contextWords(p.String("context_words"))
	if !fileFacts(p).ascii.meets(digits) {
		return // no number in the file
	}
	prevEnds := true
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		startsSentence := prevEnds
		// The cue's last line decides as its whole text would (the lines
		// are joined with newlines, which endsSentence does not trim), and
		// joining them for every cue was most of this rule's cost.
		last := ""
		if n := len(c.Lines); n > 0 {
			last = c.Lines[n-1].Text
		}
		prevEnds = endsSentence(last)
		for j, l := range c.Lines {
			if !facts[j].ascii.meets(digits) {
				continue // no number on the line
			}
			t := l.Text
			for i := 0; i < len(t); {
				if t[i] < '0' || t[i] > '9' {
					i++
					continue
				}
				k := i
				for k < len(t) && t[k] >= '0' && t[k] <= '9' {
					k++
				}
				start, end := i, k
				i = k
				if partOfMeasure(t, start, end) || inContext(t, start, end, context) {
					continue
				}
				n, _ := strconv.ParseInt(t[start:end], 10, 64)
				if atStart && sentenceStartAt(t, start, j == 0 && startsSentence) && (end >= len(t) || t[end] != ':') {
					reportLine(p, c, j, "sentence_start", "a sentence starts with the number "+t[start:end]+" in "+lineNo(j)+
						"; spell it out or rephrase: "+quote(t), "a word", t[start:end])
					continue
				}
				if n >= 1 && n <= max && end-start == len(strconv.FormatInt(n, 10)) {
					spelled := ""
					if n < int64(len(smallNumbers)) {
						spelled = " (\"" + smallNumbers[n] + "\")"
					}
					reportLine(p, c, j, "spell_out_max", "the number "+t[start:end]+" in "+lineNo(j)+" should be spelled out"+
						spelled+": "+quote(t), "words for 1–"+itoa(max), t[start:end])
				}
			}
		}
	})
}

// partOfMeasure reports digits that belong to a time, decimal, ordinal,
// measure, amount or code rather than standing as a count.
func partOfMeasure(t string, start, end int) bool {
	if start > 0 {
		prev, _ := utf8.DecodeLastRuneInString(t[:start])
		if unicode.IsLetter(prev) || strings.ContainsRune("$£€¥#:./,-+№", prev) {
			return true
		}
	}
	if end < len(t) {
		next, n := utf8.DecodeRuneInString(t[end:])
		if unicode.IsLetter(next) || strings.ContainsRune("%°'’", next) {
			return true
		}
		if strings.ContainsRune(":.,/-", next) && end+n < len(t) && t[end+n] >= '0' && t[end+n] <= '9' {
			return true
		}
	}
	return false
}

// inContext reports a number that names or labels something, or sits in a
// formula: after a colon or an arithmetic sign, or next to a context word.
func inContext(t string, start, end int, context map[string]bool) bool {
	before := strings.TrimRight(t[:start], " ")
	after := strings.TrimLeft(t[end:], " ")
	if b := lastRune(before); strings.ContainsRune(":=+×*/", b) {
		return true
	}
	if a, _ := utf8.DecodeRuneInString(t[end:]); a == ':' {
		return true // a speaker label, "MAN 2:"
	}
	if a, _ := utf8.DecodeRuneInString(after); strings.ContainsRune("=+×*", a) {
		return true
	}
	// A number within two words of another is part of a figure written in
	// digits (80 to 1, a 2 by 2 matrix, between 5 and 15), kept consistent.
	if hasDigit(lastWords(before, 2)) || hasDigit(firstWords(after, 2)) {
		return true
	}
	prevWord := before[strings.LastIndexAny(before, " \"'(")+1:]
	nextWord := after
	if i := strings.IndexAny(after, " ,.;:!?"); i >= 0 {
		nextWord = after[:i]
	}
	return context[strings.ToLower(strings.TrimRight(prevWord, ".,"))] || context[strings.ToLower(nextWord)]
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(0, len(f)-n):], " ")
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// sentenceStartAt reports whether the digits at i start a sentence: they
// open the line (after a speaker dash or music note) and the line starts
// one, or they follow ". " "? " "! ".
func sentenceStartAt(t string, i int, lineStartsSentence bool) bool {
	before := strings.TrimRight(t[:i], " ")
	if strings.TrimLeft(before, "-–—♪ ") == "" {
		return lineStartsSentence || strings.TrimSpace(before) != ""
	}
	if len(before) == i {
		return false // no space between the sentence end and the number
	}
	return endsSentence(before) && !strings.HasSuffix(before, "...")
}

func runSDHConventions(p *rule.Pass) {
	if !p.Bool("all_files") && fileKind(p) != lang.KindSDH {
		return
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		if !anyLine(facts, sdhBrackets, hasNote) {
			return // no bracket to judge and no music note to count
		}
		for j, l := range c.Lines {
			for _, br := range [][2]byte{{'(', ')'}, {'{', '}'}} {
				a, b := labelPair(l.Text, br[0], br[1])
				if a < 0 && opensLine(l.Text, br[0]) && !bracketsPair(l.Text, br[0], br[1]) {
					a, b = innermostPair(l.Text, br[0], br[1]) // a broken label: a person sorts it out
				}
				if a < 0 {
					continue
				}
				label := l.Text[a : b+1]
				fixed := "[" + label[1:len(label)-1] + "]"
				pair := string(br[0]) + " " + string(br[1])
				msg := "SDH label " + quote(label) + " in " + lineNo(j) + " is in " + pair + "; SDH labels use [ ]: " + fixed
				if !bracketsPair(l.Text, br[0], br[1]) {
					msg += " (the line's " + pair + " are nested or unclosed: " + quote(l.Text) + ")"
				}
				reportLine(p, c, j, "", msg, fixed, label, sdhBracketFix(p, c, j)...)
				break
			}
		}
		text := c.Text()
		notes := strings.Count(text, "♪") + strings.Count(text, "♫")
		lyric := strings.IndexFunc(text, unicode.IsLetter) >= 0
		if notes%2 == 1 && lyric {
			p.ReportCue(c, "", "the lyric has "+itoa(int64(notes))+" music note(s): open and close it with ♪: "+quote(text),
				"♪ … ♪", itoa(int64(notes))+" note(s)")
		}
	})
}

// innermostPair returns the byte offsets of the first bracket pair in t
// that holds text, each closing bracket matched with the nearest opening
// one before it: "(whispering (softly)" is an unclosed "(" and the label
// "(softly)", never one label spanning both; an empty "()" is not a label,
// so "(move \pos())" is one. -1, -1: none.
func innermostPair(t string, open, close byte) (int, int) {
	var opens []int
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case open:
			opens = append(opens, i)
		case close:
			if len(opens) == 0 {
				continue // closed without opening: not a label's end
			}
			a := opens[len(opens)-1]
			opens = opens[:len(opens)-1]
			if strings.TrimSpace(t[a+1:i]) != "" {
				return a, i
			}
		}
	}
	return -1, -1
}

// labelPairs returns the byte offsets of the ( ) or { } pairs that stand
// as SDH labels in t: one that opens the line (after a speaker dash), or
// one that ends it after a sentence ("Who is it? {KNOCKING}"), holding at
// least two letters and no other bracket and not glued to a word
// ("(DOOR SLAMS)", "- (sighs) Fine."). A pair inside a sentence ("Call me
// at (555) 123-4567", "I (really) mean it") may be the author's own
// brackets, so it is not read as a label.
func labelPairs(t string, open, close byte) [][2]int {
	var out [][2]int
	if opensLine(t, open) {
		a := strings.IndexByte(t, open)
		if b := strings.IndexByte(t[a:], close); b > 0 && holdsLabel(t, a, a+b) {
			out = append(out, [2]int{a, a + b})
		}
	}
	end := strings.TrimRight(t, " ")
	if a := strings.LastIndexByte(end, open); a > 0 && strings.HasSuffix(end, string(close)) &&
		endsSentence(strings.TrimRight(t[:a], " ")) && t[a-1] == ' ' && holdsLabel(t, a, len(end)-1) {
		if len(out) == 0 || out[0][0] != a {
			out = append(out, [2]int{a, len(end) - 1})
		}
	}
	return out
}

// labelPair is the first of labelPairs: -1, -1 when there is none.
func labelPair(t string, open, close byte) (int, int) {
	if l := labelPairs(t, open, close); len(l) > 0 {
		return l[0][0], l[0][1]
	}
	return -1, -1
}

// holdsLabel reports whether t[a:b+1], a bracket pair, can hold a label: at
// least two letters, no other bracket, and a space, a colon ("( giggles ):"
// introduces the line) or the line's end after it ("(wo)man" is part of a
// word).
func holdsLabel(t string, a, b int) bool {
	inside := t[a+1 : b]
	letters := 0
	for _, r := range inside {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && !strings.ContainsAny(inside, "(){}[]") && (b+1 == len(t) || t[b+1] == ' ' || t[b+1] == ':')
}

// opensLine reports whether t starts with the bracket open, after spaces
// and a speaker dash.
func opensLine(t string, open byte) bool {
	rest := strings.TrimLeft(t, " ")
	for _, dash := range []string{"-", "–", "—"} {
		rest = strings.TrimPrefix(rest, dash)
	}
	rest = strings.TrimLeft(rest, " ")
	return rest != "" && rest[0] == open
}

// bracketsPair reports whether t's brackets of one kind open and close in
// turn: none nested, none left open, none closed without opening.
func bracketsPair(t string, open, close byte) bool {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case open:
			depth++
		case close:
			depth--
		}
		if depth < 0 || depth > 1 {
			return false
		}
	}
	return depth == 0
}

// sdhBrackets open the labels X013 wants in [ ].
var sdhBrackets = asciiOf("({")

func runForcedNotAllCaps(p *rule.Pass) {
	if !p.Bool("all_caps") || fileKind(p) != lang.KindForced {
		return
	}
	textCues(p, func(c *cue.Cue) {
		for j, l := range c.Lines {
			if strings.IndexFunc(l.Text, unicode.IsLower) >= 0 {
				reportLine(p, c, j, "all_caps", "forced narrative "+lineNo(j)+" is not in capitals: "+quote(l.Text),
					"ALL CAPS", "lower-case letters")
				return
			}
		}
	})
}

// decodeWeakWords reads X015's words, lower-cased.
func decodeWeakWords(v string) weakSet { return newWeakSet(words(strings.ToLower(v))) }

func runWeakLineEnd(p *rule.Pass) {
	weak := weakWords(p.String("words"))
	if len(weak.words) == 0 {
		return
	}
	max := p.Float("max_chars")
	textCues(p, func(c *cue.Cue) {
		for j := 0; j+1 < len(c.Lines); j++ {
			line := strings.TrimRight(c.Lines[j].Text, " ")
			if line == "" || !weak.mayEndWith(line[len(line)-1]) {
				continue // the last word's last byte is the line's: no weak word ends so
			}
			k := strings.LastIndexByte(line, ' ')
			if k < 0 {
				continue // a one-word line has nothing to keep
			}
			last := line[k+1:]
			if !weak.has(last) {
				continue
			}
			next := strings.TrimLeft(c.Lines[j+1].Text, " ")
			if _, rest := speakerDash(next); rest != "" {
				continue // the next line is another speaker's
			}
			moved := textcount.Count(last+" "+next, 1)
			if moved > max {
				continue
			}
			reportLine(p, c, j, "words", lineNo(j)+" ends with \""+last+"\"; it reads better at the start of "+
				lineNo(j+1)+", which would have "+num(moved)+" characters: "+quote(line), "\""+last+"\" on "+lineNo(j+1),
				"\""+last+"\" at the end of "+lineNo(j))
		}
	})
}

// weakSet is W002's words, lower-cased, with the bytes they start and end
// with: most lines end with a word that starts or ends with a byte no weak
// word has ("you", "said,"), which those bytes rule out without lowering
// it and hashing it for the map.
type weakSet struct {
	words       map[string]bool
	first, last [4]uint64 // 256-bit sets
	// pairs has bit (first&31)<<5 | last&31 for each word's first and last
	// byte: a French line's last word often starts and ends with bytes
	// some weak word has ("pas", "moi"), but seldom with both of one word.
	pairs [1024 / 64]uint64
}

// pairBit is the place of a word with first byte b and last byte e in
// weakSet.pairs. Keeping five bits of each folds the case of ASCII
// letters; bytes it confuses only let a word through to the map.
func pairBit(b, e byte) (int, uint64) {
	k := int(b&31)<<5 | int(e&31)
	return k >> 6, 1 << (k & 63)
}

// newWeakSet takes list lower-cased.
func newWeakSet(list []string) weakSet {
	w := weakSet{words: make(map[string]bool, len(list))}
	for _, word := range list {
		w.words[word] = true
		if word != "" {
			b, e := word[0], word[len(word)-1]
			w.first[b>>6] |= 1 << (b & 63)
			w.last[e>>6] |= 1 << (e & 63)
			k, bit := pairBit(b, e)
			w.pairs[k] |= bit
		}
	}
	return w
}

// has reports words[strings.ToLower(word)]. Lower-casing maps code point
// to code point, so an ASCII first or last byte, lowered, is the first or
// last byte of the lowered word; a byte outside ASCII may change, and is
// let through.
func (w *weakSet) has(word string) bool {
	if word == "" {
		return w.words[""]
	}
	if b := word[0]; b < utf8.RuneSelf {
		b = lowerASCII(b)
		if w.first[b>>6]&(1<<(b&63)) == 0 {
			return false
		}
	}
	e := word[len(word)-1]
	if !w.mayEndWith(e) {
		return false
	}
	if b := word[0]; b < utf8.RuneSelf && e < utf8.RuneSelf {
		if k, bit := pairBit(b, e); w.pairs[k]&bit == 0 { // "The" and "the" alike
			return false
		}
	}
	return isWeak(w.words, word)
}

// mayEndWith reports whether a word ending with byte e can be weak: has
// answers false for a word whose ASCII last byte, lowered, ends no weak
// word.
func (w *weakSet) mayEndWith(e byte) bool {
	if e >= utf8.RuneSelf {
		return true
	}
	e = lowerASCII(e)
	return w.last[e>>6]&(1<<(e&63)) != 0
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// isWeak reports weak[strings.ToLower(w)]: an ASCII word is lowered into
// a small buffer, which the look-up does not keep, so no string is built.
func isWeak(weak map[string]bool, w string) bool {
	var buf [24]byte
	if len(w) > len(buf) {
		return weak[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		b := w[i]
		if b >= utf8.RuneSelf {
			return weak[strings.ToLower(w)]
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	return weak[string(buf[:len(w)])]
}

func runCouldFitOneLine(p *rule.Pass) {
	max := p.Float("max_chars")
	if max <= 0 {
		return
	}
	textCues(p, func(c *cue.Cue) {
		if len(c.Lines) != 2 {
			return
		}
		a, b := strings.TrimSpace(c.Lines[0].Text), strings.TrimSpace(c.Lines[1].Text)
		if a == "" || b == "" || isLabel(a) || isLabel(b) || innerSpeaker(a) || innerSpeaker(b) {
			return
		}
		if d, _ := speakerDash(a); d != 0 {
			return
		}
		if d, _ := speakerDash(b); d != 0 {
			return
		}
		n := textcount.Count(a+" "+b, 1)
		if n > max {
			return
		}
		p.ReportCue(c, "max_chars", "the two lines fit on one line ("+num(n)+" characters, limit "+num(max)+"): "+
			quote(a+" / "+b), "one line", "two lines")
	})
}
