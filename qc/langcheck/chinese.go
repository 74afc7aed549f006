package langcheck

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/lang"
)

// Han character classes of the OpenCC-derived table.
const (
	hanShared      uint8 = iota // the same in both scripts, or not in OpenCC's tables
	hanSimplified               // only Simplified text writes it (们, 这, 发)
	hanTraditional              // only Traditional text writes it (們, 這, 發)
)

// bmpLo..bmpHi is the stretch of the BMP holding CJK Extension A and the
// Unified Ideographs: a flat array indexes it; the few table characters
// outside it (supplementary planes) live in a map.
const (
	bmpLo = 0x3400
	bmpHi = 0xA000
)

var (
	hanOnce  sync.Once
	hanFlat  []uint8 // class of bmpLo+i
	hanExtra map[rune]uint8
	// hanBMP holds, two bits a code point, 32 code points a word, what
	// ChineseScript needs of every BMP character: 0 when classifyRanges
	// does not make it Han, else 1 + its class. One look-up replaces
	// classifyRanges' range tests and hanClass's.
	hanBMP *[0x10000 / 32]uint64
)

func loadHan() {
	hanFlat = make([]uint8, bmpHi-bmpLo)
	hanExtra = map[rune]uint8{}
	put := func(set string, class uint8) {
		for _, r := range set {
			if r >= bmpLo && r < bmpHi {
				hanFlat[r-bmpLo] = class
			} else {
				hanExtra[r] = class
			}
		}
	}
	put(simplifiedOnly, hanSimplified)
	put(traditionalOnly, hanTraditional)

	// classifyRanges makes a BMP character from U+3400 on Han only in
	// these two spans (TestHanBMPIsPlainClass holds the table to it for
	// every code point); the rest of the table stays 0.
	hanBMP = new([0x10000 / 32]uint64)
	for _, span := range [][2]rune{{0x3400, 0xA000}, {0xF900, 0xFB00}} {
		for r := span[0]; r < span[1]; r++ {
			if classifyRanges(r) == scHan {
				hanBMP[r>>5] |= uint64(hanClass(r)+1) << (r & 31 * 2)
			}
		}
	}
}

func hanClass(r rune) uint8 {
	if r >= bmpLo && r < bmpHi {
		return hanFlat[r-bmpLo]
	}
	return hanExtra[r]
}

// maxExamples bounds ScriptStats' example lists.
const maxExamples = 8

// ScriptStats counts the Han characters of a text by script (G003).
type ScriptStats struct {
	Simplified  int // occurrences of Simplified-only characters
	Traditional int // occurrences of Traditional-only characters
	Shared      int // occurrences of Han characters written the same in both
	// DistinctSimplified and DistinctTraditional count different characters:
	// one name repeated fifty times is one piece of evidence, not fifty.
	DistinctSimplified  int
	DistinctTraditional int
	// SimplifiedExamples and TraditionalExamples are the first few distinct
	// characters of each kind, in text order, for messages.
	SimplifiedExamples  []rune
	TraditionalExamples []rune
}

// ChineseScript classifies every Han character of lines as Simplified-only,
// Traditional-only or shared, using the sets derived from OpenCC's
// conversion tables (hanzi_table.go). Characters written identically in both
// scripts (人, 我, 的, 后, 台, 里) never count as evidence for either.
func ChineseScript(lines []string) ScriptStats {
	hanOnce.Do(loadHan)
	t := hanTally{tracked: 1<<(1+hanSimplified) | 1<<(1+hanTraditional)}
	for _, line := range lines {
		t.add(line)
	}
	return t.stats()
}

