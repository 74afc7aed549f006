package stl

import (
	"bytes"
	"testing"
)

// MapLines reads a text field as the reader does and keeps where each
// character is: a letter with its diacritic is one unit, the space a
// teletext code shows is not editable, control codes are not text.
func TestMapLines(t *testing.T) {
	tf := append([]byte("\x0dCaf\xc2e\x07now ?\x8a\x8a\x80Oui !\x81"), bytes.Repeat([]byte{0x8F}, 90)...)
	lines := MapLines(tf, cctLatin)
	if len(lines) != 2 || lines[0].Text != "Café now ?" || lines[1].Text != "Oui !" {
		t.Fatalf("MapLines = %+v", lines)
	}
	for _, c := range []struct {
		line, a, b int
		want       string
		ok         bool
	}{
		{0, 3, 5, "\xc2e", true}, // é: the diacritic and its letter
		{0, 3, 4, "", false},     // half of é's UTF-8 cuts the unit
		{0, 5, 6, "", false},     // the space 07h shows
		{0, 9, 10, " ", true},
		{1, 3, 4, " ", true},
	} {
		from, to, ok := lines[c.line].Place(c.a, c.b)
		if ok != c.ok || ok && string(tf[from:to]) != c.want {
			t.Errorf("Place(%d, %d, %d) = %q, %v; want %q, %v", c.line, c.a, c.b, tf[from:to], ok, c.want, c.ok)
		}
	}
}

func TestEncodeText(t *testing.T) {
	for _, c := range []struct {
		s    string
		cct  int
		want string
		ok   bool
	}{
		{"a!", cctLatin, "a!", true},
		{"$", cctLatin, "\xa4", true},
		{"¤", cctLatin, "\x24", true},
		{"é", cctLatin, "\xc2e", true},
		{"«", cctLatin, "\xab", true},
		{"…", cctLatin, "", false},
		{"\u202f", cctLatin, "", false},
		{"؟", 2, "\xbf", true},
		{"Ж", 1, "\xb6", true},
	} {
		got, _, ok := EncodeText(c.s, c.cct)
		if ok != c.ok || string(got) != c.want {
			t.Errorf("EncodeText(%q, %d) = %q, %v; want %q, %v", c.s, c.cct, got, ok, c.want, c.ok)
		}
	}
}

// MapLines never panics and gives the reader's rows for any text field.
func FuzzMapLines(f *testing.F) {
	f.Add([]byte("\x0dCaf\xc2e\x07now ?\x8a\x8a\x80Oui !\x81\x8f"), 0)
	f.Add([]byte("\xc2\xc8 \x8a\xff\x20\x07\x07a"), 2)
	f.Fuzz(func(t *testing.T, tf []byte, cct int) {
		cct = (cct%5 + 5) % 5
		tf = tf[:min(len(tf), TextFieldSize)]
		r := &reader{cct: cct, scratch: textBytes(tf)}
		r.decodeText()
		lines := MapLines(tf, cct)
		if len(lines) != len(r.lines) {
			t.Fatalf("%d mapped rows, %d read", len(lines), len(r.lines))
		}
		for k, l := range r.lines {
			if got := string(r.arena[l.start:l.end]); lines[k].Text != got {
				t.Fatalf("row %d: mapped %q, read %q", k, lines[k].Text, got)
			}
		}
	})
}
