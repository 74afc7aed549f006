package checks

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/rule"
)

// lineFacts is what a quick pass over a display line's bytes tells every
// text rule at once: which ASCII characters occur, which follow a space,
// how long its runs of full stops are, and whether it holds anything
// outside ASCII worth a closer look; for the layout rules, whether it has
// stray whitespace (L004) and how many code points it has, which bounds
// its character count (L001, T005). A rule asks the facts whether its
// trigger can occur on the line and looks no further when it cannot; the
// facts are taken once per file (textCueFacts) instead of each rule
// decoding every line again. Every answer errs towards "maybe": a rule that
// runs on a line the facts let through behaves exactly as without them.
//
// Forty bytes a line: a file's facts are one allocation the size of a few
// of its lines' text.
type lineFacts struct {
	ascii asciiSet // ASCII characters in the line
	// the blocks of the characters outside ASCII (text_scan_blocks.go)
	blocksLow  uint64
	afterSpace uint32 // bit b-0x20: character b (0x21..0x3F) right after a space, tab, U+00A0 or U+202F; bit 0: any other
	afterMark  uint32 // the same, right after a character of 0x21..0x3F (a mark or digit): "!!", "?!", ",,"
	dots       uint16 // bit n: a run of exactly n full stops (n < 15); bit 15: a longer run
	flags      factFlags
	blocksHigh uint32
	runes      uint32 // code points, an invalid byte counting one (as utf8 decodes): at least the line's character count
	// joined: a character of the line may share a grapheme cluster with
	// its neighbour (a mark, a joiner, an emoji, a control such as CR, an
	// invalid byte: not textcount.Simple). A line without is counted by
	// its code points: runes is its character count at weight 1.
	joined bool
}

type factFlags uint16

const (
	nonASCII     factFlags = 1 << iota // a byte ≥ 0x80
	unprintable                        // a byte outside space..tilde
	hasInvisible                       // a character invisible() reports
	hasCyrGreek                        // a code point of the Cyrillic or Greek blocks (hasCyrillicOrGreek)
	hasGuillemet                       // « or »
	hasInverted                        // ¿ or ¡
	hasNote                            // ♪ or ♫
	spaceRune                          // U+00A0 or U+202F (scanLine's own note)
	mayLatin                           // a letter that may be of the Latin script (ASCII letters: see latinASCII)
	mayCyrillic                        // one that may be Cyrillic
	mayGreek                           // one that may be Greek
	mayMark                            // a character outside ASCII that may be punctuation or a symbol (markBits)
	mayQuote                           // one that may be a quotation mark or bracket (quoteBits)
	blankLine                          // nothing but white space (strings.TrimSpace leaves "")
	edgeSpace                          // starts or ends with a space or tab
	doubleSpace                        // two spaces in a row
)

// joinsCluster is, in a runeClass's flags only, a character that may
// share a grapheme cluster with a neighbour (not textcount.Simple). It
// borrows blankLine's bit, which no character's class has (only a line as
// a whole is blank): the scan gathers it with the character's other flags
// at no cost of its own, then moves it to lineFacts.joined.
const joinsCluster = blankLine

// strayWhitespace are the flags of a line L004 reports.
const strayWhitespace = blankLine | edgeSpace | doubleSpace

var latinASCII = asciiOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

// mayMixScripts reports whether a word of the line can mix the Latin,
// Cyrillic and Greek scripts: it needs letters of two of them.
func (f *lineFacts) mayMixScripts() bool {
	n := 0
	if f.is(mayLatin) || f.ascii.meets(latinASCII) {
		n++
	}
	if f.is(mayCyrillic) {
		n++
	}
	if f.is(mayGreek) {
		n++
	}
	return n >= 2
}

// asciiSet is a set of ASCII characters: one bit for each of space to
// '?' (the marks and digits) and each other character that is not a
// letter; one for all 52 letters, one for tab, one for the other control
// characters, one for any byte outside ASCII. A set holding a letter
// therefore "has" every letter: for the rules' questions that errs
// towards maybe, as it must.
type asciiSet uint64

