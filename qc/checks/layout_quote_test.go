package checks_test

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
)

// L001 quotes a line whole when it is short, and at most 200 characters
// of it, with an ellipsis and the line's length, when it is not: a line of
// a megabyte does not become a megabyte message.
func TestLineTooLongQuotesBoundedText(t *testing.T) {
	long := strings.Repeat("é", 300_000) // two bytes each
	short := strings.Repeat("x", 60)
	p := writeFile(t, "long.en.srt", "1\n00:00:01,000 --> 00:00:05,000\n"+long+"\n\n2\n00:00:06,000 --> 00:00:09,000\n"+short+"\n")
	rep := check(t, run{}, checks.All(), p)
	var msgs []string
	for _, f := range rep.Findings {
		if f.Rule == "L001" {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 2 {
		t.Fatalf("want 2 L001 findings, got %d", len(msgs))
	}
	want := `"` + strings.Repeat("é", 200) + `…" (600000 bytes in all)`
	if !strings.HasSuffix(msgs[0], want) || len(msgs[0]) > 600 {
		t.Errorf("long line quoted as %d bytes: %.300s", len(msgs[0]), msgs[0])
	}
	if !strings.HasSuffix(msgs[1], `"`+short+`"`) {
		t.Errorf("short line not quoted whole: %s", msgs[1])
	}
}
