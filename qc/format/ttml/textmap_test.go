package ttml

import (
	"strings"
	"testing"
)

// MapLines reads a paragraph's content as the reader does and keeps where
// each visible character is written: an entity is one unit, a space that
// stands for white space on both sides of a tag is not editable, and an
// edit across a tag is refused.
func TestMapLines(t *testing.T) {
	inner := "Rock &amp; roll&#x2e;.. <span tts:fontStyle=\"a>b\">now</span> !<br/>\n  Go <span> home</span>"
	lines, ok := MapLines(inner, false)
	if !ok || len(lines) != 2 || lines[0].Text != "Rock & roll... now !" || lines[1].Text != "Go home" {
		t.Fatalf("MapLines = %+v, %v", lines, ok)
	}
	place := func(l, a, b int) (string, bool) {
		from, to, ok := lines[l].Place(a, b)
		if !ok {
			return "", false
		}
		return inner[from:to], true
	}
	for _, c := range []struct {
		line, a, b int
		want       string
		ok         bool
	}{
		{0, 5, 6, "&amp;", true},      // the ampersand is its entity
		{0, 11, 14, "&#x2e;..", true}, // a reference and two dots, side by side
		{0, 14, 15, " ", true},        // the space before the tag
		{0, 17, 19, "", false},        // "w " spans </span>
		{0, 18, 19, " ", true},        // the space after </span>
		{0, 11, 12, "&#x2e;", true},   // the first dot is its reference
		{1, 2, 3, "", false},          // "Go " runs on into " home" past a tag
	} {
		got, ok := place(c.line, c.a, c.b)
		if ok != c.ok || got != c.want {
			t.Errorf("Place(%d, %d, %d) = %q, %v; want %q, %v", c.line, c.a, c.b, got, ok, c.want, c.ok)
		}
	}
	if from, _, ok := lines[0].Place(19, 19); !ok || !strings.HasPrefix(inner[from:], "!") {
		t.Errorf("insertion before the '!' at %d, %v", from, ok)
	}

	for _, bad := range []string{"<![CDATA[a]]>", "a<metadata>x</metadata>", "&nbsp;", "a & b"} {
		if _, ok := MapLines(bad, false); ok {
			t.Errorf("MapLines(%q) mapped", bad)
		}
	}
	if l, ok := MapLines("a  b\r\nc", true); !ok || len(l) != 2 || l[0].Text != "a  b" || l[1].Text != "c" {
		t.Errorf("preserve: %+v %v", l, ok)
	}
}

func TestEscapeText(t *testing.T) {
	if got := EscapeText("a<b & c>"); got != "a&lt;b &amp; c&gt;" {
		t.Errorf("EscapeText = %q", got)
	}
}

// MapLines never panics, and every place it gives for an edit lies inside
// the content and outside any tag.
func FuzzMapLines(f *testing.F) {
	f.Add("Rock &amp; roll&#x2e;.. <span a=\"b>c\">now</span> !<br/>\n  Go <span> home</span>", false)
	f.Add("a  b\r\nc<!-- x --><?pi?>&#8230;", true)
	f.Add(">0", false)
	f.Add("<span xml:space=\"preserve\"> a </span> <br></br>", false)
	f.Fuzz(func(t *testing.T, inner string, preserve bool) {
		lines, ok := MapLines(inner, preserve)
		if !ok {
			return
		}
		for _, l := range lines {
			for a := 0; a <= len(l.Text); a++ {
				for b := a; b <= len(l.Text) && b <= a+3; b++ {
					from, to, ok := l.Place(a, b)
					if !ok {
						continue
					}
					if from < 0 || to < from || to > len(inner) || strings.Contains(inner[from:to], "<") {
						t.Fatalf("Place(%d, %d) on %q = [%d, %d) in %q", a, b, l.Text, from, to, inner)
					}
				}
			}
		}
	})
}
