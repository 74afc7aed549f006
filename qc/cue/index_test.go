package cue

import (
	"strings"
	"testing"
)

// HasNUL is true exactly when the text holds a NUL, wherever it falls: a
// marked line, a line already marked for markup, a line end, the last
// byte, after a BOM.
func TestHasNULAsStrings(t *testing.T) {
	for _, src := range []string{
		"", "a", "\x00", "a\x00b\n", "a<b\x00\nc", "x\r\x00\n", "line\n\x00",
		"\xEF\xBB\xBF\x00", "\xEF\xBB\xBFplain\r\nlines\r\n", "<i>x</i>\n&amp;\n{\\an8}\n",
	} {
		x := IndexLines(src)
		if got, want := x.HasNUL(), strings.IndexByte(src, 0) >= 0; got != want {
			t.Errorf("%q: HasNUL %v, want %v", src, got, want)
		}
		d := NewDocument()
		if y := d.IndexLines(src); y.HasNUL() != x.HasNUL() {
			t.Errorf("%q: recycled index's HasNUL %v", src, y.HasNUL())
		}
		d.Recycle()
	}
}
