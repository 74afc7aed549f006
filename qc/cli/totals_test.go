package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A reader stops listing a file's problems after 500, in one line that
// comes after the listed ones and counts the rest; the totals still count
// every problem (the line stands for the ones it counts: "more").
func TestTotalsCountEveryProblem(t *testing.T) {
	var b strings.Builder
	b.WriteString("WEBVTT\n\n")
	for i := range 600 {
		// An end time with one millisecond digit: WebVTT cannot read the
		// timing line, a problem at each cue.
		b.WriteString("00:00:" + pad2(i%60) + ".000 --> 00:00:" + pad2(i%60) + ".5\nline\n\n")
	}
	path := filepath.Join(t.TempDir(), "broken.en.vtt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, stderr := run(t, "check", "--config", emptyConfig(t), "--format", "json", "--enable-only", "E000", path)
	var rep struct {
		Summary  struct{ Errors int }
		Findings []struct {
			Rule, Message string
			More          int
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	listed, more, last := 0, 0, ""
	for _, f := range rep.Findings {
		listed++
		more += f.More
		last = f.Message
	}
	if rep.Summary.Errors != 600 || listed != 501 || more != 99 || !strings.Contains(last, "100 more problems") {
		t.Errorf("errors %d, listed %d, more %d, last %q: want 600 counted, 500 listed + 1 line standing for 100", rep.Summary.Errors, listed, more, last)
	}
	// The text report's file header, "+ N more" line and rule table say the
	// same 600.
	_, text, _ := run(t, "check", "--config", emptyConfig(t), "--enable-only", "E000", path)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"600 errors (E000 ×600)", "+ 595 more: E000 ×595", "E000 parse-error error 600 1"} {
		if !strings.Contains(flat, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}
}

func pad2(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}
