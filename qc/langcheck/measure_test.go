package langcheck

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// measureRef and chunksRef are measure and chunks as they were before the
// rune table, the inline decoder and the cuts learnt in measure: plain
// range loops over the text, classifyRanges and the unicode package for
// every code point. The fast versions must give exactly their results.
func measureRef(lines []string) textStats {
	var st textStats
	for _, line := range lines {
		inWord, capWord := false, false
		var h uint32
		for _, r := range line {
			sc := classifyRanges(r)
			if sc == scNone {
				if inWord {
					st.wordSet[h>>6&15] |= 1 << (h & 63)
				}
				inWord = false
				continue
			}
			st.scripts[sc]++
			isUpper, lr := false, r
			switch {
			case r < utf8.RuneSelf:
				if r <= 'Z' {
					isUpper, lr = true, r+'a'-'A'
				} else {
					st.lower++
				}
			case sc == scLatin || sc == scCyrillic || sc == scGreek || sc == scArmenian:
				if unicode.IsUpper(r) {
					isUpper, lr = true, unicode.ToLower(r)
				} else if unicode.IsLower(r) {
					st.lower++
				}
			}
			if isUpper {
				st.upper++
			}
			if !inWord {
				inWord, capWord, h = true, isUpper, 2166136261
			}
			h = (h ^ uint32(lr)) * 16777619
			if capWord {
				st.caps++
			} else {
				st.words++
			}
		}
		if inWord {
			st.wordSet[h>>6&15] |= 1 << (h & 63)
		}
	}
	return st
}

func chunksRef(lines []string, maxLetters int) []string {
	type span struct{ from, to int }
	var spans []span
	from, n := 0, 0
	for i, l := range lines {
		for _, r := range l {
			if classifyRanges(r) != scNone {
				n++
			}
		}
		if n >= chunkLetters {
			spans = append(spans, span{from, i + 1})
			from, n = i+1, 0
		}
	}
	if from < len(lines) {
		if len(spans) > 0 && n < chunkLetters/2 {
			spans[len(spans)-1].to = len(lines)
		} else {
			spans = append(spans, span{from, len(lines)})
		}
	}
	keep := max(1, maxLetters/chunkLetters)
	out := make([]string, 0, min(keep, len(spans)))
	for k := 0; k < min(keep, len(spans)); k++ {
		sp := spans[k*len(spans)/min(keep, len(spans))]
		out = append(out, strings.Join(lines[sp.from:sp.to], "\n"))
	}
	return out
}

// The table classify and measure read must hold, for every code point it
// covers, what classifyRanges and the unicode package say.
func TestRuneInfoTable(t *testing.T) {
	info := runeInfoTable()
	for r := rune(0); r <= utf8.MaxRune; r++ {
		sc := classifyRanges(r)
		if got := classify(r); got != sc {
			t.Fatalf("classify(%U) = %v, classifyRanges says %v", r, got, sc)
		}
		if r >= runeInfoEnd {
			continue
		}
		cased := sc == scLatin || sc == scCyrillic || sc == scGreek || sc == scArmenian
		up, low := info[r]&infoUpper != 0, info[r]&infoLower != 0
		if up != (cased && unicode.IsUpper(r)) || low != (cased && !unicode.IsUpper(r) && unicode.IsLower(r)) {
			t.Fatalf("runeInfo[%U]: upper %v lower %v, but IsUpper %v IsLower %v (script %v)", r, up, low, unicode.IsUpper(r), unicode.IsLower(r), sc)
		}
	}
}

// measureFragments mix every kind of text measure tells apart: ASCII words
// and capitals, accented and upper-case Latin, Cyrillic, Greek, Armenian,
// Vietnamese, Hebrew and Arabic with points, Indic and Thai with vowel
// signs, kana, Han, Hangul, fullwidth Latin, punctuation, digits, emoji,
// letters beyond the table (Latin Extended Additional, Kelvin sign, CJK
// extension B) and invalid UTF-8.
var measureFragments = []string{
	" ", "  ", "hello", "World", "NASA", "O'Brien", "don’t", "42", "…", "—", "«", "»", "-", ".", "\t",
	"été", "Élise", "ÇA", "straße", "İstanbul", "ıi", "Ǆemal", "ǅ", "ǆ", "e\u0301", "ǈ",
	"привет", "Москва", "ЁЖ", "\u0483", "Αθήνα", "ΣΟΦΙΑ", "ς", "Երևան", "ԱՅՈ", "Việt", "Ẫ", "ᾼ", "K", "Å", "ℂ",
	"שָׁלוֹם", "مرحبا", "بِسْمِ", "؟", "ی", "ܐܒ", "नमस्ते", "ক্ষ", "ਪੰ", "ગુ", "ଓ", "தமிழ்", "తె", "ಕ", "മ", "සි", "สวัสดี", "ລາວ", "བོད", "မြန်", "ქართ", "Ა", "ጤና", "ខ្មែរ",
	"こんにちは", "カタカナ", "ｶﾀｶﾅ", "ー", "漢字", "々", "〇", "𠀋", "한국어", "\u1100\u1161", "ㄱ", "ＡＢｃ", "。", "、", "「」",
	"👍", "🇫🇷", "\u200d", "\ufeff", "\x80", "\xff", "\xe2\x80", "\xed\xa0\x80", "\xf0\x9f\x98", "\xc0\xaf", "\xe0\x83\xa9", "\xe0\x81\x81", "\u0085",
}

