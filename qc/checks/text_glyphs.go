package checks

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

var (
	GlyphNotAllowed = &rule.Rule{
		Code: "X001", Name: "glyph-not-allowed", Family: "text",
		Summary: "A character is outside the glyphs allowed for the file's language",
		Doc: "Platforms render subtitles with fonts that cover a fixed glyph list (Netflix: the Netflix Glyph " +
			"List); a character outside it shows as a box or a fallback glyph, or fails ingest. The allowed characters " +
			"are the glyph sets the language pack names (glyph_sets) plus its extra characters; the finding gives each " +
			"character's code point and name, one finding per cue. The sets are in qc/checks/textdata/glyphsets.txt: a " +
			"conservative stand-in built from Unicode blocks per script, NOT the Netflix Glyph List (one list of about " +
			"38,600 code points for every language, not shipped here): a character of another script is reported " +
			"even where that list holds it, and a rare letter of the file's script may pass where it does not [?]. " +
			"Languages without glyph_sets are not checked. Replace the character with an allowed one (a straight " +
			"apostrophe or a curly one the set holds, a plain space for U+00A0 outside French).",
		Params: []rule.ParamSpec{
			{Name: "glyph_sets", Kind: rule.KindString, Doc: "comma-separated glyph sets of textdata/glyphsets.txt (basic, latin, punctuation, cyrillic, greek, arabic, hebrew, devanagari, thai, hangul, cjk, kana); empty: not checked"},
			{Name: "extra", Kind: rule.KindString, Doc: "further allowed characters, as U+XXXX or the characters themselves"},
		},
		Run: runGlyphNotAllowed, DefaultSeverity: rule.Warning,
	}
	InvisibleCharacter = &rule.Rule{
		Code: "X002", Name: "invisible-character", Family: "text",
		Summary: "The text holds a control, zero-width, separator or private-use character",
		Doc: "Tabs and C1 control characters (the other C0 controls are E005's), U+2028/U+2029 line and paragraph separators, zero-width spaces and joiners, " +
			"bidirectional controls, soft hyphens, byte-order marks inside the text, private-use code points and U+FFFD " +
			"(the mark of an earlier decoding error) are invisible or undefined on screen; players drop them, draw boxes " +
			"or break the line. Checked in every language; a pack may allow the ones its script needs (allow: ZWNJ in " +
			"Hindi, direction marks in Arabic and Hebrew). Delete the character or replace it with a plain space.",
		Params: []rule.ParamSpec{
			{Name: "allow", Kind: rule.KindString, Doc: "characters this language needs, as U+XXXX; empty: none"},
		},
		Run: runInvisibleCharacter, DefaultSeverity: rule.Error,
	}
	MixedScriptWord = &rule.Rule{
		Code: "X003", Name: "mixed-script-word", Family: "text",
		Summary: "A word mixes letters of the Latin, Cyrillic and Greek scripts (a homoglyph)",
		Doc: "A Cyrillic а (U+0430) or Greek ο (U+03BF) inside a Latin word looks identical on screen but breaks " +
			"search, spell-check, text-to-speech and glyph checks; it comes from OCR or a keyboard left in the wrong " +
			"layout. A word is a run of letters; the finding names the odd letters' code points. Which letters are odd " +
			"is what the text around the word says (the script of the cue's other words, else the file's) when the word " +
			"can be written wholly in it (\"Toмa\" in Russian is Тома, though most of its letters are Latin), else the " +
			"word's own majority. Retype the word (exportqc fix does when every odd letter has an identical twin). " +
			"Unit symbols that pair a Latin prefix or unit with Greek Ω or μ (kΩ, μg), which look like no Latin " +
			"letter, are not reported.",
		Run: runMixedScriptWord, DefaultSeverity: rule.Error,
	}
)

//go:embed textdata/glyphsets.txt
var glyphSetData string

type runeRange struct{ lo, hi rune }

var (
	glyphSetsOnce sync.Once
	glyphSets     map[string][]runeRange
	glyphSetsErr  error
)

