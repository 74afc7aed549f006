package checks

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

var (
	ThreeDotEllipsis = &rule.Rule{
		Code: "X004", Name: "three-dot-ellipsis", Family: "text",
		Summary: "Three full stops are written where the language uses the ellipsis character",
		Doc: "Most Netflix language guides want the single ellipsis character U+2026 (…), not three full stops; the " +
			"Simplified Chinese guide's examples use ⋯ (U+22EF). Three dots take three character widths on a line " +
			"limited to a count, and break differently. The pack's ellipsis parameter is the character the language " +
			"wants; a language without one is not checked. Replace \"...\" with it.",
		Params: []rule.ParamSpec{{Name: "ellipsis", Kind: rule.KindString, Doc: "the ellipsis character the language uses; empty: not checked"}},
		Run:    runThreeDotEllipsis, DefaultSeverity: rule.Warning,
	}
	SpaceBeforePunctuation = &rule.Rule{
		Code: "X006", Name: "space-before-punctuation", Family: "text",
		Summary: "A space stands before a comma, full stop, question or exclamation mark",
		Doc: "English, German, Spanish and most Latin-script languages set , . ! ? directly after the word; a space " +
			"before them is a typing error and may strand the mark at the start of the next line. French, which " +
			"wants the space before ! ? : ;, lists only , . here (its own spacing is X007). An ellipsis opening a " +
			"continuation (\" ...and then\") is not reported. The pack lists the marks (chars); empty: not checked.",
		Params: []rule.ParamSpec{{Name: "chars", Kind: rule.KindString, Doc: "marks that take no space before them, e.g. \",.!?\"; empty: not checked"}},
		Run:    runSpaceBeforePunctuation, DefaultSeverity: rule.Warning,
	}
	FrenchPunctuationSpace = &rule.Rule{
		Code: "X007", Name: "french-punctuation-space", Family: "text",
		Summary: "A French high punctuation mark or guillemet lacks its space",
		Doc: "French typography puts a space before ! ? : ; and inside « » (\"comprendre !\", \"« Oui »\"), " +
			"a no-break space so that the mark never starts a line. The pack lists the spaces it accepts (spaces); the " +
			"fix writes the first: U+00A0 in the French pack, as the narrow U+202F of French typography is not in " +
			"the Netflix Glyph List. A mark " +
			"after another mark (\"?!\"), a colon between digits (10:30) and a colon in \"://\" are not reported. " +
			"Subtitle Edit reports the correct \"comprendre !\" as a stray space; exportqc reports the missing one. A " +
			"file that omits the space at 10 or more places and 80% of them (Canadian French typography, or an " +
			"export that dropped the spaces) is reported once, with the count.",
		Params: []rule.ParamSpec{{Name: "spaces", Kind: rule.KindString, Doc: "the spaces accepted before ! ? : ; and inside « », as U+XXXX; empty: not checked"}},
		Run:    runFrenchPunctuationSpace, DefaultSeverity: rule.Warning,
	}
	SpanishInvertedMarks = &rule.Rule{
		Code: "X008", Name: "spanish-inverted-marks", Family: "text",
		Summary: "A Spanish question or exclamation lacks its opening ¿ or ¡, or the opening mark is not closed",
		Doc: "Spanish opens every question with ¿ and every exclamation with ¡, at the start of the question, not " +
			"necessarily of the sentence. Checked within each cue: a ? or ! with no ¿ or ¡ before it since the last " +
			"sentence end, and a ¿ or ¡ whose sentence ends with another mark. A cue that continues an earlier one " +
			"(it starts with ... or …) may have its opening mark in that cue and is not reported for it.",
		Params: []rule.ParamSpec{{Name: "required", Kind: rule.KindBool, Doc: "true: the language requires the inverted marks"}},
		Run:    runSpanishInvertedMarks, DefaultSeverity: rule.Warning,
	}
	FullWidthPunctuation = &rule.Rule{
		Code: "X009", Name: "full-width-punctuation", Family: "text",
		Summary: "CJK text uses a half-width mark where the guide wants the full-width one, or a mark at a line end it forbids",
		Doc: "Chinese and Japanese guides want full-width ？ ！ ： after CJK text (a half-width ? next to a hanzi is a " +
			"different glyph, half as wide, and is counted half by reading-speed rules), and the Traditional Chinese " +
			"guide forbids 、，。 at the end of a line. half_width lists the marks that must be full-width after a CJK " +
			"character; no_line_end the marks a line may not end with. Half-width marks after Latin text (a URL, a " +
			"brand) are not reported.",
		Params: []rule.ParamSpec{
			{Name: "half_width", Kind: rule.KindString, Doc: "half-width marks that must be full-width after CJK text, e.g. \"?!:\"; empty: not checked"},
			{Name: "no_line_end", Kind: rule.KindString, Doc: "marks a line may not end with, e.g. \"，。、\"; empty: not checked"},
		},
		Run: runFullWidthPunctuation, DefaultSeverity: rule.Warning,
	}
	ScriptPunctuation = &rule.Rule{
		Code: "X016", Name: "script-punctuation", Family: "text",
		Summary: "A Latin punctuation mark where the script has its own (Arabic ، ؟)",
		Doc: "Arabic writes its own comma ، (U+060C) and question mark ؟ (U+061F); the Latin , and ? are mirrored " +
			"wrongly or sit at the wrong end of a right-to-left line. Reported after a letter of the file's script " +
			"(not after Latin text such as a brand). The pack lists the pairs (replace: each token is the Latin mark " +
			"followed by the script's own, e.g. \"?؟ ,،\"); empty: not checked.",
		Params: []rule.ParamSpec{{Name: "replace", Kind: rule.KindString, Doc: "pairs of marks, Latin then the script's own, separated by spaces; empty: not checked"}},
		Run:    runScriptPunctuation, DefaultSeverity: rule.Warning,
	}
	DoubledPunctuation = &rule.Rule{
		Code: "X010", Name: "doubled-punctuation", Family: "text",
		Summary: "A punctuation sequence the language does not use (\"!!\", \",,\", \"..\", Spanish \"?!\")",
		Doc: "Doubled marks are typing errors or emphasis the guides do not allow; the Spanish guide also forbids " +
			"combined ?! and !?. The pack lists the forbidden sequences (sequences, separated by spaces); \"..\" " +
			"matches only two full stops, never part of an ellipsis \"...\". Empty: not checked.",
		Params: []rule.ParamSpec{{Name: "sequences", Kind: rule.KindString, Doc: "forbidden sequences separated by spaces, e.g. \"!! ?? ,, ..\"; empty: not checked"}},
		Run:    runDoubledPunctuation, DefaultSeverity: rule.Warning,
	}
)

