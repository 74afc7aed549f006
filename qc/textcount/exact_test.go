package textcount

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Count's fast paths rest on one claim about every code point simple
// accepts: it never joins the code point before it, and joins the one after
// it only when that is a mark or joiner (which simple rejects). This checks
// every accepted code point against uniseg itself, by the clusters it forms
// with a neighbour of each Grapheme_Cluster_Break class, so that a range
// added to simple by mistake (a mark, a Prepend sign, a Hangul jamo, a
// regional indicator, and, stricter than Count needs, a control or a
// pictograph) fails here.
func TestSimpleCodePoints(t *testing.T) {
	type probe struct {
		s    string
		want int
		what string
	}
	clusters := uniseg.GraphemeClusterCount
	accepted := 0
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if !simple(r) {
			continue
		}
		if !utf8.ValidRune(r) {
			t.Fatalf("simple(%U) accepts a surrogate", r)
		}
		accepted++
		c := string(r)
		hangul := 0xAC00 <= r && r <= 0xD7A3
		checks := []probe{
			{"a" + c, 2, "joins the letter before it (Extend, ZWJ or SpacingMark)"},
			{c + "a", 2, "joins the letter after it (Prepend)"},
			{c + "\u0301", 1, "does not take a combining mark (Control)"},
			{"\u1161" + c, 2, "joins a Hangul vowel jamo before it (V or T)"},
			{"\u11a8" + c, 2, "joins a Hangul final jamo before it"},
			{c + "\U0001F1E6", 2, "joins a regional indicator after it"},
			{"\U0001F1E6" + c, 2, "joins a regional indicator before it"},
			{c + "\u200d\U0001F600", 2, "joins an emoji across ZWJ (Extended_Pictographic)"},
			{"\U0001F600\u200d" + c, 2, "is joined by an emoji ZWJ before it (Extended_Pictographic)"},
		}
		if hangul {
			// A precomposed syllable is LV or LVT: it takes a final jamo
			// (never simple) but not a leading one.
			checks = append(checks, probe{c + "\u11a8", 1, "does not take a final jamo (not LV/LVT)"},
				probe{c + "\u1100", 2, "takes a leading jamo"})
		} else {
			checks = append(checks, probe{"\u1100" + c, 2, "joins a Hangul leading jamo before it (L, V, LV or LVT)"},
				probe{c + "\u1161", 2, "takes a Hangul vowel jamo (L or LV)"},
				probe{c + "\u11a8", 2, "takes a Hangul final jamo (V, LV or LVT)"})
		}
		for _, ch := range checks {
			if got := clusters(ch.s); got != ch.want {
				t.Errorf("simple(%U) is true but it %s: %q is %d clusters, want %d", r, ch.what, ch.s, got, ch.want)
			}
		}
	}
	// The common scripts must stay on the fast path (this is what makes it
	// fast); the count guards against simple being emptied by mistake.
	if accepted < 40000 {
		t.Errorf("simple accepts only %d code points", accepted)
	}
	for _, r := range "éßçığşщжأيی؟’“”…—–«»。、「」〜あア漢한ＡｶÀẠ€" {
		if !simple(r) {
			t.Errorf("simple(%q) = false: a common letter or punctuation mark left the fast path", r)
		}
	}
}

// fragments are pieces of text of every kind the fast paths must tell
// apart: ASCII (with CR LF), Latin-1 and other precomposed letters, combining
// marks, Thai, Devanagari, Hebrew and Arabic with points, CJK and kana with
// voicing marks, half-width katakana, Hangul syllables and jamo, emoji with
// modifiers and ZWJ, flags, curly quotes, controls and invalid UTF-8.
var fragments = []string{
	"a", "Z", " ", "Hello", "don't", "\r\n", "\r", "\n", "\t", "-", "...",
	"é", "à", "ç", "ß", "ñ", "Ø", "ı", "ğ", "ș", "ő", "ǆ", "ʼ", "\u00a0", "\u00ad", "©", "®", "«", "»", "¿",
	"\u0301", "\u0300", "\u0327", "\u030a", "\u20dd", "\u034f", "e\u0301", "\u0903", "\u093f",
	"ẠẦ", "ἀ", "ώ", "Ω", "щ", "Ж", "ё", "\u0483", "Ա", "ն", "։",
	"ש", "ָ", "\u05bc", "׳", "\u05c4", "ب", "ِ", "ْ", "؟", "،", "\u061c", "\u0600", "\u06dd", "\u0670", "ی", "ک", "٣", "۝",
	"ส", "\u0e31", "\u0e33", "ี", "เ", "฿", "नम", "स्", "ते", "\u094d", "ক্ষ",
	"ጤ", "\u135d", "ა",
	"’", "“", "”", "…", "—", "–", "‼", "⁉", "€", "\u200b", "\u200c", "\u200d", "\u200e", "\u2028", "\u2060", "\u2066",
	"™", "♪", "☺", "❤", "\ufe0f", "\ufe0e",
	"你好", "。", "、", "「", "」", "〜", "〰", "〽", "\u302a", "\u3000", "こ", "カ", "\u3099", "\u309a", "゛", "ー",
	"ｶ", "\uff9e", "\uff9f", "ＡＢ", "！", "￥", "\uffa0",
	"한", "국", "\u1112", "\u1161", "\u11ab", "\u1100", "\u116e", "\u11a8", "ㄱ", "가", "각",
	"👍", "🏽", "👨\u200d👩\u200d👧", "\U0001F1EF", "\U0001F1F5", "🇫🇷", "\U000E0067", "🏴\U000E0067\U000E0062\U000E007F",
	"\x80", "\xff", "\xe2\x80", "\xf0\x9f", "\xe0\x83\xa9", "\xe0\x81\x81", "\xed\xa0\x80", "\u0085", "\u009f", "\x00", "\x7f",
}