// loadGlyphSets parses textdata/glyphsets.txt once.
func loadGlyphSets() (map[string][]runeRange, error) {
	glyphSetsOnce.Do(func() {
		glyphSets = map[string][]runeRange{}
		for n, line := range strings.Split(glyphSetData, "\n") {
			f := strings.Fields(line)
			if len(f) == 0 || strings.HasPrefix(f[0], "#") {
				continue
			}
			if len(f) < 2 {
				glyphSetsErr = fmt.Errorf("glyphsets.txt:%d: want SET RANGE", n+1)
				return
			}
			lo, hi, ok := strings.Cut(f[1], "-")
			if !ok {
				hi = lo
			}
			a, err1 := strconv.ParseUint(lo, 16, 32)
			b, err2 := strconv.ParseUint(hi, 16, 32)
			if err1 != nil || err2 != nil || b < a {
				glyphSetsErr = fmt.Errorf("glyphsets.txt:%d: bad range %q", n+1, f[1])
				return
			}
			glyphSets[f[0]] = append(glyphSets[f[0]], runeRange{rune(a), rune(b)})
		}
	})
	return glyphSets, glyphSetsErr
}

// glyphAllowance is the allowed set of one (glyph_sets, extra) pair. It
// is built once per run (glyphAllowanceFor) and shared by every file and
// worker, so it is read-only once built.
type glyphAllowance struct {
	ranges []runeRange
	extra  map[rune]bool
	// bmp answers for every code point of the Basic Multilingual Plane,
	// one bit each (8 KB): a load per character, where searching the
	// ranges and the extra map per character was most of X001's time on
	// Korean, Chinese or accented Latin text.
	bmp     [0x10000 / 64]uint64
	asciiOK bool        // every printable ASCII character is allowed: such lines need no look
	whole   wholeBlocks // the blocks of lineFacts it allows whole: lines of them need no look either
}

func (g *glyphAllowance) allows(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return g.bmp[r>>6]&(1<<(r&63)) != 0
	}
	return g.lookup(r)
}

// lookup answers from the ranges and extra characters themselves.
func (g *glyphAllowance) lookup(r rune) bool {
	if g.extra[r] {
		return true
	}
	i := sort.Search(len(g.ranges), func(i int) bool { return g.ranges[i].hi >= r })
	return i < len(g.ranges) && g.ranges[i].lo <= r
}

// fillTable sets bmp from the ranges and the extra characters.
func (g *glyphAllowance) fillTable() {
	set := func(r rune) { g.bmp[r>>6] |= 1 << (r & 63) }
	for _, rg := range g.ranges {
		for r := max(rg.lo, 0); r <= min(rg.hi, 0xFFFF); r++ {
			set(r)
		}
	}
	for r := range g.extra {
		if r >= 0 && r < 0x10000 {
			set(r)
		}
	}
	g.asciiOK = true
	for r := rune(0x20); r < 0x7F; r++ {
		g.asciiOK = g.asciiOK && g.allows(r)
	}
	g.whole = wholeBlocksOf(g)
}

// glyphAllowances caches glyphAllowanceFor's answers by "sets\x00extra".
var glyphAllowances sync.Map

type allowanceOrError struct {
	g   *glyphAllowance
	err error
}

// glyphAllowanceFor is newGlyphAllowance, built once per pair of values.
func glyphAllowanceFor(setList, extra string) (*glyphAllowance, error) {
	key := setList + "\x00" + extra
	if v, ok := glyphAllowances.Load(key); ok {
		a := v.(allowanceOrError)
		return a.g, a.err
	}
	g, err := newGlyphAllowance(setList, extra)
	v, _ := glyphAllowances.LoadOrStore(key, allowanceOrError{g, err})
	a := v.(allowanceOrError)
	return a.g, a.err
}

func newGlyphAllowance(setList, extra string) (*glyphAllowance, error) {
	sets, err := loadGlyphSets()
	if err != nil {
		return nil, err
	}
	g := &glyphAllowance{}
	for _, name := range words(setList) {
		rs, ok := sets[name]
		if !ok {
			known := make([]string, 0, len(sets))
			for k := range sets {
				known = append(known, k)
			}
			sort.Strings(known)
			return nil, fmt.Errorf("no glyph set %q (known: %s)", name, strings.Join(known, ", "))
		}
		g.ranges = append(g.ranges, rs...)
	}
	sort.Slice(g.ranges, func(i, j int) bool { return g.ranges[i].lo < g.ranges[j].lo })
	if g.extra, err = parseRuneList(extra); err != nil {
		return nil, err
	}
	g.fillTable()
	return g, nil
}