// TestMeasureMatchesReference compares measure and chunks with the plain
// versions on the package's test texts and on random mixtures of the
// fragments above: every count, the word set, and every chunk.
func TestMeasureMatchesReference(t *testing.T) {
	check := func(name string, ls []string) {
		t.Helper()
		got, want := measure(ls), measureRef(ls)
		cut := got
		cut.chunkEnds, cut.tailLetters, cut.wordsTo = nil, 0, 0 // the reference has no cuts
		if !reflect.DeepEqual(cut, want) {
			t.Fatalf("%s: measure = %+v, want %+v", name, cut, want)
		}
		for _, max := range []int{chunkLetters, 800, 1 << 20} {
			if c, w := chunks(ls, &got, max), chunksRef(ls, max); !reflect.DeepEqual(c, w) {
				t.Fatalf("%s: chunks(max %d) = %d pieces %q, want %d pieces %q", name, max, len(c), c, len(w), w)
			}
		}
	}
	for k, text := range allTexts() {
		check(k, lines(text))
		check(k+" as a film", subtitleFile(text))
		check(k+" in capitals", lines(strings.ToUpper(text)))
	}
	check("no lines", nil)
	check("empty lines", []string{"", "", ""})
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		ls := make([]string, 1+rng.IntN(40))
		for j := range ls {
			var b strings.Builder
			for range rng.IntN(20) {
				b.WriteString(measureFragments[rng.IntN(len(measureFragments))])
			}
			ls[j] = b.String()
		}
		check("mixture "+string(rune('0'+i%10)), ls)
	}
}

// FuzzMeasure: on any text, valid UTF-8 or not, measure and chunks agree
// with the plain versions.
func FuzzMeasure(f *testing.F) {
	for _, k := range []string{"fr", "ru", "ar", "ja", "hi", "th"} {
		f.Add(scene[k])
	}
	f.Add(strings.Join(measureFragments, ""))
	f.Add(strings.Join(measureFragments, "\n"))
	f.Fuzz(func(t *testing.T, text string) {
		ls := strings.Split(text, "\n")
		got := measure(ls)
		cut := got
		cut.chunkEnds, cut.tailLetters, cut.wordsTo = nil, 0, 0
		if want := measureRef(ls); !reflect.DeepEqual(cut, want) {
			t.Fatalf("measure(%q) = %+v, want %+v", text, cut, want)
		}
		for _, max := range []int{chunkLetters, 800} {
			if c, w := chunks(ls, &got, max), chunksRef(ls, max); !reflect.DeepEqual(c, w) {
				t.Fatalf("chunks(%q, %d) = %q, want %q", text, max, c, w)
			}
		}
	})
}

// detectScript answers as whatlanggo.DetectScript on the test texts, on
// random mixtures of every script and on cut and invalid UTF-8.
func TestDetectScriptAsWhatlanggo(t *testing.T) {
	check := func(text string) {
		t.Helper()
		if got, want := detectScript(text), whatlanggo.DetectScript(text); got != want {
			t.Fatalf("detectScript(%q) = %v, whatlanggo says %v", text, detectedName(got), detectedName(want))
		}
	}
	for _, text := range allTexts() {
		check(text)
		check(strings.ToUpper(text))
		for i := 0; i+300 < len(text); i += 97 {
			check(text[i : i+300]) // cut anywhere, mid-character too
		}
	}
	check("")
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(measureFragments[rng.IntN(len(measureFragments))])
		}
		check(b.String())
	}
	// Ties between scripts are decided by the order whatlanggo's counters
	// have reached: equal counts of two or three scripts in every order.
	for _, parts := range [][]string{{"ab", "аб"}, {"аб", "ab"}, {"漢字", "かな"}, {"かな", "漢字"}, {"ab", "αβ", "аб"},
		{"한국", "漢字"}, {"a", "б", "γ", "д", "e"}, {"אב", "ab"}} {
		for k := range parts {
			check(strings.Join(append(append([]string(nil), parts[k:]...), parts[:k]...), " "))
		}
	}
}

func detectedName(t *unicode.RangeTable) string {
	if t == nil {
		return "none"
	}
	if t == hiraganaKatakana {
		return "kana"
	}
	if n, ok := whatlanggo.Scripts[t]; ok {
		return n
	}
	return "?"
}

// TestInfoAboveIsInfoOf: the shortcut answers infoOf for every code point
// it serves.
func TestInfoAboveIsInfoOf(t *testing.T) {
	for r := rune(runeInfoEnd); r <= 0x10FFFF; r++ {
		if got, want := infoAbove(r), infoOf(r); got != want {
			t.Fatalf("U+%04X: %#x, infoOf %#x", r, got, want)
		}
	}
}
