package lineread

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// Past the cap, one closing line counts the rest, at the first unlisted
// problem's line and cue, and stands for all of them in the totals.
func TestDiagCapCountsTheRest(t *testing.T) {
	src := strings.Repeat("bad\n", MaxDiags+10)
	ix := cue.IndexLines(src)
	doc := &cue.Document{}
	var d DiagCap
	for i := range MaxDiags + 10 {
		d.Add(doc, &ix, i, 0, "bad line")
	}
	d.Close(doc, &ix)
	if len(doc.Diagnostics) != MaxDiags+1 {
		t.Fatalf("%d diagnostics, want %d listed and one closing line", len(doc.Diagnostics), MaxDiags)
	}
	last := doc.Diagnostics[MaxDiags]
	if last.Line != MaxDiags+1 || last.Offset != int64(4*MaxDiags) || last.More != 9 ||
		last.Message != "10 more problems from here on are not listed (510 in this file)" {
		t.Errorf("closing line %+v", last)
	}
}

// A cue's sources are the exact bytes of its timestamps and payload, the
// payload's last line without its line end.
func TestSetSources(t *testing.T) {
	src := "1\r\n00:00:01,000 --> 00:00:02,000\r\nHello\r\nthere\r\n\r\n"
	ix := cue.IndexLines(src)
	var c cue.Cue
	SetSources(&c, &ix, 1, [2]int{0, 12}, [2]int{17, 29}, 2, 4)
	for _, r := range []struct {
		got  cue.Range
		want string
	}{{c.StartSrc, "00:00:01,000"}, {c.EndSrc, "00:00:02,000"}, {c.TextSrc, "Hello\r\nthere"}} {
		if s := src[r.got.From:r.got.To]; s != r.want {
			t.Errorf("range %v is %q, want %q", r.got, s, r.want)
		}
	}
}