func runGlyphNotAllowed(p *rule.Pass) {
	setList := p.String("glyph_sets")
	if strings.TrimSpace(setList) == "" {
		return
	}
	allowed, err := glyphAllowanceFor(setList, p.String("extra"))
	if err != nil {
		badParam(p, "glyph_sets", err)
		return
	}
	asciiOK, whole := allowed.asciiOK, allowed.whole
	if asciiOK && whole.holds(fileFacts(p)) {
		return // printable ASCII and blocks allowed whole: nothing to look at
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		// One finding per cue, at the first line with a stray character,
		// naming every distinct one: a line of another script is one problem.
		var odd []rune // the distinct stray characters, in order (a handful at most)
		first := -1
		for j, l := range c.Lines {
			if asciiOK && whole.holds(&facts[j]) {
				continue
			}
			for _, r := range l.Text {
				// Invisible characters are X002's: one finding per problem.
				if allowed.allows(r) || invisible(r) || slices.Contains(odd, r) {
					continue
				}
				odd = append(odd, r)
				if first < 0 {
					first = j
				}
			}
		}
		if first < 0 {
			return
		}
		const maxNamed = 3
		names := make([]string, 0, maxNamed)
		for _, r := range odd[:min(len(odd), maxNamed)] {
			names = append(names, codePoint(r))
		}
		what := strings.Join(names, ", ")
		if len(odd) > maxNamed {
			what += " and " + itoa(int64(len(odd)-maxNamed)) + " more"
		}
		verb := " is"
		if len(odd) > 1 {
			verb = " are"
		}
		reportLine(p, c, first, "glyph_sets", what+verb+" not in the glyphs allowed for this language ("+setList+") in "+
			lineNo(first)+": "+quote(c.Lines[first].Text), "characters of "+setList, what)
	})
}

// invisible reports the characters X002 is about.
func invisible(r rune) bool {
	switch {
	case r == '\t' || (r >= 0x80 && r <= 0x9F): // tab, C1
		// The other C0 controls and DEL are E005's, reported at their line
		// of the file; reporting them again per cue would say it twice.
		return true
	case r == 0x00AD, r == 0x061C, r == 0x180E, r == 0xFEFF, r == 0xFFFD:
		return true // soft hyphen, Arabic letter mark, Mongolian vowel separator, BOM, replacement character
	case r >= 0x200B && r <= 0x200F, r >= 0x2028 && r <= 0x202E, r >= 0x2060 && r <= 0x2069:
		return true // zero-width, direction marks, separators, embeddings, word joiner, isolates
	case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000: // private use (BMP, planes 15 and 16)
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE: // noncharacters
		return true
	}
	return false
}

func runInvisibleCharacter(p *rule.Pass) {
	allow, err := parseRuneList(p.String("allow"))
	if err != nil {
		badParam(p, "allow", err)
		return
	}
	if !fileFacts(p).is(hasInvisible) {
		return
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		var seen []rune // reported in this cue already (a handful at most)
		for j, l := range c.Lines {
			if !facts[j].is(hasInvisible) {
				continue // the common line: nothing invisible in it
			}
			for _, r := range l.Text {
				if !invisible(r) || allow[r] || slices.Contains(seen, r) {
					continue
				}
				seen = append(seen, r)
				reportLine(p, c, j, "", codePoint(r)+" is invisible or undefined on screen, in "+lineNo(j)+": "+
					quote(strings.Map(visible, l.Text)), "no "+fmt.Sprintf("U+%04X", r), codePoint(r), invisibleFix(p, c, r)...)
			}
		}
	})
}

// visible shows invisible characters in a quoted line as "�" so that the
// message itself carries none.
func visible(r rune) rune {
	if invisible(r) || r < 0x20 || r == 0x7F {
		return '\uFFFD'
	}
	return r
}