// dotRuns calls fn with the byte offset and length of every run of full stops.
func dotRuns(s string, fn func(at, n int)) {
	for i := 0; i < len(s); {
		if s[i] != '.' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '.' {
			j++
		}
		fn(i, j-i)
		i = j
	}
}

func runThreeDotEllipsis(p *rule.Pass) {
	want := strings.TrimSpace(p.String("ellipsis"))
	if want == "" || !fileFacts(p).dotRun(3) {
		return
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for j, l := range c.Lines {
			if !facts[j].dotRun(3) {
				continue // the common line: no run of three full stops
			}
			found := false
			dotRuns(l.Text, func(_, n int) { found = found || n == 3 })
			if found {
				reportLine(p, c, j, "ellipsis", "\"...\" in "+lineNo(j)+" should be the ellipsis character "+want+
					" ("+codePoint([]rune(want)[0])+"): "+quote(l.Text), want, "...", ellipsisFix(p, c, j, want)...)
			}
		}
	})
}

// continuationDots reports whether the text at i (just after a space) is
// an ellipsis opening a continuation: " ...and", " …and".
func continuationDots(s string, i int) bool {
	return strings.HasPrefix(s[i:], "..") || strings.HasPrefix(s[i:], "…")
}

func runSpaceBeforePunctuation(p *rule.Pass) {
	marks := p.String("chars")
	if strings.TrimSpace(marks) == "" {
		return
	}
	set := newRuneSet(marks)
	low, high := marksAfterSpace(marks)
	if !fileFacts(p).mayFollowSpace(low, high) {
		return
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for j, l := range c.Lines {
			t := l.Text
			if !facts[j].mayFollowSpace(low, high) {
				continue // the common line: none of the marks follows a space
			}
			for i := 1; i < len(t); i++ {
				// Only after a space: its last byte is one of these (space,
				// tab, no-break space U+00A0, narrow one U+202F), which is
				// cheaper to test than decoding every character.
				if b := t[i-1]; (b != ' ' && b != '\t' && b != 0xA0 && b != 0xAF) || !isSpaceRune(lastRune(t[:i])) {
					continue
				}
				r, _ := utf8.DecodeRuneInString(t[i:])
				if !set.has(r) {
					continue
				}
				if r == '.' && continuationDots(t, i) {
					continue
				}
				// A line that is only the mark (after a speaker dash) is not a word's punctuation.
				if strings.TrimSpace(strings.TrimLeft(t[:i], "-–— ")) == "" {
					continue
				}
				reportLine(p, c, j, "chars", "space before \""+string(r)+"\" in "+lineNo(j)+": "+quote(t),
					"no space before "+string(r), "a space", spaceBeforeFix(p, c, j, set)...)
				break
			}
		}
	})
}

