package checks

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// The line facts only let a rule skip lines; they must never change what
// it finds. Each text rule runs on random mixed-script cues twice, with
// the facts and with every line read in full (factsOff), for every
// language pack, and the findings must be the same.

// pieces random lines are built from: every script and mark a text rule
// looks at, invisible characters, homoglyphs, broken UTF-8.
var pieces = []string{
	"a", "e", "word", "The", "OK", "x", " ", " ", "  ", "\t", "\u00A0", "\u202F", "-", "- ", "–", "—", "--",
	".", "..", "...", "....", ".....", ",", ",,", "!", "!!", "?", "??", "?!", ":", ";", "(", ")", "[", "]", "{", "}",
	"\"", "'", "’", "«", "»", "« ", " »", "¿", "¡", "…", "⋯", "♪", "♫", "0", "1", "5", "10", "42", "3D", "10:30",
	"$5", "5%", "http://", "Room", "room", "times", "the", "and", "а", "о", "е", "слово", "ο", "λόγος", "Ωmega",
	"你好", "中文", "。", "，", "、", "？", "！", "：", "かな", "カナ", "한국어", "مرحبا", "،", "؟", "שלום", "नमस्ते",
	"\u0301", "\u200B", "\u200D", "\u200E", "\uFEFF", "\u00AD", "\uFFFD", "\uE000", "\u0085", "\u2028", "\U000F0000",
	"\xff", "\xe2\x80", "\xc2", "ä", "ß", "ñ", "Ё", "Ἀ", "ｘ", "MAN 2:", " 2 by 2 ", "Chapter 3",
	"[DOOR SLAMS]", "[sighs]", "(LAUGHS)", "“", "”", "„", "「", "」",
}

func randomLine(r *rand.Rand) string { return randomLineOf(r, pieces) }

func randomLineOf(r *rand.Rand, from []string) string {
	var b strings.Builder
	for n := r.IntN(12); n >= 0; n-- {
		b.WriteString(from[r.IntN(len(from))])
	}
	return b.String()
}

func randomDoc(r *rand.Rand, cues int) *cue.Document { return randomDocOf(r, cues, pieces) }

// randomDocOf builds a document of lines made of the pieces from; a few
// pieces make a file whose facts as a whole rule a rule's trigger out,
// which is when the rules skip the file without walking it.
func randomDocOf(r *rand.Rand, cues int, from []string) *cue.Document {
	doc := &cue.Document{Format: "srt"}
	for i := 0; i < cues; i++ {
		c := cue.Cue{Index: i + 1, Line: 4*i + 1, Start: cue.FromSeconds(float64(2 * i)), End: cue.FromSeconds(float64(2*i + 1))}
		for j := r.IntN(3); j >= 0; j-- {
			l := cue.Line{Text: randomLineOf(r, from)}
			if r.IntN(5) == 0 {
				l.Spans = []cue.Span{{Start: 0, End: len(l.Text), Style: cue.Italic}}
			}
			c.Lines = append(c.Lines, l)
		}
		doc.Cues = append(doc.Cues, c)
	}
	return doc
}

// runRule runs one rule, enabled, with a language's pack values.
func runRule(t *testing.T, packs map[string]*pack.Effective, code, lang, path string, doc *cue.Document, off bool) []string {
	t.Helper()
	cfg := *packs[lang].Config(code)
	cfg.Enabled = true
	factsOff = off
	defer func() { factsOff = false }()
	var got []string
	rule.NewPass(Lookup(code), &rule.File{Path: path, Language: lang}, doc, &cfg, func(f rule.Finding) {
		if f.Start != nil {
			f.Message += fmt.Sprintf(" [%+v %+v]", *f.Start, *f.End) // the timecodes, not their addresses
			f.Start, f.End = nil, nil
		}
		got = append(got, fmt.Sprintf("%+v", f))
	}).Run()
	return got
}

// factRules are the rules that read the line facts: the text rules, and
// the layout and timing rules that take empty cues, white space and a
// bound on each line's count from them.
var factRules = append([]*rule.Rule{LineTooLong, EmptyCue, StrayWhitespace, ReadingSpeed}, textRules...)

