package checks

import (
	"strings"
	"testing"
)

// visibleLines keeps, for each visible byte, where it is in the payload,
// so an edit on the text lands on the same characters between the tags;
// an edit across a tag is refused.
func TestVisibleLinesPlace(t *testing.T) {
	payload := "- <i>Yes ,</i> wait\r\n{\\an8}Oui</b>!"
	lines := visibleLines(payload, true)
	if len(lines) != 2 || lines[0].Text != "- Yes , wait" || lines[1].Text != "Oui!" {
		t.Fatalf("visible lines: %+v", lines)
	}
	cases := []struct {
		line int
		e    textEdit
		want string // the payload bytes replaced
		ok   bool
	}{
		{0, textEdit{5, 6, ""}, " ", true},      // the space before ',' inside <i>
		{0, textEdit{1, 2, ""}, " ", true},      // the space after the dash, before <i>
		{1, textEdit{3, 3, "\u202f"}, "", true}, // an insertion goes before the '!', after </b>
		{0, textEdit{6, 8, ""}, "", false},      // ", " spans </i>: refused
	}
	for _, c := range cases {
		v := lines[c.line]
		a, z, ok := v.place(c.e)
		if ok != c.ok {
			t.Errorf("%+v: ok = %v", c.e, ok)
			continue
		}
		if ok && payload[a:z] != c.want {
			t.Errorf("%+v replaces %q, want %q", c.e, payload[a:z], c.want)
		}
	}
	if a, _, _ := lines[1].place(textEdit{3, 3, " "}); payload[a] != '!' {
		t.Errorf("insertion at %d (%q), want before '!'", a, payload[a:])
	}
}

// A character reference is one unit of the visible text: an edit replaces
// it whole, never a part of what it decodes to, and new text that the
// payload would read as a reference or a tag is refused.
func TestVisibleLinesReferences(t *testing.T) {
	payload := "Caf&eacute; &amp; bar..."
	v := visibleLines(payload, true)[0]
	if v.Text != "Café & bar..." {
		t.Fatalf("visible text %q", v.Text)
	}
	amp := strings.Index(v.Text, "&")
	if a, z, ok := v.place(textEdit{amp, amp + 1, "+"}); !ok || payload[a:z] != "&amp;" {
		t.Errorf("replacing '&' takes %q, ok %v; want the whole reference", payload[a:z], ok)
	}
	e := strings.Index(v.Text, "é")
	if _, _, ok := v.place(textEdit{e, e + 1, "e"}); ok {
		t.Error("an edit of half of é (one reference) was placed")
	}
	if _, _, ok := v.place(textEdit{0, 0, "&"}); ok {
		t.Error("new text '&' was placed unescaped")
	}
	// SRT reads only references closed by ';': "AT&T" stays four characters.
	if v := visibleLines("AT&T", true)[0]; v.Text != "AT&T" {
		t.Errorf("AT&T read as %q", v.Text)
	}
}

// The homoglyph table maps only letters drawn exactly like their twin, and
// homoglyphIn finds the twin in each script.
func TestHomoglyphIn(t *testing.T) {
	for _, c := range []struct {
		r, want rune
		script  int
		ok      bool
	}{{'а', 'a', 0, true}, {'o', 'о', 1, true}, {'o', 'ο', 2, true}, {'Α', 'А', 1, true}, {'α', 0, 0, false}, {'п', 0, 0, false}} {
		got, ok := homoglyphIn(c.r, c.script)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("homoglyphIn(%q, %d) = %q, %v; want %q, %v", c.r, c.script, got, ok, c.want, c.ok)
		}
	}
}
