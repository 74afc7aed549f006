package textenc

import (
	"strings"
	"testing"
)

func TestControls(t *testing.T) {
	if got := Controls("plain\ttext\r\nwith CRLF\n"); got != nil {
		t.Errorf("clean text: %+v", got)
	}
	got := Controls("WEBVTT\n\x00\nok\r\na\x0bb\x0bc\x1b\n")
	if len(got) != 2 || got[0].Line != 2 || got[1].Line != 4 {
		t.Fatalf("%+v", got)
	}
	if !strings.Contains(got[0].Message, "U+0000 (NUL) from column 1") {
		t.Errorf("line 2: %q", got[0].Message)
	}
	if !strings.Contains(got[1].Message, "3 control characters U+000B (vertical tab), U+001B (escape) from column 2") {
		t.Errorf("line 4: %q", got[1].Message)
	}
	// Many lines: MaxControlLines listed, then one that counts the rest and
	// stands for them in the totals (More).
	got = Controls(strings.Repeat("x\x07\n", MaxControlLines+5))
	if len(got) != MaxControlLines+1 || got[MaxControlLines].Line != MaxControlLines+1 ||
		!strings.HasPrefix(got[MaxControlLines].Message, "5 more lines") || got[MaxControlLines].More != 4 {
		t.Errorf("%d entries, last %+v", len(got), got[len(got)-1])
	}
}

// hasControl reads eight bytes at a time; it must answer as a byte-by-byte
// test for every byte at every position of the word and the tail.
func TestHasControlEveryByte(t *testing.T) {
	ref := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if isControl(s[i]) {
				return true
			}
		}
		return false
	}
	base := []byte("Hello\tthere\r\né…\n")
	for b := 0; b < 256; b++ {
		for pos := 0; pos < len(base); pos++ {
			s := append([]byte(nil), base...)
			s[pos] = byte(b)
			if got, want := hasControl(string(s)), ref(string(s)); got != want {
				t.Fatalf("byte %#x at %d of %q: hasControl %v, want %v", b, pos, s, got, want)
			}
		}
	}
	for w := 0; w < 256; w++ {
		// Two neighbouring bytes: a borrow or carry must not cross.
		for _, o := range []byte{0x00, 0x1F, 0x20, 0x7F, 0x80, 0x9F, 0xA0, 0xFF, '\n'} {
			s := string([]byte{'a', byte(w), o, 'b', 'c', 'd', 'e', 'f', 'g'})
			if got, want := hasControl(s), ref(s); got != want {
				t.Fatalf("%q: hasControl %v, want %v", s, got, want)
			}
		}
	}
}