// documentScript is what ScriptMismatch reads of ChineseScript of the
// document's display lines (DocumentLines) for a file declared in script
// want ("Hans" or "Hant"): the counts, and the distinct characters and
// examples of the other script only. The lines are read from the cues
// as they stand, without listing them first; a file of the declared
// script then spends nothing on its own script's characters but a count.
func documentScript(doc *cue.Document, want string) ScriptStats {
	hanOnce.Do(loadHan)
	t := hanTally{tracked: 1 << (1 + hanTraditional)}
	if want == "Hant" {
		t.tracked = 1 << (1 + hanSimplified)
	}
	for i := range doc.Cues {
		if doc.Cues[i].Comment {
			continue
		}
		for _, l := range doc.Cues[i].Lines {
			t.add(l.Text)
		}
	}
	return t.stats()
}

// hanTally is ChineseScript's count: occurrences by table class (hanBMP's
// 0 not Han, 1 + hanShared, ...), and the distinct characters of the
// tracked script-specific classes seen so far, the first few as examples.
type hanTally struct {
	n         [4]int
	tracked   uint64      // bit 1 + class set: that class's distinct characters are kept
	st        ScriptStats // the distinct counts and examples
	seen      [(bmpHi - bmpLo + 63) / 64]uint64
	seenExtra map[rune]bool
}

func (t *hanTally) stats() ScriptStats {
	st := t.st
	st.Shared, st.Simplified, st.Traditional = t.n[1+hanShared], t.n[1+hanSimplified], t.n[1+hanTraditional]
	return st
}

