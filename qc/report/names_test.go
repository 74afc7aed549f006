package report

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// A file name that is not UTF-8 prints quoted as Go's %q, every byte there
// ("bad\xffname"), never with U+FFFD in place of its bytes (a path that
// does not exist); UTF-8 names print as they are.
func TestNonUTF8NamesPrintEscaped(t *testing.T) {
	bad := "subs/bad\xffname.en.srt"
	r := smallReport(rule.Finding{Rule: "L004", Severity: rule.Warning, File: bad, Line: 3, Message: "double space"},
		rule.Finding{Rule: "L004", Severity: rule.Warning, File: "a.srt", Line: 2, Message: "double space"})
	r.Files = append(r.Files, File{Path: bad, Format: "srt", Encoding: "UTF-8", Cues: 1})
	for _, w := range []struct {
		name string
		w    Writer
	}{{"text", Text(TextOptions{})}, {"markdown", Markdown(MarkdownOptions{})}} {
		out := run(t, w.w, r)
		if strings.Contains(out, "\uFFFD") {
			t.Errorf("%s: a replacement character stands for the name's bytes:\n%s", w.name, out)
		}
		if !strings.Contains(out, `bad\xffname`) && !strings.Contains(out, `bad\\xffname`) {
			t.Errorf("%s: the name is not printed escaped:\n%s", w.name, out)
		}
		if !strings.Contains(out, "a.srt") || strings.Contains(out, `"a.srt"`) {
			t.Errorf("%s: a UTF-8 name is not printed as it is:\n%s", w.name, out)
		}
	}
}
