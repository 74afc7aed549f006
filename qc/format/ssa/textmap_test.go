package ssa

import (
	"strings"
	"testing"
)

// MapLines gives parseText's lines with where each visible byte is in the
// Text field: override blocks and \N are not text, \h is a character no
// edit may touch, and an edit across a block is refused.
func TestMapLines(t *testing.T) {
	raw := `{\i1}Wait.{\b1}..{\b0} ok\h!\N {\pos(1,2)}Fine ?`
	lines := MapLines(raw)
	want := parseText(raw, 0, nil).lines
	if len(lines) != 2 || lines[0].Text != want[0].Text || lines[1].Text != want[1].Text {
		t.Fatalf("MapLines = %+v, parseText %+v", lines, want)
	}
	for _, c := range []struct {
		line, a, b int
		want       string
		ok         bool
	}{
		{0, 0, 4, "Wait", true},
		{0, 4, 7, "", false},   // "..." spans {\b1}
		{0, 10, 12, "", false}, // the no-break space is written \h
		{1, 4, 5, " ", true},   // the space before '?'
	} {
		from, to, ok := lines[c.line].Place(c.a, c.b)
		if ok != c.ok || ok && raw[from:to] != c.want {
			t.Errorf("Place(%d, %d, %d) = %d, %d, %v; want %q, %v", c.line, c.a, c.b, from, to, ok, c.want, c.ok)
		}
	}
}

// MapLines never panics, gives parseText's lines, and every place it gives
// for an edit lies outside override blocks and escapes (a '}' alone is text).
func FuzzMapLines(f *testing.F) {
	f.Add(`{\i1}Wait.{\b1}..{\b0} ok\h!\N {\pos(1,2)}Fine ?`)
	f.Add(`{\p1}m 0 0 l 1 1{\p0}a{b\n\`)
	f.Fuzz(func(t *testing.T, raw string) {
		lines := MapLines(raw)
		read := parseText(raw, 0, nil).lines
		if read != nil && len(lines) != len(read) {
			t.Fatalf("%d mapped lines, %d read", len(lines), len(read))
		}
		for k, l := range lines {
			if read != nil && l.Text != read[k].Text {
				t.Fatalf("line %d: mapped %q, read %q", k, l.Text, read[k].Text)
			}
			for a := 0; a <= len(l.Text); a++ {
				for b := a; b <= len(l.Text) && b <= a+3; b++ {
					from, to, ok := l.Place(a, b)
					if ok && (from < 0 || to < from || to > len(raw) || strings.ContainsAny(raw[from:to], "{\\")) {
						t.Fatalf("Place(%d, %d) on %q = [%d, %d) in %q", a, b, l.Text, from, to, raw)
					}
				}
			}
		}
	})
}
