package textenc

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// plainSurvey is what survey answers, read one byte at a time with the
// standard library's UTF-8 test: the reference survey's word-at-a-time
// and run-of-letters paths are held to. firstControl is the offset of
// the first control byte (isControl), len(b) when there is none.
func plainSurvey(b []byte) (ascii int, valid bool, firstControl int) {
	for ascii < len(b) && b[ascii] < utf8.RuneSelf {
		ascii++
	}
	firstControl = len(b)
	for i, c := range b {
		if isControl(c) {
			firstControl = i
			break
		}
	}
	return ascii, utf8.Valid(b), firstControl
}

// checkSurvey fails when survey(data) disagrees with plainSurvey: the
// ASCII prefix and validity exactly; for valid input, clean is the
// whole input when there is no control, else at most the first
// control's offset and no more than a word (8 bytes) before it.
func checkSurvey(t *testing.T, what string, data []byte) {
	t.Helper()
	ascii, valid, clean := survey(data)
	wantASCII, wantValid, first := plainSurvey(data)
	if ascii != wantASCII || valid != wantValid {
		t.Fatalf("%s %q: ascii %d valid %v, want %d %v", what, clip(data), ascii, valid, wantASCII, wantValid)
	}
	if valid && (clean > first || clean < first-7 || first == len(data) && clean != len(data)) {
		t.Fatalf("%s %q: clean %d, first control at %d of %d", what, clip(data), clean, first, len(data))
	}
}

func clip(b []byte) []byte {
	if len(b) > 200 {
		return b[:200]
	}
	return b
}

// badPieces are what breaks a run: sequences that are no UTF-8 (stray
// continuation, overlong, surrogate, past U+10FFFF, cut short, never
// valid), control bytes, and the valid edge cases around them.
var badPieces = []string{"\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xc2", "\xdf", "\xe0\x80\x80", "\xe0\x9f\xbf",
	"\xed\xa0\x80", "\xed\xbf\xbf", "\xe1\x80", "\xef\xbf", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
	"\xf1\x80\x80", "\xfe", "\xff", "\x00", "\x07", "\x1b", "\x7f", "\x0b", "\x0c",
	"\t", "\r\n", "\xc2\x80", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf"}

// Subtitle text in the scripts survey has paths for, each at every
// alignment to a word, with each bad piece put in at every position and
// over every byte: every place a run or a word can be broken.
func TestSurveyBrokenAtEveryPosition(t *testing.T) {
	texts := []string{
		"1\n00:00:01,000 --> 00:00:02,000\nC'était déjà l'été, là-bas. Où es-tu allé ?\n\n",
		"¿Desde cuándo lo sabes? El año pasado, mañana.\n",
		"Здесь, на улице моей. Ещё не поздно.\n",
		"تغادر العبّارة في السادسة صباحاً.\n",
		"我不知道你想听我说什么。「好」\n",
		"한국어입니다 日本語のテキスト ok\n",
	}
	for _, text := range texts {
		for pad := range 8 {
			base := strings.Repeat("a", pad) + text + text
			checkSurvey(t, "clean", []byte(base))
			for p := 0; p <= len(base); p++ {
				for _, bad := range badPieces {
					checkSurvey(t, "inserted", []byte(base[:p]+bad+base[p:]))
					if p+len(bad) <= len(base) {
						checkSurvey(t, "overwritten", []byte(base[:p]+bad+base[p+len(bad):]))
					}
				}
			}
		}
	}
}

// survey agrees with the reference on random mixtures of ASCII words,
// accented Latin, two- and three-byte scripts, four-byte characters and
// bad pieces.
func TestSurveyRandomAsPlain(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	pieces := append([]string{"plain text ", "a", " ", ".", "\n", "é", "à", "ñ", "¿", "Ж", "ё", "ع", "ّ", "日", "「", "한",
		"😀", "Привет, мир", "مرحبا بكم", "C'était", "un été", "日本語 ok", "00:00:01,000 --> 00:00:02,000"}, badPieces...)
	for range 50000 {
		var b strings.Builder
		for n := rng.Intn(40); n > 0; n-- {
			p := pieces[rng.Intn(len(pieces))]
			if rng.Intn(4) > 0 && !utf8.ValidString(p) {
				p = "é"
			}
			b.WriteString(p)
		}
		checkSurvey(t, "random", []byte(b.String()))
	}
}

// Every corpus file and generated episode, whole, and broken at 200
// places each (a window of 600 bytes around the place).
func TestSurveyCorpusAsPlain(t *testing.T) {
	var files [][]byte
	for _, lang := range gen.Languages() {
		data := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "srt", Language: lang})
		checkSurvey(t, lang+" episode", data) // before the corpus, which may be absent
		files = append(files, data)
	}
	for _, in := range testcorpus.Inputs(t) {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	rng := rand.New(rand.NewSource(5))
	for _, data := range files {
		checkSurvey(t, "file", data)
		if len(data) == 0 {
			continue
		}
		for range 200 {
			p := rng.Intn(len(data))
			bad := badPieces[rng.Intn(len(badPieces))]
			from, to := max(0, p-300), min(len(data), p+300) // a window: whole files made this slow
			b := append(append(append([]byte{}, data[from:p]...), bad...), data[p:to]...)
			checkSurvey(t, "broken file", b)
		}
	}
}