// TestCountMatchesClusters compares Count, fast paths and all, with the
// plain cluster-by-cluster definition (refCount) on many mixtures of the
// fragments above, at several weights: any disagreement of a fast path
// with uniseg fails here.
func TestCountMatchesClusters(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	weights := []float64{1, 0.5, 0.25}
	check := func(s string) {
		t.Helper()
		for _, w := range weights {
			if got, want := Count(s, w), refCount(s, w); got != want {
				t.Fatalf("Count(%q, %v) = %v, cluster-by-cluster count is %v", s, w, got, want)
			}
		}
	}
	// Every pair and triple-with-ASCII of fragments.
	for _, a := range fragments {
		for _, b := range fragments {
			check(a + b)
			check("x" + a + b + "y")
			check(a + "é" + b)
		}
	}
	// Longer random mixtures, like real lines.
	var sb strings.Builder
	for range 20000 {
		sb.Reset()
		for range 1 + rng.IntN(12) {
			sb.WriteString(fragments[rng.IntN(len(fragments))])
		}
		check(sb.String())
	}
	// Every simple code point between and before the neighbours that could
	// join it.
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if !simple(r) {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "a" + c + "b", c + c, c + "\u0301", "\r" + c + "\n", c + "\u200d" + c, "é" + c + "\u3099",
			"\U0001F1EF" + c + "\U0001F1F5", c + "\u11a8" + c} {
			check(s)
		}
	}
}

// BenchmarkCountScripts measures lines the fast paths were widened for:
// curly quotes and an ellipsis, Cyrillic and Arabic words between ASCII
// spaces, Vietnamese.
func BenchmarkCountScripts(b *testing.B) {
	cases := []struct {
		name string
		s    string
		w    float64
	}{
		{"curly-quotes", "“I don’t know… maybe it’s — no, it isn’t.”", 1},
		{"Cyrillic", "Я уже сказал тебе, мы не вернёмся туда сегодня.", 1},
		{"Arabic", "قلت لك بالفعل، لن نعود إلى هناك الليلة؟", 1},
		{"Vietnamese", "Tôi đã nói với bạn rồi, tối nay chúng ta không quay lại.", 1},
		{"Japanese", "もう言ったでしょう、今夜はあそこへ戻らない〜", 0.5},
		{"combining", "Ce soir il fait tre\u0300s beau, n’est-ce pas ?", 1},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				sink = Count(c.s, c.w)
			}
		})
	}
}

// simpleBits must hold exactly simpleRanges, which must be sorted and
// within the bitmap, so that no range is silently dropped.
func TestSimpleBits(t *testing.T) {
	in := func(r rune) bool {
		for _, rg := range simpleRanges {
			if rg[0] <= r && r <= rg[1] {
				return true
			}
		}
		return false
	}
	for i, rg := range simpleRanges {
		if rg[0] > rg[1] || rg[1] >= 0x10000 || i > 0 && rg[0] <= simpleRanges[i-1][1] {
			t.Errorf("simpleRanges[%d] = %U-%U: not sorted, disjoint and in the BMP", i, rg[0], rg[1])
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if a, b := simple(r), in(r); a != b {
			t.Fatalf("simple(%U) = %v, but its membership of simpleRanges is %v", r, a, b)
		}
	}
}