// add counts the Han characters of line. It reads UTF-8 itself rather
// than ranging over runes: a well-formed three-byte character from U+3000
// on is looked up in hanBMP at once, and any other byte below 0xF0 starts
// nothing Han (Han begins at U+3400), so it is stepped over. Stepping over
// one byte at a time, or over a character's continuation bytes, loses
// nothing: every lead byte the range loop decodes is visited, and a
// continuation byte starts no character. Four-byte characters (and
// ill-formed bytes from 0xF0) take the range loop's own decoding.
func (t *hanTally) add(line string) {
	table := hanBMP
	for rest := line; len(rest) > 0; {
		b := rest[0]
		if b >= 0xE3 && b < 0xF0 && len(rest) >= 3 && rest[1]&0xC0 == 0x80 && rest[2]&0xC0 == 0x80 {
			r := uint32(b&0x0F)<<12 | uint32(rest[1]&0x3F)<<6 | uint32(rest[2]&0x3F)
			rest = rest[3:]
			c := table[r>>5%uint32(len(table))] >> (r % 32 * 2) & 3
			t.n[c]++
			if t.tracked>>c&1 != 0 {
				t.distinct(rune(r), uint8(c-1))
			}
			continue
		}
		if b < 0xF0 {
			rest = rest[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(rest)
		rest = rest[n:]
		if classifyRanges(r) == scHan {
			c := hanClass(r)
			t.n[1+c%3]++
			if t.tracked>>(1+c)&1 != 0 {
				t.distinct(r, c)
			}
		}
	}
}

// distinct notes a script-specific character r of class c: a new one is
// counted, and kept as an example while there are few.
func (t *hanTally) distinct(r rune, c uint8) {
	if r >= bmpLo && r < bmpHi {
		i := r - bmpLo
		if t.seen[i>>6]&(1<<(i&63)) != 0 {
			return
		}
		t.seen[i>>6] |= 1 << (i & 63)
	} else {
		if t.seenExtra == nil {
			t.seenExtra = map[rune]bool{}
		}
		if t.seenExtra[r] {
			return
		}
		t.seenExtra[r] = true
	}
	st := &t.st
	if c == hanSimplified {
		st.DistinctSimplified++
		if len(st.SimplifiedExamples) < maxExamples {
			st.SimplifiedExamples = append(st.SimplifiedExamples, r)
		}
	} else {
		st.DistinctTraditional++
		if len(st.TraditionalExamples) < maxExamples {
			st.TraditionalExamples = append(st.TraditionalExamples, r)
		}
	}
}

// ScriptOptions are the thresholds of G003.
type ScriptOptions struct {
	// MinScriptChars is how many distinct characters of the other script a
	// file needs before it is reported (default 5): a name or a shop sign
	// in the other script is normal.
	MinScriptChars int
	// MinOtherShare is the share of the script-specific characters that must
	// be in the other script (default 0.2).
	MinOtherShare float64
}

// DefaultScriptOptions are the thresholds used where a field is zero.
func DefaultScriptOptions() ScriptOptions {
	return ScriptOptions{MinScriptChars: 5, MinOtherShare: 0.2}
}

func (o ScriptOptions) withDefaults() ScriptOptions {
	d := DefaultScriptOptions()
	if o.MinScriptChars <= 0 {
		o.MinScriptChars = d.MinScriptChars
	}
	if o.MinOtherShare <= 0 {
		o.MinOtherShare = d.MinOtherShare
	}
	return o
}

// ChineseScriptOf says which Chinese script a declared tag means: "Hans",
// "Hant", or "" when the tag is not Chinese or invalid. An explicit script
// subtag wins; otherwise CLDR likely subtags decide: zh, zh-CN, zh-SG, cmn
// are Hans; zh-TW, zh-HK, zh-MO, yue are Hant; yue-CN is Hans.
func ChineseScriptOf(declared string) string {
	t, err := lang.Parse(declared)
	if err != nil {
		return ""
	}
	if !isChinese(t) {
		return ""
	}
	s, conf := t.Script()
	if r, rc := t.Region(); conf != language.Exact && rc == language.Exact && r.String() == "MY" {
		// x/text's likely script for zh-MY is Hant; Malaysia's Chinese
		// schools and press have written Simplified since the 1980s, and
		// its subtitles follow.
		return "Hans"
	}
	switch s.String() {
	case "Hans", "Hant":
		return s.String()
	}
	return ""
}

// isChinese reports whether t is a Chinese language: zh and the Sinitic
// languages with a code of their own that subtitles use.
func isChinese(t language.Tag) bool {
	b, _ := t.Base()
	switch b.String() {
	case "zh", "cmn", "yue", "nan", "hak", "wuu", "gan", "hsn", "cjy", "cdo", "cpx", "czh", "czo", "mnp", "lzh":
		return true
	}
	return false
}

// ScriptMismatch reports (G003) a Chinese file whose characters are in the
// other script than its tag declares. It needs at least opts.MinScriptChars
// distinct other-script characters and at least opts.MinOtherShare of all
// script-specific occurrences in the other script, so that a Simplified file
// quoting a Taiwanese name, or a Traditional file with a few variants, is
// not reported. Non-Chinese tags are never reported.
func ScriptMismatch(declared string, stats ScriptStats, opts ScriptOptions) *Mismatch {
	want := ChineseScriptOf(declared)
	if want == "" {
		return nil
	}
	opts = opts.withDefaults()
	own, other, distinctOther, examples, otherName := stats.Simplified, stats.Traditional, stats.DistinctTraditional, stats.TraditionalExamples, "Hant"
	if want == "Hant" {
		own, other, distinctOther, examples, otherName = stats.Traditional, stats.Simplified, stats.DistinctSimplified, stats.SimplifiedExamples, "Hans"
	}
	total := own + other
	if total == 0 || distinctOther < opts.MinScriptChars {
		return nil
	}
	share := float64(other) / float64(total)
	if share < opts.MinOtherShare {
		return nil
	}
	canon, _ := CheckTag(declared)
	if canon == "" {
		canon = declared
	}
	wantName, otherWord := "Simplified", "Traditional"
	if want == "Hant" {
		wantName, otherWord = "Traditional", "Simplified"
	}
	msg := fmt.Sprintf("declared %s (%s Chinese), but %d of the %d script-specific characters (%.0f%%) are %s only, %d different ones (e.g. %s)",
		canon, wantName, other, total, share*100, otherWord, distinctOther, exampleList(examples))
	return &Mismatch{Rule: "G003", Declared: canon, Detected: otherName, Basis: "characters",
		Confidence: share, Letters: total, Examples: append([]rune(nil), examples...), Message: msg}
}

func exampleList(rs []rune) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
