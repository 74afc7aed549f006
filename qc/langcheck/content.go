package langcheck

import (
	"fmt"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/internal/utf8x"
)

// MismatchOptions are the thresholds of G002. A zero field takes its
// default (DefaultMismatchOptions).
type MismatchOptions struct {
	// MinLetters is the least amount of running text, in letters, on which
	// the language identifier is trusted (default 200). Letters of words
	// that start with a capital (names, mostly) do not count, unless the
	// whole text is in capitals.
	MinLetters int
	// MinConfidence is the least share of the judged samples of the text
	// (pieces of about 300 letters) that must read as one other language,
	// or a close relative of it, for a report (0..1, default 0.8).
	MinConfidence float64
	// MinScriptLetters is the least number of letters for the script check
	// (default 20): script evidence is strong even on short texts.
	MinScriptLetters int
	// MaxDeclaredScriptShare: the text is reported as in another script when
	// less than this share of its letters are in the declared language's
	// script (default 0.1, so that bilingual subtitles pass).
	MaxDeclaredScriptShare float64
	// CloseFactor multiplies MinLetters for languages the identifier
	// confuses (es/pt, da/sv/no, ru/uk, ...); such mismatches also need
	// every sample to agree (default 5).
	CloseFactor int
	// SampleLetters caps the letters given to the identifier (default 800,
	// four samples of 200 letters; TestAccuracyByLength shows 98-99 % of
	// wrong declarations caught from 100 letters and no false report): samples are taken evenly from the whole file, which
	// keeps long files fast and a foreign-language opening song from
	// deciding. With four samples and the default 0.8 share, one sample in
	// the declared language settles a correct file, so a correct file costs
	// one identifier run (about half a millisecond), not two.
	SampleLetters int
}

// DefaultMismatchOptions are the thresholds used where a field is zero.
func DefaultMismatchOptions() MismatchOptions {
	return MismatchOptions{MinLetters: 200, MinConfidence: 0.8, MinScriptLetters: 20,
		MaxDeclaredScriptShare: 0.1, CloseFactor: 5, SampleLetters: 800}
}

func (o MismatchOptions) withDefaults() MismatchOptions {
	d := DefaultMismatchOptions()
	if o.MinLetters <= 0 {
		o.MinLetters = d.MinLetters
	}
	if o.MinConfidence <= 0 {
		o.MinConfidence = d.MinConfidence
	}
	if o.MinScriptLetters <= 0 {
		o.MinScriptLetters = d.MinScriptLetters
	}
	if o.MaxDeclaredScriptShare <= 0 {
		o.MaxDeclaredScriptShare = d.MaxDeclaredScriptShare
	}
	if o.CloseFactor <= 0 {
		o.CloseFactor = d.CloseFactor
	}
	if o.SampleLetters <= 0 {
		o.SampleLetters = d.SampleLetters
	}
	return o
}

// altScripts are scripts a language is commonly written in besides its
// CLDR likely script, when the tag does not name one: Serbian subtitles are
// as often Latin as Cyrillic.
var altScripts = map[string][]script{
	"sr": {scLatin}, "bs": {scCyrillic}, "uz": {scCyrillic}, "az": {scCyrillic, scArabic},
	"kk": {scLatin, scArabic}, "ky": {scLatin}, "tk": {scCyrillic}, "mn": {scOther},
	"pa": {scArabic}, "ms": {scArabic}, "ku": {scArabic}, "sd": {scDevanagari}, "ks": {scDevanagari},
	"ha": {scArabic}, "tg": {scLatin, scArabic}, "ug": {scCyrillic, scLatin}, "tt": {scLatin},
	"cnr": {scCyrillic}, "sh": {scCyrillic}, "yi": {scLatin}, "ff": {scOther}, "sat": {scLatin},
}

// textStats is what one pass over a file's lines learns.
type textStats struct {
	scripts scriptCounts
	// words counts letters of words that do not start with a capital, and
	// caps those that do; see MismatchOptions.MinLetters.
	words, caps  int
	upper, lower int // cased letters
	// wordSet is a 1024-bit hash set of the lower-cased words: its
	// population estimates how many different words the text has, which
	// tells running text from a test pattern repeating one word.
	wordSet [16]uint64
	// chunkEnds are the lines after which a piece of at least chunkLetters
	// letters ends, and tailLetters the letters after the last of them:
	// where chunks cuts the text, learnt in this pass so that chunks need
	// not classify every letter of the file again.
	chunkEnds   []int32
	tailLetters int
	// wordsTo is the number of leading lines the word statistics (words,
	// caps, upper, lower, wordSet) cover: all of them after measure, fewer
	// after measureEnough (see complete).
	wordsTo int
}