// homoglyphScripts are the scripts whose letters look alike.
var homoglyphScripts = []struct {
	name  string
	table *unicode.RangeTable
}{{"Latin", unicode.Latin}, {"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek}}

// lowScripts answers scriptOf and wordRune below U+2000 (the Latin,
// Greek and Cyrillic blocks and their extensions) from one table instead
// of walking three Unicode range tables per letter; built on first use.
var lowScripts = sync.OnceValue(func() *[0x2000]int8 {
	var t [0x2000]int8
	for r := range t {
		t[r] = int8(scriptOfTables(rune(r))) << 1
		if unicode.IsLetter(rune(r)) || unicode.IsMark(rune(r)) {
			t[r] |= 1
		}
	}
	return &t
})

func scriptOf(r rune) int {
	if r >= 0 && r < 0x2000 {
		return int(lowScripts()[r] >> 1)
	}
	return scriptOfTables(r)
}

// wordRune reports the characters X003's words are made of: letters and marks.
func wordRune(r rune) bool {
	if r >= 0 && r < 0x2000 {
		return lowScripts()[r]&1 != 0
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func scriptOfTables(r rune) int {
	for i, s := range homoglyphScripts {
		if unicode.Is(s.table, r) {
			return i
		}
	}
	return -1
}

func runMixedScriptWord(p *rule.Pass) {
	if all := fileFacts(p); !all.is(hasCyrGreek) || !all.mayMixScripts() {
		return
	}
	// The scripts of the text around a mixed word, each counted once, on
	// the first word that needs it (a cue of many mixed words must not
	// count its text once per word).
	var fileScript *int
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		var cueScript *int
		context := func() int {
			if cueScript == nil {
				s := majorScript(cueScriptCount(c))
				cueScript = &s
			}
			if *cueScript >= 0 {
				return *cueScript
			}
			if fileScript == nil {
				s := majorScript(fileScriptCount(p))
				fileScript = &s
			}
			return *fileScript
		}
		for j, l := range c.Lines {
			if f := &facts[j]; !f.is(hasCyrGreek) || !f.mayMixScripts() {
				continue // Latin letters only (or none of the three): no word can mix them
			}
			for _, w := range strings.FieldsFunc(l.Text, func(r rune) bool { return !wordRune(r) }) {
				count := scriptCount(w)
				if scripts(count) < 2 || unitSymbol(w) {
					continue
				}
				meant, fixable := meantScript(w, count, context)
				var odd []string
				for _, r := range w {
					if s := scriptOf(r); s >= 0 && s != meant {
						odd = append(odd, codePoint(r))
					}
				}
				var fixes []rule.SuggestedFix
				if fixable {
					fixes = homoglyphFix(p, c, j, w, meant)
				}
				reportLine(p, c, j, "", "word \""+w+"\" in "+lineNo(j)+" mixes "+homoglyphScripts[meant].name+
					" with "+strings.Join(odd, ", "), "one script per word", strings.Join(odd, ", "), fixes...)
			}
		}
	})
}

// scriptCount counts w's letters of each of homoglyphScripts.
func scriptCount(w string) [3]int {
	var count [3]int
	for _, r := range w {
		if s := scriptOf(r); s >= 0 {
			count[s]++
		}
	}
	return count
}

// scripts is how many scripts count has letters of.
func scripts(count [3]int) int {
	n := 0
	for _, c := range count {
		if c > 0 {
			n++
		}
	}
	return n
}

// majorScript is the script with more letters than each other one, or -1
// when there are none or two share the most.
func majorScript(count [3]int) int {
	major, tie := -1, false
	for s, n := range count {
		switch {
		case n == 0:
		case major < 0 || n > count[major]:
			major, tie = s, false
		case n == count[major]:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return major
}

// meantScript is the script a mixed word was meant to be written in, and
// whether it is clear enough to rewrite the word in it. The text around
// the word decides first (context: the script of the cue's other words,
// else of the file's; -1 if neither has one) when every letter of
// another script has an identical twin in it: "Toљкa" among Serbian words
// is Cyrillic with a Latin T, o and a, though three of its five letters
// are Latin. Otherwise the word's own majority decides ("Москвa" quoted
// in English stays Cyrillic: в has no Latin twin), and is fixable when it
// holds most of the word; a tie with no usable context ("дa") names the
// first script and needs a person.
func meantScript(w string, count [3]int, context func() int) (int, bool) {
	if s := context(); s >= 0 && writableIn(w, s) {
		return s, true
	}
	total, major := count[0]+count[1]+count[2], 0
	for s := range count {
		if count[s] > count[major] {
			major = s
		}
	}
	return major, 2*count[major] > total && writableIn(w, major)
}

// writableIn reports whether every letter of w of another of
// homoglyphScripts has an identical twin in script s.
func writableIn(w string, s int) bool {
	for _, r := range w {
		if rs := scriptOf(r); rs >= 0 && rs != s {
			if _, ok := homoglyphIn(r, s); !ok {
				return false
			}
		}
	}
	return true
}

// cueScriptCount counts the letters of c's words written in one script
// (mixed words are what is in question, not context).
func cueScriptCount(c *cue.Cue) [3]int {
	var count [3]int
	for _, l := range c.Lines {
		addSingleScriptWords(&count, l.Text)
	}
	return count
}

// fileScriptCount is cueScriptCount over every cue of the file.
func fileScriptCount(p *rule.Pass) [3]int {
	var count [3]int
	for i := range p.Doc.Cues {
		for _, l := range p.Doc.Cues[i].Lines {
			addSingleScriptWords(&count, l.Text)
		}
	}
	return count
}

func addSingleScriptWords(count *[3]int, text string) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !wordRune(r) }) {
		if wc := scriptCount(w); scripts(wc) == 1 {
			for s, n := range wc {
				count[s] += n
			}
		}
	}
}

// unitSymbol reports a word that mixes Latin and Greek as a unit symbol
// does: an SI prefix before the ohm ("kΩ", "MΩ", also with U+2126 OHM
// SIGN) or the micro prefix before a unit ("μg", "μs", "μF"). Ω and μ look
// like no Latin letter, so such a word is no homoglyph: it is how
// documentaries write units.
func unitSymbol(w string) bool {
	for _, ohm := range []string{"Ω", "\u2126"} {
		if prefix, ok := strings.CutSuffix(w, ohm); ok {
			return siPrefixes[prefix]
		}
	}
	if unit, ok := strings.CutPrefix(w, "μ"); ok {
		return microUnits[unit]
	}
	return false
}

// siPrefixes before Ω: pico to tera, micro as the micro sign (U+00B5).
var siPrefixes = map[string]bool{"p": true, "n": true, "\u00B5": true, "m": true, "k": true, "M": true, "G": true, "T": true}

// microUnits are the SI units subtitles write after μ.
var microUnits = map[string]bool{"m": true, "g": true, "s": true, "l": true, "L": true, "F": true, "V": true,
	"A": true, "W": true, "J": true, "N": true, "C": true, "K": true, "Hz": true, "mol": true, "Sv": true, "Gy": true}

// printableASCII reports a line of printable ASCII only (space to tilde):
// most lines of Latin-script subtitles, which the glyph rules can pass at a
// glance instead of looking each character up.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E {
			return false
		}
	}
	return true
}

// hasCyrillicOrGreek reports a code point of the Cyrillic or Greek blocks:
// without one, no word of the line can mix Latin with either (a quick
// range test instead of looking every letter's script up).
func hasCyrillicOrGreek(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0xC0 {
			continue // ASCII, or a continuation byte
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); isCyrillicOrGreek(r) {
			return true
		}
	}
	return false
}

// isCyrillicOrGreek reports a code point of the Cyrillic or Greek blocks.
func isCyrillicOrGreek(r rune) bool {
	return (r >= 0x0370 && r <= 0x052F) || (r >= 0x1C80 && r <= 0x1C8F) || (r >= 0x1F00 && r <= 0x1FFF) ||
		(r >= 0x2DE0 && r <= 0x2DFF) || (r >= 0xA640 && r <= 0xA69F)
}
