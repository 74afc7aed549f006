package report

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

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
		"#### ❌ subs/Film &amp; Friends, S1/ep01.en.srt",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(out, "#### ✅ subs/ep01.ja.ttml") {
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
	for _, want := range []string{"m1", "m2", "m3", "_+ 4 more: T001 ×4_"} {
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

// checkTablesIntact fails when a table row has another number of cells than
// its header: a table cut in the middle or broken by a cell's content.
func checkTablesIntact(t *testing.T, out string) {
	t.Helper()
	header := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = 0
			continue
		}
		if !strings.HasSuffix(line, "|") {
			t.Fatalf("table row cut: %q", line)
		}
		n := len(cells(line))
		if header == 0 {
			header = n
			continue
		}
		if n != header {
			t.Fatalf("row has %d cells, its table %d: %s", n, header, line)
		}
	}
}

// Whatever the run, the Markdown fits a GitHub comment, tables whole, and
// says how much it left out.
func TestMarkdownAlwaysFitsAComment(t *testing.T) {
	long := strings.Repeat("|<a> ", 5000) // a hostile, very long quoted line
	var fs []rule.Finding
	r := smallReport()
	r.Files = nil
	for f := 0; f < 600; f++ {
		path := fmt.Sprintf("deliveries/show/episode-%03d/%s.srt", f, strings.Repeat("x", 80))
		r.Files = append(r.Files, File{Path: path, Format: "srt", Encoding: "UTF-8", Cues: 900})
		for i := 0; i < 90; i++ {
			fs = append(fs, rule.Finding{Rule: fmt.Sprintf("T%03d", i%40), Name: "some-rule", Severity: rule.Severity(i % 3),
				File: path, Line: i + 1, Cue: i + 1, Start: tc(int64(i) * 1000), Message: long, Expected: "x", Actual: "y"})
		}
	}
	r.Findings = fs
	out := run(t, Markdown(MarkdownOptions{}), r)
	if n := utf8.RuneCountInString(out); n > GitHubCommentLimit {
		t.Fatalf("%d characters, over GitHub's %d", n, GitHubCommentLimit)
	}
	checkTablesIntact(t, out)
	for _, want := range []string{"### Findings per rule", "### Files with findings (10 of 600, worst first)", "more files with", "not listed here"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	small := run(t, Markdown(MarkdownOptions{MaxChars: 8000}), r)
	if len(small) > 8000 {
		t.Errorf("MaxChars 8000: %d bytes", len(small))
	}
	checkTablesIntact(t, small)
}