func TestLineFactsChangeNoFinding(t *testing.T) {
	lib, err := pack.Load(All())
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"en", "fr", "es", "es-419", "de", "it", "pt-BR", "ru", "tr", "ar", "he", "hi", "th", "ko", "ja",
		"zh-Hans", "zh-Hant", "vi", "id", "el"}
	packs := map[string]*pack.Effective{}
	for _, lang := range langs {
		if packs[lang], err = lib.Resolve(pack.Request{Language: lang}); err != nil {
			t.Fatal(lang, err)
		}
	}
	paths := []string{"Show.srt", "Show.en.sdh.srt", "Show.en.forced.srt"}
	r := rand.New(rand.NewPCG(14, 1))
	rounds := 15
	if testing.Short() {
		rounds = 3
	}
	found := map[string]int{}
	few := rand.New(rand.NewPCG(14, 5)) // the few-piece files, drawn apart so the full ones stay as they were
	for round := 0; round < rounds; round++ {
		// A file of every kind of line, and one made of a few pieces: in
		// the second most rules' triggers are absent from the whole file,
		// and the rules skip it without walking it (fileFacts).
		some := make([]string, 2+few.IntN(5))
		for k := range some {
			some[k] = pieces[few.IntN(len(pieces))]
		}
		for _, doc := range []*cue.Document{randomDoc(r, 60), randomDocOf(few, 60, some)} {
			for _, lang := range langs {
				for _, rl := range factRules {
					path := paths[round%len(paths)]
					fast := runRule(t, packs, rl.Code, lang, path, doc, false)
					full := runRule(t, packs, rl.Code, lang, path, doc, true)
					found[rl.Code] += len(full)
					if strings.Join(fast, "\n") != strings.Join(full, "\n") {
						t.Fatalf("%s %s round %d: with the line facts\n%s\nreading every line\n%s", rl.Code, lang, round,
							strings.Join(fast, "\n"), strings.Join(full, "\n"))
					}
				}
			}
		}
	}
	// Three rounds (-short) are too few for every rule to fire (L003 does
	// not); the full fifteen must exercise each one.
	for _, rl := range factRules {
		if found[rl.Code] == 0 && !testing.Short() {
			t.Errorf("%s found nothing in any language: the random lines no longer exercise it", rl.Code)
		}
	}
}

// The scan's flags agree with the line tests the rules used before.
func TestScanLineFlags(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2))
	edges := []string{"", " ", "\t", " \t ", "\u00A0", "\n", "\r\n", "\u3000", "\x85", "\u0085", "a", " a", "a\t", "a  b", "\xff"}
	for i := 0; i < 20000+len(edges); i++ {
		var s string
		if i < len(edges) {
			s = edges[i]
		} else {
			s = randomLine(r)
		}
		f := scanLine(s, nil)
		if got, want := !f.is(unprintable), printableASCII(s); got != want {
			t.Fatalf("%q: printable %v, want %v", s, got, want)
		}
		if got, want := f.is(hasCyrGreek), hasCyrillicOrGreek(s); got != want {
			t.Fatalf("%q: Cyrillic or Greek %v, want %v", s, got, want)
		}
		if got, want := f.is(blankLine), strings.TrimSpace(s) == ""; got != want {
			t.Fatalf("%q: blank %v, want %v", s, got, want)
		}
		if got, want := f.is(edgeSpace), s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])); got != want {
			t.Fatalf("%q: space at an end %v, want %v", s, got, want)
		}
		if got, want := f.is(doubleSpace), strings.Contains(s, "  "); got != want {
			t.Fatalf("%q: double space %v, want %v", s, got, want)
		}
		if got, want := int(f.runes), utf8.RuneCountInString(s); got != want {
			t.Fatalf("%q: %d code points, want %d", s, got, want)
		}
		inv := strings.ContainsFunc(s, invisible)
		if got := f.is(hasInvisible); got != inv {
			t.Fatalf("%q: invisible %v, want %v", s, got, inv)
		}
		for a := byte('!'); a <= '?'; a++ {
			for b := byte('!'); b <= '?'; b++ {
				if strings.Contains(s, string([]byte{a, b})) && !f.mayFollowMark(a, b) {
					t.Fatalf("%q: the facts rule out %q, which it holds", s, string([]byte{a, b}))
				}
			}
		}
		for n := 1; n < 8; n++ {
			want := false
			dotRuns(s, func(_, k int) { want = want || k == n })
			if got := f.dotRun(n); got != want {
				t.Fatalf("%q: run of %d dots %v, want %v", s, n, got, want)
			}
		}
	}
}

// A line of single marks rules out the doubled ones.
func TestScanLineDoubledMarks(t *testing.T) {
	f := scanLine("Wait, what? Go! Now: 10 o'clock.", nil)
	for _, pair := range []string{",,", "??", "!!", "::", "?!", "!?"} {
		if f.mayFollowMark(pair[0], pair[1]) {
			t.Errorf("the facts of a line without %q say it may hold it", pair)
		}
	}
	if !f.mayFollowMark('1', '0') {
		t.Error("the facts rule out \"10\"")
	}
}

