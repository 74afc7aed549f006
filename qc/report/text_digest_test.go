package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// manyFindings is one file with 3 errors (at the end), 840 T005 warnings and
// 400 T006 info findings, in report order.
func manyFindings() *Report {
	var fs []rule.Finding
	for i := 1; i <= 400; i++ {
		fs = append(fs, rule.Finding{Rule: "T006", Name: "gap-should-close", Severity: rule.Info, File: "a.srt", Line: i * 4, Cue: i, Message: "gap"})
	}
	for i := 1; i <= 840; i++ {
		fs = append(fs, rule.Finding{Rule: "T005", Name: "reading-speed-too-high", Severity: rule.Warning, File: "a.srt", Line: i * 4, Cue: i, Message: "fast"})
	}
	for i := 1; i <= 3; i++ {
		fs = append(fs, rule.Finding{Rule: "T003", Name: "cue-overlap", Severity: rule.Error, File: "a.srt", Line: 5000 + i, Cue: 1000 + i, Message: fmt.Sprintf("overlap %d", i)})
	}
	r := smallReport(fs...)
	r.Files[0].Language, r.Files[0].LanguageSource = "en", "file name"
	r.Files[0].FrameRate, r.Files[0].FrameRateSource = "24000/1001", "default"
	return r
}

func findingLines(out, path string) []string {
	var ls []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, path+":") {
			ls = append(ls, l)
		}
	}
	return ls
}

func TestTextListsFirstFindingsErrorsFirst(t *testing.T) {
	out := run(t, Text(TextOptions{}), manyFindings())
	lines := findingLines(out, "a.srt")
	if len(lines) != DefaultMaxPerFile {
		t.Fatalf("%d findings listed, want %d:\n%s", len(lines), DefaultMaxPerFile, out)
	}
	// The three errors come last in the file but first in the listing.
	for i := 0; i < 3; i++ {
		if !strings.Contains(lines[i], ": error: ") {
			t.Errorf("line %d is not an error: %s", i+1, lines[i])
		}
	}
	if !strings.Contains(lines[3], "warning") || !strings.Contains(lines[3], "a.srt:4:") {
		t.Errorf("after the errors, the first warning in file order: %s", lines[3])
	}
	for _, want := range []string{
		"a.srt (srt, UTF-8, en (file name), 23.976 fps (default), 10 cues)\n",
		"  FAIL: 3 errors (T003 ×3), 840 warnings (T005 ×840), 400 info (T006 ×400)\n",
		"  + 1,238 more: T005 ×838, T006 ×400 — --all to list\n",
		"Findings per rule:\n",
		"  T003  cue-overlap             error            3      1\n",
		"  T005  reading-speed-too-high  warning        840      1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n > 20 {
		t.Errorf("1,243 findings of one file take %d lines by default:\n%s", n, out)
	}
}

func TestTextAllAndMaxPerFile(t *testing.T) {
	r := manyFindings()
	all := run(t, Text(TextOptions{All: true}), r)
	if n := len(findingLines(all, "a.srt")); n != 1243 {
		t.Errorf("--all listed %d findings, want 1243", n)
	}
	if strings.Contains(all, "more:") {
		t.Error("--all still says some findings were not shown")
	}
	two := run(t, Text(TextOptions{MaxPerFile: 2}), r)
	if n := len(findingLines(two, "a.srt")); n != 2 {
		t.Errorf("MaxPerFile 2 listed %d findings", n)
	}
	if !strings.Contains(two, "  + 1,241 more: T005 ×840, T006 ×400, T003 ×1 — --all to list\n") {
		t.Errorf("rest line:\n%s", two)
	}
	none := run(t, Text(TextOptions{MaxPerFile: -1}), r)
	if n := len(findingLines(none, "a.srt")); n != 0 {
		t.Errorf("MaxPerFile <0 listed %d findings, want only counts", n)
	}
}

func TestTextMinSeverityHidesNotVerdict(t *testing.T) {
	r := manyFindings()
	out := run(t, Text(TextOptions{All: true, MinSeverity: rule.Error}), r)
	lines := findingLines(out, "a.srt")
	if len(lines) != 3 {
		t.Fatalf("errors-only listed %d findings, want 3", len(lines))
	}
	for _, bad := range []string{"T005", "T006"} {
		if strings.Contains(out, bad) {
			t.Errorf("hidden rule %s still shown:\n%s", bad, out)
		}
	}
	// The verdict still counts everything and says what was hidden.
	if !strings.Contains(out, "1 file, 10 cues: 3 errors, 840 warnings, 400 info — FAIL (fail-on error); 1,240 below error not shown (--min-severity)\n") {
		t.Errorf("summary:\n%s", out)
	}
}

func TestTextWorstFiles(t *testing.T) {
	r := smallReport(
		rule.Finding{Rule: "T005", Severity: rule.Warning, File: "a.srt", Message: "x"},
		rule.Finding{Rule: "T003", Severity: rule.Error, File: "b.srt", Message: "x"},
		rule.Finding{Rule: "T005", Severity: rule.Warning, File: "b.srt", Message: "x"},
	)
	r.Files = append(r.Files, File{Path: "b.srt", Format: "srt", Cues: 3})
	out := run(t, Text(TextOptions{}), r)
	want := "Worst files (2 of 2 with findings):\n  b.srt — 1 error, 1 warning\n  a.srt — 1 warning\n"
	if !strings.Contains(out, want) {
		t.Errorf("worst files: want %q in\n%s", want, out)
	}
}