// marksAfterSpace splits X006's marks for lineFacts.mayFollowSpace: a bit
// for each of '!' to '?', and whether there are others.
func marksAfterSpace(marks string) (low uint32, high bool) {
	for _, r := range marks {
		if r > 0x20 && r < 0x40 {
			low |= 1 << (r - 0x20)
		} else {
			high = true
		}
	}
	return low, high
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\u00A0' || r == '\u202F' || r == '\t' }

func runFrenchPunctuationSpace(p *rule.Pass) {
	spaces, err := parseRuneList(p.String("spaces"))
	if err != nil {
		badParam(p, "spaces", err)
		return
	}
	if len(spaces) == 0 {
		return
	}
	expect := "" // acceptedSpaces, named only once a line lacks one
	var held []heldFinding
	places, missing := 0, 0 // marks and guillemets that take a space; those without the right one
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for j, l := range c.Lines {
			if f := &facts[j]; !f.ascii.meets(frenchMarks) && !f.is(hasGuillemet) {
				continue // nothing that takes a space
			}
			n, bad, problem := frenchLineSpaces(l.Text, spaces)
			places += n
			if bad == 0 {
				continue
			}
			missing += bad
			if expect == "" {
				expect = acceptedSpaces(spaces)
			}
			// one finding per line; the count covers the rest
			held = append(held, heldFinding{c, j, problem + " in " + lineNo(j) + ": " + quote(l.Text), expect, problem,
				frenchSpaceFix(p, c, j, spaces)})
		}
	})
	// A file that never sets the space (Canadian French, or an export
	// that dropped it) is one decision, reported once.
	reportHouseStyleN(p, held, missing, places, houseStyleShare, "spaces", "places a space belongs")
}

// acceptedSpaces names the spaces X007 accepts, for its findings: a name
// each, looked up only for a file that has a finding.
func acceptedSpaces(spaces map[rune]bool) string {
	accepted := make([]string, 0, len(spaces))
	for r := range spaces {
		accepted = append(accepted, codePoint(r))
	}
	slices.Sort(accepted)
	return "one of " + strings.Join(accepted, ", ")
}

