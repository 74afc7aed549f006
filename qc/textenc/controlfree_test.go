package textenc

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
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

// A plain ASCII file is proved free of controls by decoding up to its last
// whole word; a control in it leaves the proof short of that control.
func TestDecodeControlFree(t *testing.T) {
	clean := strings.Repeat("Subtitle text, line by line.\r\n", 10) // 300 bytes
	if got := Decode([]byte(clean)).ControlFree; got != 296 {
		t.Errorf("clean ASCII: ControlFree %d, want 296 (the whole words)", got)
	}
	dirty := clean[:100] + "\x07" + clean[101:]
	if got := Decode([]byte(dirty)).ControlFree; got > 100 {
		t.Errorf("BEL at byte 100: ControlFree %d, want ≤ 100", got)
	}
	if got := Decode([]byte("\xef\xbb\xbf" + clean)).ControlFree; got != 0 {
		t.Errorf("with a BOM: ControlFree %d, want 0 (not surveyed)", got)
	}
}