// measure reads every code point of lines once. It decodes UTF-8 itself
// and looks most code points up in runeInfo: with unicode.IsLetter,
// IsUpper and IsLower per code point it took as long as the identifier.
func measure(lines []string) textStats { return measureEnough(lines, -1, nil) }

// measureEnough is measure for a verdict that needs the word statistics
// only to know that the text has needWords letters of running text and
// minDistinctWords different words (needWords < 0: the whole text). Once a
// prefix of the lines shows both, the rest are not split into words: the
// verdict needs only their tally (letters per script, the chunk cuts),
// which t gives when the lines were tallied already (nil: they are
// tallied here). Both answers only grow with more text, so they are final;
// a verdict that quotes the exact figures calls complete first. Splitting
// words, telling case and hashing every letter was most of measure's cost,
// and a subtitle file has its first 200 running letters within a dozen
// lines.
func measureEnough(lines []string, needWords int, t *Tally) textStats {
	return measureEnoughIn(allLines(lines), needWords, t)
}

// measureEnoughIn is measureEnough on lines read as far as needed: with a
// tally of them, only up to where the word statistics are enough.
func measureEnoughIn(tl *textLines, needWords int, t *Tally) textStats {
	st := textStats{wordsTo: tl.len()}
	info := runeInfoTable()
	enough := func() bool {
		return needWords >= 0 && st.words >= needWords && st.distinctWords() >= minDistinctWords
	}
	if t == nil || len(t.lines) != tl.len() {
		// No tally of these lines: take it here, in the same pass as the
		// words while they last.
		lines := tl.upTo(tl.len())
		t = NewTally(len(lines))
		for i, line := range lines {
			if i >= st.wordsTo {
				t.Line(line)
				continue
			}
			t.lines = append(t.lines, int32(st.measureLine(line, info)))
			if enough() {
				st.wordsTo = i + 1
			}
		}
		for sc, n := range st.scripts { // the letters of the lines read for words
			t.scripts[sc] += n
		}
	} else {
		for i := 0; i < tl.len(); i++ {
			st.measureLine(tl.line(i), info)
			if enough() {
				st.wordsTo = i + 1
				break
			}
		}
	}
	st.scripts = t.scripts // measureLine's counts are part of the tally
	st.scripts[scNone] = 0 // what Letter counted that is not a letter
	n := 0                 // letters since the last chunk end
	for i, k := range t.lines {
		n += int(k)
		if n >= chunkLetters {
			if st.chunkEnds == nil {
				// Each piece has chunkLetters letters: in the tally's
				// memory for them, kept from file to file, else one
				// allocation; none for short texts.
				if need := 1 + t.scripts.total()/chunkLetters; cap(t.ends) >= need {
					st.chunkEnds = t.ends[:0]
				} else {
					st.chunkEnds = make([]int32, 0, need)
				}
			}
			st.chunkEnds = append(st.chunkEnds, int32(i+1))
			n = 0
		}
	}
	st.tailLetters = n
	if st.chunkEnds != nil && cap(st.chunkEnds) <= maxKeptEnds {
		t.ends = st.chunkEnds
	}
	return st
}

// wordsInFull, set by the equivalence test only, makes DetectMismatch
// measure words over the whole text, as it did before measureEnough.
var wordsInFull = false

// complete extends the word statistics of a measureEnough to every line,
// so that the figures a message quotes are those of the whole text.
// Words never cross lines, so the rest is measured on its own; its
// letters are already in the script counts, which are kept as they are.
func (st *textStats) complete(lines []string) { st.completeIn(allLines(lines)) }

func (st *textStats) completeIn(tl *textLines) {
	info, scripts := runeInfoTable(), st.scripts
	for _, line := range tl.upTo(tl.len())[st.wordsTo:] {
		st.measureLine(line, info)
	}
	st.scripts, st.wordsTo = scripts, tl.len()
}

