package checks

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/langcheck"
)

// scanLineRef is scanLine the plain way: every byte on its own
// (scanBytes), then every character outside ASCII on its own
// (scanOtherRef), whichever path scan takes.
func scanLineRef(s string, tally *langcheck.Tally) lineFacts {
	a := scanBytes(s)
	a.dots = dotRunBits(s)
	f := lineFacts{ascii: a.set &^ nonASCIIBit, afterSpace: a.after, afterMark: a.afterMk, dots: a.dots, flags: a.dbl, runes: uint32(len(s)),
		joined: strings.ContainsFunc(s, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7F })}
	others := 0
	if a.set&nonASCIIBit != 0 {
		others = f.scanOtherRef(s, tally)
	}
	f.finish(s, a.set, a.letters, others, tally)
	return f
}

// sameLine fails when scanLine's facts or tally of s differ from the
// plain scan's.
func sameLine(t *testing.T, what, s string) {
	t.Helper()
	gotTally, wantTally := langcheck.NewTally(1), langcheck.NewTally(1)
	got, want := scanLine(s, gotTally), scanLineRef(s, wantTally)
	if got != want {
		t.Fatalf("%s: %q (wide %v): scanLine %+v, plain %+v", what, s, isWide(s), got, want)
	}
	if !reflect.DeepEqual(gotTally, wantTally) {
		t.Fatalf("%s: %q (wide %v): scanLine's tally %+v, plain %+v", what, s, isWide(s), gotTally, wantTally)
	}
}

// Random lines of every script, pieces next to each other with no space,
// every code point at the start of a line (where it decides the path) and
// amid others, broken sequences, and the lines of the generated episodes
// and of the corpus: both paths give the plain scan's facts and tally.
func TestScanLineMatchesPlainScan(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 14))
	wide := 0
	for range 50000 {
		s := randomLine(r)
		if isWide(s) {
			wide++
		}
		sameLine(t, "random line", s)
	}
	if wide < 5000 {
		t.Fatalf("only %d of the random lines take the wide path", wide)
	}
	for c := rune(0x80); c <= utf8.MaxRune; c += 1 + rune(r.IntN(7)) {
		if c >= 0xD800 && c < 0xE000 {
			continue
		}
		x := string(c)
		sameLine(t, "code point", x+x+" "+x+"."+x+"..a "+x)
		sameLine(t, "code point", "a"+x+"\u00A0!"+x+"\t"+x+" ")
	}
	for b := 0x80; b < 0x100; b++ {
		for c := 0; c < 0x100; c += 3 {
			sameLine(t, "broken sequence", strings.Repeat(string([]byte{byte(b), byte(c)}), 3)+" .x")
			sameLine(t, "broken sequence", string([]byte{0xD0, 0xB0, byte(b), byte(c), 0xBF, ' ', 0xE4, 0xB8}))
		}
	}
	for _, lead := range []byte{0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF} {
		for c := 0x70; c < 0xC8; c++ { // every second byte around 80..BF: overlong forms and surrogates included
			x := string([]byte{lead, byte(c), 0x81})
			sameLine(t, "three-byte form", "\u4F60"+x+"\u597D "+x+x)
		}
	}
	for _, lang := range gen.Languages() {
		doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 2, Format: "srt", Language: lang, Defects: gen.CueDefects{LineTooLong: 20}})))
		for _, c := range doc.Cues {
			for _, l := range c.Lines {
				sameLine(t, "generated "+lang, l.Text)
			}
		}
	}
	for _, in := range testcorpus.Inputs(t) {
		if doc := corpusDoc(t, in); doc != nil {
			for _, c := range doc.Cues {
				for _, l := range c.Lines {
					sameLine(t, in.Rel, l.Text)
				}
			}
		}
	}
}

// The wide scan gives every CJK Unified Ideograph hanClass without
// looking at its page: their pages must agree.
func TestHanClassesAlike(t *testing.T) {
	for r := rune(hanFirst); r <= hanLast; r++ {
		if *classOf(r) != hanClass {
			t.Fatalf("U+%04X: class %+v, the block's first %+v", r, *classOf(r), hanClass)
		}
	}
}