const (
	spaceBit    asciiSet = 1 << (' ' - 0x20)
	letterBit   asciiSet = 1 << 44
	tabBit      asciiSet = 1 << 45
	controlBit  asciiSet = 1 << 46 // U+0000–U+001F but tab, and DEL
	nonASCIIBit asciiSet = 1 << 47 // a byte ≥ 0x80 (not part of asciiOf's sets)
)

// bitOf[b] is byte b's bit.
var bitOf = func() (t [256]asciiSet) {
	next := 32 // 0x20..0x3F take bits 0..31; the other non-letters follow
	for b := range t {
		switch {
		case b >= utf8.RuneSelf:
			t[b] = nonASCIIBit
		case b == '\t':
			t[b] = tabBit
		case b < 0x20 || b == 0x7F:
			t[b] = controlBit
		case b < 0x40:
			t[b] = 1 << (b - 0x20)
		case 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z':
			t[b] = letterBit
		default: // @ [ \ ] ^ _ ` { | } ~
			t[b] = 1 << next
			next++
		}
	}
	return t
}()

func (s asciiSet) has(b byte) bool       { return b < utf8.RuneSelf && s&bitOf[b] != 0 }
func (s asciiSet) meets(o asciiSet) bool { return s&o != 0 }

// asciiOf is the set of the ASCII characters of chars.
func asciiOf(chars string) asciiSet {
	var s asciiSet
	for i := 0; i < len(chars); i++ {
		if chars[i] < utf8.RuneSelf {
			s |= bitOf[chars[i]]
		}
	}
	return s
}

var digits = asciiOf("0123456789")

func (f *lineFacts) is(flag factFlags) bool { return f.flags&flag != 0 }

// dotRun reports whether the line has a run of exactly n full stops.
func (f *lineFacts) dotRun(n int) bool {
	if n >= 15 {
		return f.dots&(1<<15) != 0
	}
	return n >= 0 && f.dots&(1<<n) != 0
}

// mayFollowMark reports whether the ASCII mark b (0x21..0x3F) can stand
// right after a, another one: whether the line can hold the pair "ab".
func (f *lineFacts) mayFollowMark(a, b byte) bool {
	return f.ascii.has(a) && f.afterMark&afterBit(b) != 0
}

// mayFollowSpace reports whether one of the marks (low: those below 0x40;
// high: whether there are others) can stand right after a space.
func (f *lineFacts) mayFollowSpace(low uint32, high bool) bool {
	return f.afterSpace&low != 0 || (high && f.afterSpace&1 != 0)
}

// maybeAll is the facts of a line the rules must read in full: every test
// says "maybe". The equivalence test runs each rule with it as reference.
var maybeAll = lineFacts{ascii: ^asciiSet(0), afterSpace: ^uint32(0), afterMark: ^uint32(0), dots: ^uint16(0),
	flags: ^factFlags(0), blocksLow: ^uint64(0), blocksHigh: ^uint32(0), joined: true}

// byteFacts[b] is what byte b adds to a line's facts: its bit in the
// set, its bit in afterSpace or afterMark when a space or a mark precedes
// it, and whether it is itself a space or a mark for the next byte.
type byteFact struct {
	bit                asciiSet
	after, space, mark uint32
	blank              factFlags // doubleSpace for a space: two in a row set it
	letter             uint8     // 1 for a letter G002 counts (langcheck.Tally)
}

var byteFacts = func() (t [256]byteFact) {
	for b := range t {
		t[b] = byteFact{bit: bitOf[b], after: afterBit(byte(b))}
		if b == ' ' || b == '\t' {
			t[b].space = ^uint32(0)
		}
		if b == ' ' {
			t[b].blank = doubleSpace
		}
		if langcheck.IsASCIILetter(byte(b)) {
			t[b].letter = 1
		}
		if b > 0x20 && b < 0x40 {
			t[b].mark = ^uint32(0)
		}
	}
	return t
}()

// isMarkByte reports the characters afterMark follows: '!' to '?'.
func isMarkByte(b byte) bool { return b > 0x20 && b < 0x40 }