// asciiLetter is 1 for the ASCII small letters, 2 for the capitals and 0
// for every other byte, those of characters outside ASCII included.
var asciiLetter = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 2
	}
	return t
}()

// measureLine adds one line's letters to st and returns how many it has.
// ASCII letters are Latin and their case needs no table; other code points
// are looked up in runeInfo. The counts live in local variables while the
// line is read: fields of st, incremented per letter, cost a memory round
// trip each.
func (st *textStats) measureLine(line string, info *[runeInfoEnd]uint8) (letters int) {
	inWord, capWord := false, false
	var h uint32
	var latin, upper, lower, words, caps int
	for j := 0; j < len(line); {
		r := rune(line[j])
		if r < utf8.RuneSelf {
			if asciiLetter[r] == 0 {
				if inWord {
					st.wordSet[h>>6&15] |= 1 << (h & 63)
				}
				inWord = false
				j++
				continue
			}
			// A run of ASCII letters, read in a loop of its own: one
			// test per letter instead of a branch for each of its facts.
			if !inWord {
				inWord, capWord, h = true, r <= 'Z', 2166136261
			}
			k, ups := j, 0
			for ; k < len(line); k++ {
				c := asciiLetter[line[k]]
				if c == 0 {
					break
				}
				ups += int(c >> 1)
				h = (h ^ uint32(line[k]|0x20)) * 16777619 // hashed lower-cased
			}
			n := k - j
			j = k
			letters += n
			latin += n
			upper += ups
			lower += n - ups
			if capWord {
				caps += n
			} else {
				words += n
			}
			continue
		}
		var size int
		r, size = utf8x.DecodeRune(line[j:])
		j += size
		var f uint8
		if r < runeInfoEnd {
			f = info[r]
		} else {
			f = infoAbove(r)
		}
		sc := script(f & infoScript)
		if sc == scNone {
			if inWord {
				st.wordSet[h>>6&15] |= 1 << (h & 63)
			}
			inWord = false
			continue
		}
		st.scripts[sc]++
		isUpper := f&infoUpper != 0
		switch {
		case isUpper:
			r = unicode.ToLower(r)
		case f&infoLower != 0:
			lower++
		}
		letters++
		if isUpper {
			upper++
		}
		if !inWord {
			inWord, capWord, h = true, isUpper, 2166136261
		}
		h = (h ^ uint32(r)) * 16777619
		if capWord {
			caps++
		} else {
			words++
		}
	}
	if inWord {
		st.wordSet[h>>6&15] |= 1 << (h & 63)
	}
	st.scripts[scLatin] += latin
	st.upper += upper
	st.lower += lower
	st.words += words
	st.caps += caps
	return letters
}

// distinctWords estimates the number of different words (exact while small;
// collisions make it undercount beyond a few hundred, which is all it needs).
func (st *textStats) distinctWords() int {
	n := 0
	for _, w := range st.wordSet {
		n += bits.OnesCount64(w)
	}
	return n
}

// runningLetters is the amount of text the identifier judges: letters not in
// capitalised words, or all letters when the text is written in capitals
// (old broadcast captions) and case tells nothing.
func (st *textStats) runningLetters() int {
	if st.upper > 0 && st.lower*10 < st.upper {
		return st.words + st.caps
	}
	return st.words
}

// DetectMismatch reports (G002) a file whose text is not in its declared
// language. lines are the display lines of the cues, markup removed.
//
// It looks at the writing system first, which is reliable even for short
// texts: a file declared ar with Latin letters, ja without kana, ko without
// Hangul, zh with mostly kana. Then, for a declared language the identifier
// has a profile for and enough running text (opts.MinLetters), it asks the
// identifier about samples of about 300 letters spread over the file, and
// reports only when at least opts.MinConfidence of the samples read as one
// other language or its close relatives, none of them closer to the declared
// language. It never reports:
//
//   - a declared language the identifier has no profile for (ca, gl, sk,
//     ms, is, eu, ...) except on script evidence: the identifier cannot
//     recognise correct text in such a language, so it cannot tell a
//     mismatch either;
//   - languages of one standard (hr/sr/bs, ms/id, no/nb/nn);
//   - close languages (es/pt, da/sv/no, ru/uk, ...) on less than
//     CloseFactor × MinLetters letters or unless every sample agrees;
//   - Simplified vs Traditional Chinese: that is G003.
//
// declared may be any BCP-47 spelling; an invalid, empty or "und" tag gives
// nil (G001 reports it). Mismatch.Confidence is the share of samples that
// voted for the detected language (identifier) or the share of letters
// outside the declared script (script).
func DetectMismatch(declared string, lines []string, opts MismatchOptions) *Mismatch {
	return detectMismatch(declared, allLines(lines), nil, opts)
}