// The script table answers as the Unicode tables do, for every code point.
func TestHomoglyphTable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := -1
		for i, s := range homoglyphScripts {
			if unicode.Is(s.table, r) {
				want = i
				break
			}
		}
		if got := scriptOf(r); got != want {
			t.Fatalf("scriptOf(%U) = %d, want %d", r, got, want)
		}
		if k := scriptsOf(r); want >= 0 && k&[]factFlags{mayLatin, mayCyrillic, mayGreek}[want] == 0 {
			t.Fatalf("scriptsOf(%U) = %b, which rules out script %d", r, k, want)
		}
		if got, want := otherFlags(r), classify(r); r >= 0x80 && got != want {
			t.Fatalf("otherFlags(%U) = %b, classify %b", r, got, want)
		}
		if r >= 0x80 && (unicode.IsPunct(r) || unicode.IsSymbol(r)) && otherFlags(r)&mayMark == 0 {
			t.Fatalf("otherFlags(%U) leaves out mayMark, but it is punctuation or a symbol", r)
		}
		quote := unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf) || strings.ContainsRune(otherQuotes, r)
		if r >= 0x80 && quote && otherFlags(r)&mayQuote == 0 {
			t.Fatalf("otherFlags(%U) leaves out mayQuote, but it is a quotation mark or bracket", r)
		}
		if got, want := wordRune(r), unicode.IsLetter(r) || unicode.IsMark(r); got != want {
			t.Fatalf("wordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// endsSentenceRef is endsSentence without its shortcut for a line that
// ends in an ASCII character.
func endsSentenceRef(text string) bool {
	t := strings.TrimRight(text, " \"'»”’)]♪")
	if strings.HasSuffix(t, "..") {
		return false
	}
	r := lastRune(t)
	return r == '.' || r == '?' || r == '!' || r == '？' || r == '！' || r == '。'
}

func TestEndsSentenceShortcut(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 3))
	for i := 0; i < 20000; i++ {
		s := randomLine(r)
		if got, want := endsSentence(s), endsSentenceRef(s); got != want {
			t.Fatalf("endsSentence(%q) = %v, want %v", s, got, want)
		}
		w := s[strings.LastIndexByte(s, ' ')+1:]
		if got, want := isWeak(map[string]bool{strings.ToLower(w): true}, w), true; got != want {
			t.Fatalf("isWeak(%q) = %v", w, got)
		}
		if isWeak(map[string]bool{strings.ToLower(w) + "x": true}, w) {
			t.Fatalf("isWeak(%q) found %q", w, strings.ToLower(w)+"x")
		}
	}
}

// weakSet.has answers what the map alone answers for the lower-cased
// word: on random line ends and on words whose first or last letter
// changes under lower-casing, against lists with ASCII and other letters.
func TestWeakSetIsTheMap(t *testing.T) {
	list := []string{"a", "the", "of", "über", "и", "ça", "ıt", "és", "x,"}
	set := newWeakSet(list)
	words := []string{"", "A", "The", "THE", "OF", "Über", "ÜBER", "И", "Ça", "IT", "İt", "ıt", "ÉS", "és", "x,", "X,", "the,", "\xff", "a\xff"}
	r := rand.New(rand.NewPCG(5, 8))
	for range 20000 {
		s := randomLine(r)
		words = append(words, s[strings.LastIndexByte(s, ' ')+1:])
	}
	for _, w := range words {
		if got, want := set.has(w), set.words[strings.ToLower(w)]; got != want {
			t.Fatalf("weakSet.has(%q) = %v, the map says %v", w, got, want)
		}
	}
	if !set.has("The") || set.has("you") {
		t.Fatal("weakSet does not tell \"The\" from \"you\"")
	}
	// The packs' lists, against words that share a first or last letter
	// with theirs (the pairs filter) and every line end of the corpus.
	packs := []string{
		"le la les un une des du de au aux à et ou mais donc car ni que qui dans sur pour par avec sans",
		"a an the of to in on at for from with by and but or nor as into onto about",
		"der die das den dem des ein eine einen einem einer und oder aber denn in an auf mit von zu für bei aus nach",
		"el la los las un una unos unas de del al a en con por para y o e u ni pero que",
	}
	more := []string{"pas", "Moi", "DE", "Là", "À", "lE", "dans,", "pour", "Par", "avec", "sans", "car", "cAr", "ni", "nu",
		"qui", "quoi", "aux", "AUX", "aus", "zu", "zU", "oder", "order", "y", "Y", "u", "ü", "for", "fro", "tHe", "thee"}
	for _, in := range testcorpus.Inputs(t) {
		if doc := corpusDoc(t, in); doc != nil {
			for _, c := range doc.Cues {
				for _, l := range c.Lines {
					more = append(more, l.Text[strings.LastIndexByte(l.Text, ' ')+1:])
				}
			}
		}
	}
	for _, list := range packs {
		set := newWeakSet(strings.Fields(list))
		for _, w := range append(more, words[:min(len(words), 400)]...) {
			if got, want := set.has(w), set.words[strings.ToLower(w)]; got != want {
				t.Fatalf("list %q: weakSet.has(%q) = %v, the map says %v", list, w, got, want)
			}
		}
		for w := range set.words {
			if !set.has(w) || !set.has(strings.ToUpper(w)) {
				t.Fatalf("list %q: weakSet.has misses %q", list, w)
			}
		}
	}
}
