package langcheck

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"

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
	var st ScriptStats
	var seen [(bmpHi - bmpLo + 63) / 64]uint64
	var seenExtra map[rune]bool
	for _, line := range lines {
		for _, r := range line {
			// Han starts at U+3400, past runeInfo: classifyRanges directly.
			if r < 0x3400 || classifyRanges(r) != scHan {
				continue
			}
			c := hanClass(r)
			if c == hanShared {
				st.Shared++
				continue
			}
			first := false
			if r >= bmpLo && r < bmpHi {
				i := r - bmpLo
				if seen[i>>6]&(1<<(i&63)) == 0 {
					seen[i>>6] |= 1 << (i & 63)
					first = true
				}
			} else {
				if seenExtra == nil {
					seenExtra = map[rune]bool{}
				}
				if !seenExtra[r] {
					seenExtra[r] = true
					first = true
				}
			}
			if c == hanSimplified {
				st.Simplified++
				if first {
					st.DistinctSimplified++
					if len(st.SimplifiedExamples) < maxExamples {
						st.SimplifiedExamples = append(st.SimplifiedExamples, r)
					}
				}
			} else {
				st.Traditional++
				if first {
					st.DistinctTraditional++
					if len(st.TraditionalExamples) < maxExamples {
						st.TraditionalExamples = append(st.TraditionalExamples, r)
					}
				}
			}
		}
	}
	return st
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