// detectMismatch is DetectMismatch on lines whose tally may be known
// (nil: it is taken here).
func detectMismatch(declared string, lines *textLines, tally *Tally, opts MismatchOptions) *Mismatch {
	opts = opts.withDefaults()
	d := declaredFacts(declared)
	if !d.check {
		return nil
	}
	canon, t, base := d.canon, d.tag, d.base
	need := opts.MinLetters
	if wordsInFull {
		need = -1
	}
	st := measureEnoughIn(lines, need, tally)
	if m := scriptMismatch(canon, t, base, lines, &st, opts); m != nil {
		return m
	}
	return identifierMismatch(canon, t, base, lines, &st, opts)
}

// expectedScripts are the scripts text in t is written in, and whether the
// tag named its script explicitly.
func expectedScripts(t language.Tag, base string) ([]script, bool) {
	sc, conf := t.Script()
	want := iso15924[sc.String()]
	if want == nil {
		return nil, false
	}
	if conf == language.Exact {
		return want, true
	}
	if len(altScripts[base]) == 0 {
		return want, false // callers only read it: no copy (G002 asks twice per file)
	}
	out := append([]script(nil), want...)
	return append(out, altScripts[base]...), false
}

// scriptMismatch is the script-level check.
func scriptMismatch(canon string, t language.Tag, base string, lines *textLines, st *textStats, opts MismatchOptions) *Mismatch {
	total := st.scripts.total()
	if total < opts.MinScriptLetters {
		return nil
	}
	want, _ := expectedScripts(t, base)
	if want == nil {
		return nil // a script we do not track (Mongolian, Tifinagh, ...)
	}
	inWant := 0
	for _, s := range want {
		inWant += st.scripts[s]
	}
	kana, han := st.scripts[scKana], st.scripts[scHan]
	share := float64(inWant) / float64(total)
	if share < opts.MaxDeclaredScriptShare {
		st.completeIn(lines)
		dom := st.scripts.dominant()
		detected := scriptLanguage(dom, st)
		if len(profileScripts[dom]) > 0 && st.distinctWords() >= minDistinctWords {
			// Name the language when the identifier knows the script and
			// most samples agree; otherwise the script alone is the finding.
			if v := identifyChunks(piecesIn(lines, st, opts.SampleLetters), "", nil, 0.5); v.best >= 0 && v.votes*2 > v.judged {
				detected = v.bestTag
			}
		}
		msg := fmt.Sprintf("declared %s, but %.0f%% of the %d letters are %s script, not %s%s",
			describe(canon), (1-share)*100, total, dom, scriptList(want), readsAs(detected))
		return &Mismatch{Rule: "G002", Declared: canon, Detected: detected, Basis: "script",
			Confidence: 1 - share, Letters: total, Message: msg}
	}
	// Japanese without kana is Chinese; Chinese with much kana is Japanese.
	// Both are decided on the CJK letters alone, so bilingual files pass.
	cjk := kana + han
	switch {
	case base == "ja" && han >= opts.MinScriptLetters && kana*50 < cjk && !explicitHan(t):
		msg := fmt.Sprintf("declared %s, but its %d CJK characters contain %s kana: Japanese text mixes kanji with kana; this reads as Chinese",
			describe(canon), cjk, countWord(kana))
		return &Mismatch{Rule: "G002", Declared: canon, Detected: "zh", Basis: "script",
			Confidence: 1 - float64(kana)/float64(cjk), Letters: cjk, Message: msg}
	case isChinese(t) && kana >= opts.MinScriptLetters && kana*5 >= cjk:
		msg := fmt.Sprintf("declared %s, but %d of its %d CJK characters are kana (%.0f%%): Chinese does not use kana; this reads as Japanese",
			describe(canon), kana, cjk, 100*float64(kana)/float64(cjk))
		return &Mismatch{Rule: "G002", Declared: canon, Detected: "ja", Basis: "script",
			Confidence: float64(kana) / float64(cjk), Letters: cjk, Message: msg}
	}
	return nil
}

