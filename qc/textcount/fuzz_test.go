package textcount

import (
	"testing"

	"github.com/rivo/uniseg"
)

// refCount is the plain definition: walk every cluster with uniseg and weigh
// it by its width. Count's fast paths must agree with it exactly.
// (It tallies integers and weighs once, as Count does, so that float
// rounding cannot differ.)
func refCount(s string, w float64) float64 {
	wide, narrow := 0, 0
	state := -1
	var c string
	for len(s) > 0 {
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		if isWide(c) {
			wide++
		} else {
			narrow++
		}
	}
	return float64(wide) + float64(narrow)*w
}

// FuzzCount checks that any input, valid UTF-8 or not, counts without
// panicking, that the count stays within [0, len(s)] for weights in [0, 1],
// that at weight 1 it equals uniseg's own cluster count, and that at any
// weight it equals the plain cluster-by-cluster definition (the ASCII and
// simple-code-point fast paths must not change the answer).
func FuzzCount(f *testing.F) {
	for _, s := range []string{
		"", "Hello, world!", "สวัสดีครับ", "नमस्ते", "ABCこんにちは", "ＡＢＣ",
		"e\u0301", "a\r\nb", "a\r\n\u0301", "\xff\xfe", "👨\u200d👩\u200d👧", "\u1112\u1161\u11ab",
		"한\u11ab국", "カ\u3099", "ｶﾞ", "بِسْمِ", "é\u0301", "a\u200d👍", "🇯🇵🇫🇷x", "\u0600ب",
	} {
		f.Add(s, uint8(128))
		f.Add(s, uint8(255))
	}
	f.Fuzz(func(t *testing.T, s string, wb uint8) {
		w := float64(wb) / 255
		got := Count(s, w)
		if got < 0 || got > float64(len(s)) {
			t.Fatalf("Count(%q, %v) = %v, outside [0, %d]", s, w, got, len(s))
		}
		if one, want := Count(s, 1), float64(uniseg.GraphemeClusterCount(s)); one != want {
			t.Fatalf("Count(%q, 1) = %v, uniseg counts %v clusters", s, one, want)
		}
		if want := refCount(s, w); got != want {
			t.Fatalf("Count(%q, %v) = %v, cluster-by-cluster count is %v", s, w, got, want)
		}
	})
}