// frenchLineSpaces counts the places on line s that take one of spaces
// (before ! ? : ; after a word, inside « »), and those without one, and
// names the first of them. It walks the line once, keeping the two
// characters before the current one, instead of decoding the whole line
// into runes first: most of a French line is letters none of the tests
// look at.
func frenchLineSpaces(s string, spaces map[rune]bool) (places, missing int, first string) {
	var prev, prev2 rune // the characters before r; seen counts those
	seen := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		problem := ""
		switch r {
		case '!', '?', ':', ';':
			if seen == 0 {
				break
			}
			if isSpaceRune(prev) && seen > 1 {
				if !(unicode.IsLetter(prev2) || unicode.IsDigit(prev2)) {
					break // " ?" after a mark or a dash: not a word's punctuation
				}
			} else if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune("»\"'’)]", prev)) {
				break // after another mark, or at a line's start
			}
			if r == ':' && i+1 < len(s) {
				if next, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsDigit(next) || next == '/' {
					break // 10:30, https://
				}
			}
			places++
			switch {
			case spaces[prev]:
			case isSpaceRune(prev):
				problem = "the space before \"" + string(r) + "\" is " + codePoint(prev)
			default:
				problem = "no space before \"" + string(r) + "\""
			}
		case '«':
			if i+size >= len(s) {
				break
			}
			places++
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); !spaces[next] {
				if isSpaceRune(next) {
					problem = "the space after « is " + codePoint(next)
				} else {
					problem = "no space after «"
				}
			}
		case '»':
			if seen == 0 {
				break
			}
			places++
			if !spaces[prev] {
				if isSpaceRune(prev) {
					problem = "the space before » is " + codePoint(prev)
				} else {
					problem = "no space before »"
				}
			}
		}
		if problem != "" {
			missing++
			if first == "" {
				first = problem
			}
		}
		prev2, prev = prev, r
		seen++
		i += size
	}
	return places, missing, first
}

// frenchMarks are the marks X007 wants a space before.
var frenchMarks = asciiOf("!?:;")

func runSpanishInvertedMarks(p *rule.Pass) {
	if !p.Bool("required") {
		return
	}
	prevEnds := true  // whether the previous cue ended its sentence
	var joined []byte // the cue's lines joined by spaces, reused from cue to cue
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		text := ""
		switch len(c.Lines) {
		case 0:
		case 1:
			text = c.Lines[0].Text
		default:
			text = c.Lines[0].Text
			joined = append(joined[:0], text...)
			for _, l := range c.Lines[1:] {
				joined = append(append(joined, ' '), l.Text...)
			}
			// Valid until the next cue: findings quote it into strings of
			// their own.
			text = unsafe.String(&joined[0], len(joined))
		}
		trimmed := strings.TrimLeft(text, "-–— ")
		// A cue that carries on a sentence of the cue before may have the
		// opening mark there: after a cue with no closing mark, or when it
		// starts with an ellipsis or a lower-case letter.
		first, _ := utf8.DecodeRuneInString(trimmed)
		continues := !prevEnds || strings.HasPrefix(trimmed, "..") || strings.HasPrefix(trimmed, "…") || unicode.IsLower(first)
		last := lastRune(strings.TrimRight(text, " \"'»”"))
		prevEnds = last == '.' || last == '?' || last == '!'
		if last == '.' && strings.HasSuffix(strings.TrimRight(text, " \"'»”"), "..") {
			prevEnds = false
		}
		if !anyLine(facts, spanishMarks, hasInverted) {
			return // no question, exclamation or opening mark to judge
		}
		// Questions and exclamations are delimited by ? and ! only: a full
		// stop may be an abbreviation's (EE. UU.), so it neither ends a
		// question nor, except at the cue's very end, closes one. (Byte
		// offsets: the marks are ASCII, and ¿ and ¡ are never part of
		// another character's bytes.)
		start, prev := 0, rune(-1)
		for i, r := range text {
			var opener rune
			switch r {
			case '?':
				opener = '¿'
			case '!':
				opener = '¡'
			default:
				prev = r
				continue
			}
			afterMark := prev == '?' || prev == '!'
			prev = r
			if !afterMark && !strings.ContainsRune(text[start:i], opener) && !(continues && start == 0) {
				p.ReportCue(c, "required", "\""+string(r)+"\" has no opening \""+string(opener)+"\": "+quote(text),
					string(opener)+"…"+string(r), "no "+string(opener))
				return
			}
			start = i + 1
		}
		tail := strings.TrimRight(text[start:], " \"'»”")
		if strings.HasSuffix(tail, ".") && !strings.HasSuffix(tail, "..") {
			for _, pair := range [][2]string{{"¿", "?"}, {"¡", "!"}} {
				if strings.Contains(tail, pair[0]) {
					p.ReportCue(c, "required", "\""+pair[0]+"\" is closed by \".\", not \""+pair[1]+"\": "+quote(text),
						pair[0]+"…"+pair[1], pair[0]+"….")
					return
				}
			}
		}
	})
}