// afterBit is b's bit in lineFacts.afterSpace.
func afterBit(b byte) uint32 {
	if b > 0x20 && b < 0x40 {
		return 1 << (b - 0x20)
	}
	return 1
}

// scanLine takes a line's facts, and adds its letters to tally (G002's
// letters per script and per line) when tally is not nil. The bytes are
// read once, eight at a time (scanASCII), for the ASCII characters and
// those after a space; full stops and characters outside ASCII, where the
// line has them, are then looked at on their own.
func scanLine(s string, tally *langcheck.Tally) lineFacts {
	var f lineFacts
	f.scan(s, tally)
	return f
}

// scan is scanLine writing the facts in place: a file's facts are taken
// straight into their slice, without copying each line's twice.
func (f *lineFacts) scan(s string, tally *langcheck.Tally) {
	if isWide(s) {
		f.scanWide(s, tally)
		return
	}
	set, letters := scanASCIIInto(f, s)
	others := 0
	if set&nonASCIIBit != 0 {
		others = f.scanOther(s, tally)
	}
	// finish's work, written out: a call per line is a few per cent of
	// an English line's scan.
	if set&(tabBit|controlBit) != 0 {
		f.flags |= unprintable
	}
	if len(s) > 0 && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		f.flags |= edgeSpace
	}
	if set&tabBit != 0 {
		f.flags |= hasInvisible
	}
	if f.mayBeBlank(set) && strings.TrimSpace(s) == "" {
		f.flags |= blankLine
	}
	if tally != nil {
		tally.LineEnd(letters, others)
	}
}

// finish adds the facts of the line as a whole, given the set of its
// ASCII characters, and closes its tally (ASCII letters and others).
func (f *lineFacts) finish(s string, set asciiSet, letters, others int, tally *langcheck.Tally) {
	if set&(tabBit|controlBit) != 0 {
		f.flags |= unprintable
	}
	if len(s) > 0 && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		f.flags |= edgeSpace
	}
	if set&tabBit != 0 {
		f.flags |= hasInvisible
	}
	if f.mayBeBlank(set) && strings.TrimSpace(s) == "" {
		f.flags |= blankLine
	}
	if tally != nil {
		tally.LineEnd(letters, others)
	}
}

// mayBeBlank reports whether a line with ASCII set set and these facts
// can be all white space: its ASCII characters are spaces, tabs or control
// characters, and its others lie in the blocks that hold white space
// (U+0085, U+00A0, U+2000–U+200A, U+3000, ...). Only then is
// strings.TrimSpace asked: a Russian or Chinese line is not decoded again.
func (f *lineFacts) mayBeBlank(set asciiSet) bool {
	return set&^(spaceBit|tabBit|controlBit|nonASCIIBit) == 0 &&
		f.blocksLow&^spaceBlocks.low == 0 && f.blocksHigh&^spaceBlocks.high == 0
}

// spaceBlocks are the blocks of the white space outside ASCII.
var spaceBlocks = func() (w wholeBlocks) {
	var f lineFacts
	for _, rg := range unicode.White_Space.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			if r >= utf8.RuneSelf {
				f.addBlock(r)
			}
		}
	}
	for _, rg := range unicode.White_Space.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			f.addBlock(r)
		}
	}
	return wholeBlocks{low: f.blocksLow, high: f.blocksHigh}
}()

// lowFlags (flag_tables.go) holds otherFlags for U+0080–U+07FF, the
// two-byte characters, as computeLowFlags gives them: generated, so
// start-up does not classify them one Unicode table at a time.
func computeLowFlags() (t [0x800]factFlags) {
	for r := 0x80; r < len(t); r++ {
		t[r] = classify(rune(r))
	}
	return t
}

func otherFlags(r rune) factFlags {
	switch {
	case r < 0x800:
		return lowFlags[r]
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3, r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA,
		r >= 0x3400 && r <= 0x4DBF:
		// Han, Hangul syllables, kana letters: no mark, invisible,
		// punctuation or letter of a homoglyph script among them.
		return 0
	case r >= midFlagsStart && r < midFlagsStart+rune(len(midFlags)):
		return midFlags[r-midFlagsStart]
	}
	return classify(r)
}

