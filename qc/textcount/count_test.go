package textcount

import (
	"testing"
)

func TestCount(t *testing.T) {
	tests := []struct {
		name string
		s    string
		w    float64
		want float64
	}{
		{"ascii sentence", "Hello, world!", 1, 13},
		{"ascii half width", "Hello, world!", 0.5, 6.5},
		{"empty", "", 1, 0},
		// สวัสดีครับ is 10 code points: ส ว ◌ั ส ด ◌ี ค ร ◌ั บ. The three
		// vowel signs (U+0E31 MAI HAN-AKAT twice, U+0E35 SARA II) are
		// nonspacing marks (Grapheme_Cluster_Break=Extend) that join the
		// consonant before them, leaving 7 clusters: ส วั ส ดี ค รั บ.
		{"thai", "สวัสดีครับ", 1, 7},
		// नमस्ते is 6 code points: न म स ◌् त ◌े. Under Unicode 15.0 (what
		// uniseg v0.4.7 implements) the virama U+094D and the vowel sign
		// U+0947 are Extend and attach to the consonant before them:
		// न | म | स् | ते = 4. (Unicode 15.1's rule GB9c would also glue the
		// conjunct स्ते together, giving 3; update this if uniseg moves on.)
		{"hindi", "नमस्ते", 1, 4},
		// Arabic harakat are marks too: بِسْمِ is 6 code points, 3 letters.
		{"arabic with harakat", "بِسْمِ", 1, 3},
		// Family: man ZWJ woman ZWJ girl = 5 code points, one picture.
		{"emoji zwj", "👨\u200d👩\u200d👧", 1, 1},
		{"emoji zwj cjk weight", "👨\u200d👩\u200d👧", 0.5, 1},
		{"flag is one", "🇯🇵", 1, 1},
		{"combining acute", "e\u0301", 1, 1},
		{"combining acute in word", "cafe\u0301 noir", 1, 9},
		{"precomposed accent", "café noir", 1, 9},
		{"japanese", "こんにちは", 0.5, 5},
		{"japanese with latin", "ABCこんにちは", 0.5, 6.5},
		{"japanese weight one", "ABCこんにちは", 1, 8},
		{"hangul syllables", "한국어", 0.5, 3},
		// 한 spelled with conjoining jamo (L U+1112, V U+1161, T U+11AB) is one
		// syllable on screen; the leading jamo is Wide, so it counts 1.
		{"hangul decomposed", "\u1112\u1161\u11ab", 0.5, 1},
		{"hangul decomposed word", "\u1112\u1161\u11ab\u1100\u116e\u11a8", 1, 2},
		{"fullwidth latin", "ＡＢＣ", 0.5, 3},
		{"halfwidth katakana", "ｱｲｳ", 0.5, 1.5},
		{"chinese punctuation", "你好，世界！", 0.5, 6},
		{"chinese with curly quotes", "“你好”", 0.5, 4},
		// Ambiguous-width letters stay half-width in a CJK line.
		{"accented latin in japanese", "カフェ（café）", 0.5, 7},
		{"ellipsis in japanese", "えっ…", 0.5, 3},
		{"chinese with ascii digits", "第12集", 0.5, 3},
		{"ideographic space", "你\u3000好", 0.5, 3},
		{"accent after long ascii run", "Ce soir il fait tre\u0300s beau", 1, 25},
		{"crlf is one cluster", "a\r\nb", 1, 3},
		{"crlf before non-ascii", "a\r\né", 1, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Count(tc.s, tc.w); got != tc.want {
				t.Errorf("Count(%q, %v) = %v, want %v", tc.s, tc.w, got, tc.want)
			}
		})
	}
}

// A user sees the same text whether an accent is precomposed or not, so the
// counts must agree at any weight.
func TestCountNormalisationInvariant(t *testing.T) {
	pairs := [][2]string{
		{"Ça va très bien", "C\u0327a va tre\u0300s bien"},
		{"Århus", "A\u030arhus"},
		{"한국", "\u1112\u1161\u11ab\u1100\u116e\u11a8"},
	}
	for _, p := range pairs {
		for _, w := range []float64{1, 0.5} {
			if a, b := Count(p[0], w), Count(p[1], w); a != b {
				t.Errorf("w=%v: Count(%q)=%v but Count(%q)=%v", w, p[0], a, p[1], b)
			}
		}
	}
}

func TestCountZeroAllocs(t *testing.T) {
	lines := []string{
		"Hello, world! How are you doing tonight?",
		"你好，世界！ABC这是一个测试。",
		"สวัสดีครับ",
		"cafe\u0301 👨\u200d👩\u200d👧",
	}
	for _, s := range lines {
		for _, w := range []float64{1, 0.5} {
			if n := testing.AllocsPerRun(100, func() { Count(s, w) }); n != 0 {
				t.Errorf("Count(%q, %v) allocates %v times per call", s, w, n)
			}
		}
	}
}

var sink float64

func BenchmarkCount(b *testing.B) {
	cases := []struct {
		name string
		s    string
		w    float64
	}{
		{"ASCII", "I told you already, we're not going back there tonight.", 1},
		{"ASCII-half", "I told you already, we're not going back there tonight.", 0.5},
		{"Latin-accents", "Je t'ai déjà dit qu'on n'y retournerait pas ce soir.", 1},
		{"CJK", "我已经告诉过你了，我们今晚不会再回去那里。OK？", 0.5},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.s)))
			for i := 0; i < b.N; i++ {
				sink = Count(c.s, c.w)
			}
		})
	}
}
