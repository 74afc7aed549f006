package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// cells splits a GFM table row on pipes that are not backslash-escaped.
func cells(row string) []string {
	var out []string
	var cur strings.Builder
	escaped := false
	for _, r := range strings.TrimSpace(row) {
		switch {
		case escaped:
			escaped = false
			cur.WriteRune(r)
		case r == '\\':
			escaped = true
			cur.WriteRune(r)
		case r == '|':
			out = append(out, cur.String())
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	out = append(out, cur.String())
	// A row starts and ends with a pipe: drop the empty outer pieces.
	return out[1 : len(out)-1]
}

func TestMarkdownTablesStayIntact(t *testing.T) {
	out := run(t, Markdown(MarkdownOptions{}), loadFixture(t))
	header := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = 0
			continue
		}
		n := len(cells(line))
		if header == 0 {
			header = n
			continue
		}
		if n != header {
			t.Errorf("row has %d cells, its table %d (unescaped pipe or line break?):\n%s", n, header, line)
		}
	}
	for _, want := range []string{
		`Jerry &lt;i&gt;say&lt;/i&gt; "hi", \| 100% sure`,
		"trop élevée :<br>« Où êtes-vous ? »",
		"| 3 | 282 | 5 | 4 | 2 | **FAIL** (fail-on error) |",
		"### ❌ subs/Film &amp; Friends, S1/ep01.en.srt",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(out, "### ✅ subs/ep01.ja.ttml") {
		t.Error("a file without findings got a findings section")
	}
}

func TestMarkdownNeutralisesMarkup(t *testing.T) {
	r := smallReport(rule.Finding{Rule: "L001", Name: "x", Severity: rule.Error, File: "a.srt", Line: 1,
		Message: "<script>alert(1)</script> [link](http://x) **bold** `code` &lt; \\| # h"})
	out := run(t, Markdown(MarkdownOptions{}), r)
	for _, bad := range []string{"<script>", "[link](", "**bold**", "`code`", "&lt; "} {
		if strings.Contains(out, bad) {
			t.Errorf("markdown passes %q through unescaped", bad)
		}
	}
	if !strings.Contains(out, `\[link\](http://x) \*\*bold\*\* \`+"`code\\`"+` &amp;lt; \\\| \# h`) {
		t.Errorf("escaped message not as expected:\n%s", out)
	}
}

func TestMarkdownCapsRowsPerFile(t *testing.T) {
	var fs []rule.Finding
	for i := 1; i <= 7; i++ {
		fs = append(fs, rule.Finding{Rule: "T001", Name: "cue-too-short", Severity: rule.Warning, File: "a.srt", Line: i, Cue: i, Message: fmt.Sprintf("m%d", i)})
	}
	out := run(t, Markdown(MarkdownOptions{MaxRows: 3}), smallReport(fs...))
	for _, want := range []string{"m1", "m2", "m3", "_… and 4 more_"} {
		if !strings.Contains(out, want) {
			t.Errorf("capped markdown lacks %q", want)
		}
	}
	if strings.Contains(out, "m4") {
		t.Error("row beyond the cap was printed")
	}
	if def := run(t, Markdown(MarkdownOptions{}), smallReport(fs...)); !strings.Contains(def, "m7") || strings.Contains(def, "more_") {
		t.Error("default cap cut a short list")
	}
}
