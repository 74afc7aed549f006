package textenc

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The control survey after decoding reads only what decoding did not
// already prove free of controls: it must list exactly what Controls lists,
// wherever the control, the tab or the first byte beyond ASCII falls.
func TestControlsAfterDecodeMatchControls(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	pieces := []string{"Hello, world.\n", "\t", "\r\n", "\x00", "\x07", "\x7f", "\x1b[0m", "é", "한국어", "\xff", "00:00:01,000 --> 00:00:02,000\n", " "}
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := rng.Intn(40); n > 0; n-- {
			p := pieces[rng.Intn(len(pieces))]
			if rng.Intn(4) > 0 && (p == "\x00" || p == "\x07" || p == "\x7f" || p == "\x1b[0m" || p == "\xff") {
				p = "plain text "
			}
			b.WriteString(p)
		}
		data := b.String()
		dec := Decode([]byte(data))
		if dec.ControlFree < 0 || dec.ControlFree > len(dec.Text) {
			t.Fatalf("%q: ControlFree %d outside the text (%d bytes)", data, dec.ControlFree, len(dec.Text))
		}
		if hasControl(dec.Text[:dec.ControlFree]) {
			t.Fatalf("%q: the first %d bytes were said to be free of controls", data, dec.ControlFree)
		}
		if got, want := ControlsAfter(dec.Text, dec.ControlFree), Controls(dec.Text); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: ControlsAfter %v, Controls %v", data, got, want)
		}
	}
}

// A valid UTF-8 file is proved free of controls by decoding it, to its
// last byte, whatever its script; a control in it leaves the proof short of
// that control.
func TestDecodeControlFree(t *testing.T) {
	clean := strings.Repeat("Subtitle text, line by line.\r\n", 10) // 300 bytes
	if got := Decode([]byte(clean)).ControlFree; got != 300 {
		t.Errorf("clean ASCII: ControlFree %d, want 300 (all of it)", got)
	}
	for _, text := range []string{"Straße, Gemüse.\n", "자막 한 줄입니다.\r\n", "日本語の字幕\t。\n", "😀 emoji\n"} {
		long := strings.Repeat(text, 20)
		if got := Decode([]byte(long)).ControlFree; got != len(long) {
			t.Errorf("%q: ControlFree %d, want %d (all of it)", text, got, len(long))
		}
	}
	dirty := clean[:100] + "\x07" + clean[101:]
	if got := Decode([]byte(dirty)).ControlFree; got > 100 {
		t.Errorf("BEL at byte 100: ControlFree %d, want ≤ 100", got)
	}
	if got := Decode([]byte("\xef\xbb\xbf" + clean)).ControlFree; got != 0 {
		t.Errorf("with a BOM: ControlFree %d, want 0 (not surveyed)", got)
	}
}

// survey's one pass finds what the separate tests it replaced find: the
// ASCII prefix, utf8.Valid's answer, and no control before clean (and
// clean the whole input when it is valid and holds none).
func TestSurveyMatchesSeparatePasses(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pieces := []string{"plain text ", "\n", "\r\n", "\t", "\x00", "\x7f", "é", "한", "日本", "😀",
		"\xc0\xaf", "\xc2", "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xef\xbf\xbf",
		"\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
		"\x80", "\xbf", "\xff", "\xe1\x80", "\xf1\x80\x80",
		// Runs of two- and three-byte characters (led by ED and E0 too),
		// with lone spaces, cut short.
		"한국어입니다", "Привет, мир", "مرحبا بكم", "日本語 ok", "\xed\x95\x9c\xed\x95\x9c", "\xe0\xa4\xb9\xe0\xa4\xbe", "\xed\x95", "\xe0\xa4"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(30); n > 0; n-- {
			p := pieces[rng.Intn(len(pieces))]
			if rng.Intn(3) > 0 && p[0] >= 0x80 && !utf8.ValidString(p) {
				p = "plain text "
			}
			b.WriteString(p)
		}
		data := []byte(b.String())
		ascii, valid, clean := survey(data)
		wantASCII := 0
		for wantASCII < len(data) && data[wantASCII] < utf8.RuneSelf {
			wantASCII++
		}
		if ascii != wantASCII || valid != utf8.Valid(data) {
			t.Fatalf("%q: ascii %d valid %v, want %d %v", data, ascii, valid, wantASCII, utf8.Valid(data))
		}
		if !valid {
			continue
		}
		if clean < 0 || clean > len(data) || hasControl(string(data[:clean])) {
			t.Fatalf("%q: clean %d is wrong", data, clean)
		}
		if !hasControl(string(data)) && clean != len(data) {
			t.Fatalf("%q: no control, but clean is %d of %d", data, clean, len(data))
		}
	}
}