// midFlags holds otherFlags for U+2000–U+30FF: general punctuation
// (curly quotes, dashes, "…", the invisible spaces and marks), symbols,
// CJK punctuation and kana marks (、。「」ー), which would otherwise be
// classified one Unicode table at a time.
const midFlagsStart = 0x2000

// midFlags is generated too (flag_tables.go), from computeMidFlags.
func computeMidFlags() (t [0x1100]factFlags) {
	for i := range t {
		t[i] = classify(midFlagsStart + rune(i))
	}
	return t
}

// classify gives the flags one character outside ASCII sets.
func classify(r rune) factFlags {
	k := marksOf(r) | scriptsOf(r)
	if r >= 0x10000 || markBits()[r>>6]&(1<<(r&63)) != 0 {
		k |= mayMark // rare above the BMP: not worth a finer answer
	}
	if r >= 0x10000 || quoteBits()[r>>6]&(1<<(r&63)) != 0 {
		k |= mayQuote
	}
	return k
}

// quoteBits has a bit for each code point of the Basic Multilingual Plane
// that opens or closes (Unicode categories Ps, Pe, Pi, Pf) or is one of
// the other quotation marks (otherQuotes): what the quotation rules look
// for, and not the commas and full stops of Chinese or Arabic lines.
var quoteBits = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for _, t := range []*unicode.RangeTable{unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf} {
		for _, rg := range t.R16 {
			for r := int(rg.Lo); r <= int(rg.Hi); r += int(rg.Stride) {
				b[r>>6] |= 1 << (r & 63)
			}
		}
	}
	for _, r := range otherQuotes {
		b[r>>6] |= 1 << (r & 63)
	}
	return &b
})

// otherQuotes are the quotation marks of category Po outside ASCII, the
// fullwidth ＂ and ＇; the others („ and ‚ included) are Ps, Pe, Pi or Pf.
const otherQuotes = "\uFF02\uFF07"

// isQuoteLike reports whether r is a character quoteBits holds.
func isQuoteLike(r rune) bool { return r >= 0x10000 || quoteBits()[r>>6]&(1<<(r&63)) != 0 }

// markBits has a bit for each code point of the Basic Multilingual Plane
// that is punctuation or a symbol (Unicode categories P and S): one load
// per character instead of two searches of the Unicode tables.
var markBits = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for _, t := range []*unicode.RangeTable{unicode.P, unicode.S} {
		for _, rg := range t.R16 {
			for r := int(rg.Lo); r <= int(rg.Hi); r += int(rg.Stride) {
				b[r>>6] |= 1 << (r & 63)
			}
		}
	}
	return &b
})

// scriptsOf says which of the three homoglyph scripts r may belong to:
// exactly below U+0800, from the Unicode tables; above, by the blocks that
// hold letters of them (supersets, so that the answer errs towards maybe).
func scriptsOf(r rune) factFlags {
	var k factFlags
	if r < 0x800 {
		switch scriptOfTables(r) {
		case 0:
			k = mayLatin
		case 1:
			k = mayCyrillic
		case 2:
			k = mayGreek
		}
		return k
	}
	phonetic := r >= 0x1D00 && r <= 0x1DBF // phonetic extensions mix all three
	if phonetic || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2070 && r <= 0x218F || r >= 0x2C60 && r <= 0x2C7F ||
		r >= 0xA720 && r <= 0xA7FF || r >= 0xAB30 && r <= 0xAB6F || r >= 0xFB00 && r <= 0xFB06 || r >= 0xFF21 && r <= 0xFF5A {
		k |= mayLatin
	}
	if phonetic || r >= 0x1C80 && r <= 0x1C8F || r >= 0x2DE0 && r <= 0x2DFF || r >= 0xA640 && r <= 0xA69F || r >= 0xFE2E && r <= 0xFE2F {
		k |= mayCyrillic
	}
	if phonetic || r >= 0x1F00 && r <= 0x1FFF || r == 0x2126 || r == 0xAB65 {
		k |= mayGreek
	}
	if r >= 0x10000 {
		k |= mayLatin | mayCyrillic | mayGreek // rare: not worth a finer answer
	}
	return k
}

