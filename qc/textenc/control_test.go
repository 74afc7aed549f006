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