// spanishMarks are the closing marks X008 looks for an opening one before.
var spanishMarks = asciiOf("?!")

// isCJK reports Han, kana and Hangul characters and CJK punctuation.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60)
}

func runFullWidthPunctuation(p *rule.Pass) {
	half, noEnd := p.String("half_width"), strings.TrimSpace(p.String("no_line_end"))
	if strings.TrimSpace(half) == "" && noEnd == "" {
		return
	}
	halfASCII := asciiOf(half)
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for j, l := range c.Lines {
			// A half-width mark after CJK text needs the mark and a
			// character outside ASCII; a line end matters on all but the last line.
			if f := &facts[j]; !(f.ascii.meets(halfASCII) && f.is(nonASCII)) && (noEnd == "" || j == len(c.Lines)-1) {
				continue
			}
			rs := []rune(l.Text)
			for i, r := range rs {
				if i > 0 && r < 0x80 && strings.ContainsRune(half, r) && isCJK(rs[i-1]) {
					full := r + 0xFEE0 // the Fullwidth Forms block mirrors ASCII
					reportLine(p, c, j, "half_width", "half-width \""+string(r)+"\" after CJK text in "+lineNo(j)+
						" should be full-width "+string(full)+" ("+codePoint(full)+"): "+quote(l.Text), string(full), string(r),
						fullWidthFix(p, c, j, half)...)
					break
				}
			}
			if n := len(rs); n > 0 && noEnd != "" && strings.ContainsRune(noEnd, rs[n-1]) && len(c.Lines) > 1 && j < len(c.Lines)-1 {
				reportLine(p, c, j, "no_line_end", lineNo(j)+" ends with \""+string(rs[n-1])+"\", which the guide does not "+
					"allow at a line end: "+quote(l.Text), "no "+string(rs[n-1])+" at a line end", string(rs[n-1]))
			}
		}
	})
}

// decodeSequences reads X010's sequences: whitespace separates them, and so
// does a comma inside a token ("!!,??" as users wrote it with --set),
// but a token of commas only (",,") is itself a sequence to find.
func decodeSequences(v string) []string {
	var seqs []string
	for _, tok := range strings.Fields(v) {
		if strings.Trim(tok, ",") == "" {
			seqs = append(seqs, tok)
			continue
		}
		for _, s := range strings.Split(tok, ",") {
			if s != "" {
				seqs = append(seqs, s)
			}
		}
	}
	return seqs
}

// doubled is X010's sequences decoded, with what a line must hold for
// each: a line holding none of the sequences' first characters holds none
// of them (most lines, passed at a glance).
type doubled struct {
	seqs   []string
	first  *runeSet
	probes []seqProbe
}

func decodeDoubled(v string) doubled {
	d := doubled{seqs: decodeSequences(v)}
	var firsts strings.Builder
	for _, s := range d.seqs {
		r, _ := utf8.DecodeRuneInString(s)
		firsts.WriteRune(r)
	}
	d.first = buildRuneSet(firsts.String())
	d.probes = make([]seqProbe, len(d.seqs))
	for i, s := range d.seqs {
		d.probes[i] = probeFor(s)
	}
	return d
}