// marksOf gives the flags of the marks and invisible characters.
func marksOf(r rune) factFlags {
	switch {
	case invisible(r):
		return hasInvisible
	case isCyrillicOrGreek(r):
		return hasCyrGreek
	case r == '«' || r == '»':
		return hasGuillemet
	case r == '¿' || r == '¡':
		return hasInverted
	case r == '♪' || r == '♫':
		return hasNote
	case r == '\u00A0' || r == '\u202F':
		return spaceRune
	}
	return 0
}

// textFacts is one file's line facts: lines[start[k]+j] is line j of the
// k-th cue textCues lists (cue idx[k]). all is the union of every line's facts: a rule
// whose trigger it rules out has nothing to read in the whole file, and
// does not walk the cues at all (fileFacts). tally is G002's count of the
// letters of every line it reads (langcheck.TextLines: the cues without
// text too), taken in the same pass.
type textFacts struct {
	idx   []int // the text cues: displayed, with a line that is not blank
	start []int32
	lines []lineFacts
	all   lineFacts
	tally *langcheck.Tally
	// longest is the most bytes of a line of any cue not a comment, blank
	// ones too: L001 passes a file whose lines are all short enough in
	// bytes without walking it. widest[i] is the most bytes of a line of
	// cue i (0 for a comment): L001 passes such a cue without reading it.
	longest int
	widest  []int
	// bounds has an entry for every line of every cue, comments too, in
	// order: for a text cue's line its code points, with exactBound when
	// they are its count at weight 1; for any other line its bytes. L001
	// and T005 bound a line's count by it (widths.atMost, cueBounds).
	bounds []uint64
}

// G002 takes its tally from the line facts, so that a file's lines are
// read once for both.
func init() {
	langcheck.WalkTally = func(p *rule.Pass) *langcheck.Tally {
		_, tf := textFactsOf(p)
		return tf.tally
	}
}

// union adds g's facts to f: every test that says "maybe" for g says it for f.
func (f *lineFacts) union(g lineFacts) {
	f.ascii |= g.ascii
	f.afterSpace |= g.afterSpace
	f.afterMark |= g.afterMark
	f.dots |= g.dots
	f.flags |= g.flags
	f.blocksLow |= g.blocksLow
	f.blocksHigh |= g.blocksHigh
}

type textFactsKey struct{}

// factsOff, set by the equivalence test only, makes every line's facts
// maybeAll: the rules then read every line in full, as without the scan.
var factsOff = false

// textCueFacts calls fn for every displayed cue with text (textCues),
// with its lines' facts.
func textCueFacts(p *rule.Pass, fn func(c *cue.Cue, facts []lineFacts)) {
	idx, tf := textFactsOf(p)
	for k, i := range idx {
		c := &p.Doc.Cues[i]
		fn(c, tf.lines[tf.start[k]:tf.start[k]+int32(len(c.Lines))])
	}
}

// fileFacts is the union of the facts of every line textCueFacts visits.
// A rule asks it before walking the cues, with the same test it puts to
// each line: the union says "maybe" wherever one line does, so a file it
// rules out has no line the rule would read.
func fileFacts(p *rule.Pass) *lineFacts {
	_, tf := textFactsOf(p)
	return &tf.all
}

// textFactsOf is the file's text cues and their facts, taken once per file
// into memory the worker's File keeps from file to file (rule.Pass.Scratch):
// a file's facts are an allocation the size of its text otherwise. The
// memo is the only way to them, and it dies with the file (File.Reset),
// so the next file's scan may write over the arrays.
func textFactsOf(p *rule.Pass) ([]int, *textFacts) {
	tf := p.Memo(textFactsKey{}, func() any {
		tf := p.Scratch(textFactsKey{}, func() any { return new(textFacts) }).(*textFacts)
		tf.scan(p.Doc)
		return tf
	}).(*textFacts)
	return tf.idx, tf
}

