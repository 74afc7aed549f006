package report

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

func TestTextColourOnlyWhenAsked(t *testing.T) {
	r := loadFixture(t)
	plain := run(t, Text(TextOptions{}), r)
	if strings.Contains(plain, "\x1b") {
		t.Error("text without Color contains escape codes")
	}
	colour := run(t, Text(TextOptions{Color: true}), r)
	for _, want := range []string{ansiRed + "error" + ansiReset, ansiYellow + "warning" + ansiReset, ansiCyan + "info" + ansiReset, ansiRed + "FAIL" + ansiReset} {
		if !strings.Contains(colour, want) {
			t.Errorf("coloured text lacks %q", want)
		}
	}
	// Colour changes nothing but the escape codes.
	stripped := strings.NewReplacer(ansiRed, "", ansiYellow, "", ansiCyan, "", ansiGreen, "", ansiReset, "").Replace(colour)
	if stripped != plain {
		t.Error("coloured text differs from plain text beyond the colour codes")
	}
}

// A subtitle line quoted in a message can hold anything: line breaks must not
// split a finding over several lines, and escape sequences must not reach the
// terminal.
func TestTextNeutralisesControlCharacters(t *testing.T) {
	nasty := "a\x1b]0;pwned\x07b\r\nc\x00d\u0085e\xffz\tq"
	r := smallReport(
		rule.Finding{Rule: "L001", Name: "line-too-long", Severity: rule.Error, File: "a.srt", Line: 3, Cue: 1, Message: nasty},
		rule.Finding{Rule: "L001", Name: "line-too-long", Severity: rule.Error, File: "a.srt", Line: 9, Cue: 2, Message: "fine"},
	)
	for _, colour := range []bool{false, true} {
		out := run(t, Text(TextOptions{Color: colour}), r)
		clean := strings.NewReplacer(ansiRed, "", ansiYellow, "", ansiCyan, "", ansiGreen, "", ansiReset, "").Replace(out)
		for _, bad := range []string{"\x1b", "\x07", "\x00", "\r", "\u0085", "\xff", "\t"} {
			if strings.Contains(clean, bad) {
				t.Errorf("colour=%v: output contains %q", colour, bad)
			}
		}
		var findingLines int
		for _, l := range strings.Split(clean, "\n") {
			if strings.HasPrefix(l, "a.srt:") {
				findingLines++
			}
		}
		if findingLines != 2 {
			t.Errorf("colour=%v: %d finding lines, want 2:\n%s", colour, findingLines, clean)
		}
		if !strings.Contains(clean, `a\x1b]0;pwned\x07b ⏎ c\x00d\u0085e`+"\uFFFD"+"z q") {
			t.Errorf("colour=%v: control characters not shown as escapes:\n%s", colour, clean)
		}
	}
}

func TestTextLines(t *testing.T) {
	r := smallReport(
		rule.Finding{Rule: "E001", Name: "invalid-utf8", Severity: rule.Error, File: "a.srt", Message: "not UTF-8"},
		rule.Finding{Rule: "T003", Name: "cue-overlap", Severity: rule.Warning, File: "a.srt", Line: 12, Cue: 3,
			Start: tc(62_500), Message: "overlap", Expected: "none", Actual: "120ms"},
		rule.Finding{Rule: "M001", Name: "manifest-file-missing", Severity: rule.Info, File: "delivery.yaml", Message: "x"},
	)
	out := run(t, Text(TextOptions{}), r)
	for _, want := range []string{
		"a.srt (srt, UTF-8, language unknown, 10 cues)\n  FAIL: 1 error (E001 ×1), 1 warning (T003 ×1)\n",
		"a.srt: error: E001 invalid-utf8: not UTF-8\n",
		"a.srt:12: warning: cue 3 [00:01:02.500] T003 cue-overlap: overlap (expected none, actual 120ms)\n",
		// A path that only findings mention still gets its group.
		"delivery.yaml\n  PASS: 1 info (M001 ×1)\ndelivery.yaml: info: M001 manifest-file-missing: x\n",
		"1 file, 10 cues: 1 error, 1 warning, 1 info — FAIL (fail-on error)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, ":0:") {
		t.Error("a finding without a line printed line 0")
	}
}

func TestTextSummaryVerdicts(t *testing.T) {
	r := smallReport()
	r.Files = append(r.Files, File{Path: "b.vtt", Format: "webvtt", Encoding: "UTF-8", Cues: 1})
	r.Summary.Files, r.Summary.Cues, r.Summary.FailOn = 2, 11, "none"
	out := run(t, Text(TextOptions{}), r)
	if !strings.HasSuffix(out, "2 files, 11 cues: 0 errors, 0 warnings, 0 info — PASS (fail-on none)\n") {
		t.Errorf("summary line:\n%s", out)
	}
	if !strings.Contains(out, "b.vtt (webvtt, UTF-8, language unknown, 1 cue): no findings\n") {
		t.Errorf("clean file not listed:\n%s", out)
	}
}