// explicitHan reports a Japanese tag that says its text is kanji only
// (ja-Hani), which is unusual but then not a mismatch.
func explicitHan(t language.Tag) bool {
	s, c := t.Script()
	return c == language.Exact && s.String() == "Hani"
}

// scriptLanguage names the language text of script s most likely is, as a
// BCP-47 tag: the script's main language where it has one (Hangul → ko),
// else "und-" plus the script.
func scriptLanguage(s script, st *textStats) string {
	switch s {
	case scHan:
		if st.scripts[scKana]*50 >= st.scripts[scKana]+st.scripts[scHan] {
			return "ja"
		}
		return "zh"
	case scKana:
		return "ja"
	case scHangul:
		return "ko"
	case scThai:
		return "th"
	case scGreek:
		return "el"
	case scHebrew:
		return "he"
	case scArmenian:
		return "hy"
	case scGeorgian:
		return "ka"
	case scKhmer:
		return "km"
	case scLao:
		return "lo"
	case scSinhala:
		return "si"
	case scMyanmar:
		return "my"
	case scTamil:
		return "ta"
	case scTelugu:
		return "te"
	case scKannada:
		return "kn"
	case scMalayalam:
		return "ml"
	case scGujarati:
		return "gu"
	case scGurmukhi:
		return "pa"
	case scOriya:
		return "or"
	case scBengali:
		return "bn"
	case scTibetan:
		return "bo"
	}
	for code, list := range iso15924 {
		if len(list) == 1 && list[0] == s && len(code) == 4 {
			return "und-" + code
		}
	}
	return "und"
}

// minDistinctWords is the least number of different words a text needs
// before the identifier judges it: test files that repeat "valid0",
// "valid1", ... have hundreds of letters and one word.
const minDistinctWords = 20

// identifierMismatch asks the trigram identifier, chunk by chunk.
func identifierMismatch(canon string, t language.Tag, base string, lines *textLines, st *textStats, opts MismatchOptions) *Mismatch {
	dom := st.scripts.dominant()
	if !profiled[dom][base] {
		return nil
	}
	if want, _ := expectedScripts(t, base); !hasScript(want, dom) {
		return nil
	}
	letters := st.runningLetters()
	if letters < opts.MinLetters || st.distinctWords() < minDistinctWords {
		return nil
	}
	v := identifyChunks(piecesIn(lines, st, opts.SampleLetters), base, idByTag[base], opts.MinConfidence)
	if v.best < 0 || v.judged == 0 {
		return nil
	}
	share := float64(v.votes) / float64(v.judged)
	if share < opts.MinConfidence {
		return nil
	}
	// The thresholds above hold for a partial measure (measureEnough);
	// the close-relative test and the message need the whole text's count.
	st.completeIn(lines)
	letters = st.runningLetters()
	close := inGroup(closeGroups, base, v.bestTag)
	if close && (letters < opts.CloseFactor*opts.MinLetters || v.votes < v.judged) {
		return nil
	}
	rel := orRelatives(v.bestTag, base)
	as := idLanguageName(v.bestTag)
	if rel != "" {
		as += " or a close relative"
	}
	msg := fmt.Sprintf("declared %s, but the text reads as %s%s: %d of %d samples of about %d letters (%.0f%%) were identified as %s, none closer to %s; %d letters of running text",
		describe(canon), describe(v.bestTag), rel, v.votes, v.judged, chunkLetters, share*100, as, languageName(base), letters)
	if v.declared > 0 {
		msg = strings.Replace(msg, ", none closer to", fmt.Sprintf(", %d to", v.declared), 1)
	}
	return &Mismatch{Rule: "G002", Declared: canon, Detected: v.bestTag, Basis: "identifier",
		Confidence: share, Letters: letters, Message: msg}
}

// chunks cuts lines into pieces of at least chunkLetters letters (the
// last piece joins its predecessor when short) and, when there are more
// than maxLetters/chunkLetters pieces, keeps that many spread evenly over
// the file, so that long files stay fast and a foreign-language song at
// the start does not decide. The cuts are those measure found (st).
func chunks(lines []string, st *textStats, maxLetters int) []string {
	ps := pieces(lines, st, maxLetters)
	out := make([]string, ps.len())
	for k := range out {
		out[k] = ps.text(k)
	}
	return out
}

