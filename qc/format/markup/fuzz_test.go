package markup

import (
	"strings"
	"testing"
)

// FuzzLines checks that any payload decodes without panicking into lines
// whose spans lie inside their text, in order, and that text without markup
// characters comes back unchanged.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"<i>Hello</i> <b>world</b>", `{\an8}{\i1}x{\i0}`, "&amp;&notit;&#x1F600;", "<ruby>a<rt>b</ruby>",
		"<c.a.b>x</c>\n<v Bob>y", "<00:00:01.000>z", "a < b\n</i>", "<i><b></i></b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, d := range []Dialect{SRT, WebVTT} {
			ls := Lines(raw, d)
			if raw != "" && len(ls) == 0 {
				t.Fatalf("dialect %d: no lines for %q", d, raw)
			}
			for _, l := range ls {
				prev := 0
				for _, s := range l.Spans {
					if s.Start < prev || s.End <= s.Start || s.End > len(l.Text) || s.Style == 0 {
						t.Fatalf("dialect %d: bad span %+v in %q (from %q)", d, s, l.Text, raw)
					}
					prev = s.End
				}
			}
			if !strings.ContainsAny(raw, "<&{") {
				if got := strings.Join(texts(ls), "\n"); got != raw {
					t.Fatalf("dialect %d: plain %q came back as %q", d, raw, got)
				}
			}
		}
		for _, p := range append(append(Unbalanced(raw), WebVTTTextProblems(raw)...), UnknownTags(raw)...) {
			if p.LineInPayload < 1 || p.LineInPayload > strings.Count(raw, "\n")+1 || p.Message == "" {
				t.Fatalf("bad problem %+v for %q", p, raw)
			}
		}
	})
}