func runDoubledPunctuation(p *rule.Pass) {
	d := doubledSequences(p.String("sequences"))
	seqs, first, probes := d.seqs, d.first, d.probes
	if len(seqs) == 0 {
		return
	}
	if all := fileFacts(p); !first.mayBeIn(all) || !slices.ContainsFunc(probes, func(q seqProbe) bool { return q.mayHold(all) }) {
		return // no line can hold a sequence
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for j, l := range c.Lines {
			f := &facts[j]
			if !first.mayBeIn(f) {
				continue
			}
			for k, s := range seqs {
				if !probes[k].mayHold(f) || !containsSequence(l.Text, s) {
					continue
				}
				reportLine(p, c, j, "sequences", "\""+s+"\" in "+lineNo(j)+": "+quote(l.Text), "no \""+s+"\"", s,
					doubledFix(p, c, j, seqs)...)
				break
			}
		}
	})
}

// seqProbe is what a line must have to hold one of X010's sequences: a
// run of exactly dots full stops (a sequence of full stops), else its
// first two characters as a pair of marks ("!!", "?!"), else its first
// character (an ASCII one, or any outside ASCII).
type seqProbe struct {
	dots          int
	first, second byte // second: 0 unless both are marks of '!' to '?'
}

func probeFor(s string) seqProbe {
	if strings.Trim(s, ".") == "" {
		return seqProbe{dots: len(s)}
	}
	if len(s) >= 2 && isMarkByte(s[0]) && isMarkByte(s[1]) {
		return seqProbe{first: s[0], second: s[1]}
	}
	return seqProbe{first: s[0]}
}

func (q seqProbe) mayHold(f *lineFacts) bool {
	switch {
	case q.dots > 0:
		return f.dotRun(q.dots)
	case q.second != 0:
		return f.mayFollowMark(q.first, q.second)
	case q.first < utf8.RuneSelf:
		return f.ascii.has(q.first)
	}
	return f.is(nonASCII)
}

// containsSequence finds s in t; a sequence of full stops matches only a run
// of exactly that many (".." is not part of "...").
func containsSequence(t, s string) bool {
	if strings.Trim(s, ".") != "" {
		return strings.Contains(t, s)
	}
	found := false
	dotRuns(t, func(_, n int) { found = found || n == len(s) })
	return found
}

func runScriptPunctuation(p *rule.Pass) {
	want := map[rune]rune{}
	for _, tok := range strings.Fields(p.String("replace")) {
		rs := []rune(tok)
		if len(rs) != 2 {
			badParam(p, "replace", errString("\""+tok+"\" is not a pair of marks (write ?؟)"))
			return
		}
		want[rs[0]] = rs[1]
	}
	if len(want) == 0 {
		return
	}
	var latinMarks asciiSet
	otherMarks := false
	for r := range want {
		if r < utf8.RuneSelf {
			latinMarks |= bitOf[r]
		} else {
			otherMarks = true
		}
	}
	if all := fileFacts(p); !all.is(nonASCII) || (!otherMarks && !all.ascii.meets(latinMarks)) {
		return
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for j, l := range c.Lines {
			// A mark is reported after a letter of a script other than
			// Latin, so only on a line with characters outside ASCII.
			if f := &facts[j]; !f.is(nonASCII) || (!otherMarks && !f.ascii.meets(latinMarks)) {
				continue
			}
			rs := []rune(l.Text)
			for i, r := range rs {
				own, ok := want[r]
				if !ok || i == 0 {
					continue
				}
				if prev := rs[i-1]; !unicode.IsLetter(prev) || unicode.Is(unicode.Latin, prev) {
					continue // after Latin text, a digit or another mark
				}
				reportLine(p, c, j, "replace", "\""+string(r)+"\" in "+lineNo(j)+" should be "+string(own)+" ("+
					codePoint(own)+"): "+quote(l.Text), string(own), string(r), scriptPunctFix(p, c, j, want)...)
				break
			}
		}
	})
}