// textPieces are the pieces chunks keeps, joined only when the identifier
// reads them: a correct file is settled by its first. A piece's lines are
// worked out from the cuts when asked for (span), not listed: a file has
// a piece every chunkLetters letters, and most are never read.
type textPieces struct {
	lines *textLines
	ends  []int32 // the cuts (textStats.chunkEnds)
	count int     // the pieces the cuts make, a short tail joined to the last
	kept  int     // the pieces kept, spread evenly over count
}

type lineSpan struct{ from, to int }

func (ps textPieces) len() int { return ps.kept }

// span is the lines of the k-th piece kept.
func (ps textPieces) span(k int) lineSpan {
	i := k * ps.count / ps.kept
	s := lineSpan{0, ps.lines.len()}
	if i > 0 {
		s.from = int(ps.ends[i-1])
	}
	if i < ps.count-1 {
		s.to = int(ps.ends[i]) // the last piece ends with the lines
	}
	return s
}

func (ps textPieces) text(k int) string {
	s := ps.span(k)
	return strings.Join(ps.lines.upTo(s.to)[s.from:s.to], "\n")
}

func pieces(lines []string, st *textStats, maxLetters int) textPieces {
	return piecesIn(allLines(lines), st, maxLetters)
}

func piecesIn(lines *textLines, st *textStats, maxLetters int) textPieces {
	ends := st.chunkEnds
	count, from := len(ends), 0
	if count > 0 {
		from = int(ends[count-1])
	}
	if from < lines.len() && (count == 0 || st.tailLetters >= chunkLetters/2) {
		count++ // the lines after the last cut: a piece of their own, or joined to the last
	}
	keep := max(1, maxLetters/chunkLetters)
	return textPieces{lines: lines, ends: ends, count: count, kept: min(keep, count)}
}

func hasScript(list []script, s script) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func describe(canon string) string {
	name := idLanguageName(canon)
	if name == canon {
		return canon
	}
	return name + " (" + canon + ")"
}

func readsAs(detected string) string {
	if detected == "" || strings.HasPrefix(detected, "und") {
		return ""
	}
	return "; it reads as " + idLanguageName(detected) + orRelatives(detected, "")
}

// orRelatives is " or a close relative (…)" naming the close relatives of
// an identified language, which the identifier does not reliably tell from
// it (it takes Swedish subtitles for Norwegian Nynorsk, Hindi for
// Bhojpuri): a message must not claim more precision than the identifier
// has. The declared language is left out; "" when no relative has a
// profile.
func orRelatives(tag, declared string) string {
	names := relatives(tag, declared)
	if len(names) == 0 {
		return ""
	}
	return " or a close relative (" + strings.Join(names, ", ") + ")"
}

func relatives(tag, declared string) []string {
	var names []string
	seen := map[string]bool{tag: true, declared: true, idLanguageName(tag): true}
	f := familyOf(tag)
	for _, groups := range [][][]string{sameGroups, closeGroups} {
		for _, g := range groups {
			if g[0] != f {
				continue
			}
			for _, x := range g {
				// "no" and "nb" share a name; a name is listed once.
				if n := idLanguageName(x); !seen[x] && !seen[n] && hasProfile(x) {
					seen[x], seen[n] = true, true
					names = append(names, n)
				}
			}
		}
	}
	return names
}

// idLanguageName is languageName, falling back to the identifier's English
// name for the few languages CLDR has no English name for (skr, Saraiki).
func idLanguageName(tag string) string {
	if n := languageName(tag); n != tag {
		return n
	}
	if ls := idByTag[tag]; len(ls) > 0 {
		if n := whatlanggo.Langs[ls[0]]; n != "" {
			return n
		}
	}
	return tag
}

// hasProfile reports whether the identifier has a profile for tag.
func hasProfile(tag string) bool {
	for _, m := range profiled {
		if m[tag] {
			return true
		}
	}
	return false
}

func scriptList(s []script) string {
	names := make([]string, len(s))
	for i, x := range s {
		names[i] = x.String()
	}
	return strings.Join(names, " or ")
}

func countWord(n int) string {
	if n == 0 {
		return "no"
	}
	return fmt.Sprintf("only %d", n)
}
