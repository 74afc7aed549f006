package ttml

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// doc wraps body content in a TTML1 document with the usual namespaces.
// ttAttrs go on <tt>; head is the head's content.
func doc(ttAttrs, head, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xml:lang="en" ` + ttAttrs + `>
  <head>` + head + `</head>
  <body>` + body + `</body>
</tt>
`
}

// cueTimes formats cues as "start-end text" for compact comparisons.
func cueTimes(d *cue.Document) []string {
	var out []string
	for _, c := range d.Cues {
		out = append(out, c.Start.String()+"-"+c.End.String()+" "+strings.ReplaceAll(c.Text(), "\n", "|"))
	}
	return out
}

func wantCues(t *testing.T, d *cue.Document, want ...string) {
	t.Helper()
	got := cueTimes(d)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cues:\n got  %q\n want %q", got, want)
	}
}

func wantNoDiags(t *testing.T, d *cue.Document) {
	t.Helper()
	for _, g := range d.Diagnostics {
		t.Errorf("unexpected diagnostic at line %d: %s", g.Line, g.Message)
	}
}

// wantDiag checks that a diagnostic mentioning substr was reported at line.
func wantDiag(t *testing.T, d *cue.Document, line int, substr string) {
	t.Helper()
	for _, g := range d.Diagnostics {
		if g.Line == line && strings.Contains(g.Message, substr) {
			return
		}
	}
	t.Errorf("no diagnostic at line %d containing %q; got %+v", line, substr, d.Diagnostics)
}