// scan reads every line of every cue that is not a comment once: its
// facts, and G002's tally. A cue whose lines are all blank is not a text
// cue: its facts are dropped, and it is not in idx. What tf held before is
// overwritten; its arrays are reused when large enough.
func (tf *textFacts) scan(doc *cue.Document) {
	all, every := 0, 0
	for i := range doc.Cues {
		every += len(doc.Cues[i].Lines)
		if !doc.Cues[i].Comment {
			all += len(doc.Cues[i].Lines)
		}
	}
	if tf.tally == nil {
		tf.tally = langcheck.NewTally(all)
	} else {
		tf.tally.Reset(all)
	}
	*tf = textFacts{idx: reuse(tf.idx, len(doc.Cues)), start: reuse(tf.start, len(doc.Cues)),
		lines: reuse(tf.lines, all), tally: tf.tally, widest: reuse(tf.widest, len(doc.Cues)), bounds: reuse(tf.bounds, every)}
	// The lines' facts are written in place, into the room reserved for
	// all of them (scan writes every field), and united in one pass at
	// the end: a union per cue was most of this loop's own time.
	lines, tally := tf.lines, tf.tally
	for i := range doc.Cues {
		c := &doc.Cues[i]
		widest := 0
		if c.Comment {
			tf.widest = append(tf.widest, widest)
			tf.bytesBounds(c)
			continue
		}
		from, text := len(lines), false
		lines = lines[:from+len(c.Lines)]
		for j := range c.Lines {
			s := c.Lines[j].Text
			widest = max(widest, len(s))
			f := &lines[from+j]
			f.scan(s, tally)
			text = text || !f.is(blankLine)
		}
		if factsOff {
			widest = math.MaxInt // L001 reads every line
			text = !blank(c)
		}
		tf.longest = max(tf.longest, widest)
		tf.widest = append(tf.widest, widest)
		if !text {
			lines = lines[:from] // white space only: L003's, no text rule's
			tf.bytesBounds(c)
			continue
		}
		tf.idx = append(tf.idx, i)
		tf.start = append(tf.start, int32(from))
		if factsOff {
			for j := range c.Lines {
				lines[from+j] = maybeAll
				lines[from+j].runes = uint32(len(c.Lines[j].Text)) // the bound the counting rules used before the facts
			}
		}
		for k := from; k < len(lines); k++ {
			bound := uint64(lines[k].runes)
			if !lines[k].joined {
				bound |= exactBound
			}
			tf.bounds = append(tf.bounds, bound)
		}
	}
	tf.lines = lines
	var union lineFacts
	for k := range lines {
		union.union(lines[k])
	}
	tf.all = union
}

// bytesBounds adds the bounds of the lines of c, a comment or a cue of
// white space only: their bytes.
func (tf *textFacts) bytesBounds(c *cue.Cue) {
	for _, l := range c.Lines {
		tf.bounds = append(tf.bounds, uint64(len(l.Text)))
	}
}

// maxKeptLines is the most line facts a worker keeps for the next file
// (1.3 MB): a dense episode has a few thousand lines, and a rare huge file
// should not pin its size in every worker.
const maxKeptLines = 1 << 15

// ReleaseScratch lets go of arrays too large to keep (rule.ScratchReleaser).
// The facts hold no pointers, so the others can keep the last file's values.
func (tf *textFacts) ReleaseScratch() {
	if cap(tf.lines) > maxKeptLines || cap(tf.bounds) > maxKeptLines {
		*tf = textFacts{}
	}
}

// reuse is s emptied when it has room for n, else a new slice of capacity n.
func reuse[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, n)
}

// anyLine reports whether a line of a cue holds one of the ASCII characters
// or has one of the flags.
func anyLine(facts []lineFacts, chars asciiSet, flags factFlags) bool {
	for i := range facts {
		if facts[i].ascii.meets(chars) || facts[i].flags&flags != 0 {
			return true
		}
	}
	return false
}
