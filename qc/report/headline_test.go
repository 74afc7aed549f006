package report

import (
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// The text, JUnit, SARIF and GitHub lines add "(expected X, actual Y)"
// only when the message does not already say both: real messages of the
// rules that report most, and the ones whose fields add something.
func TestHeadlineSaysNumbersOnce(t *testing.T) {
	cases := []struct {
		msg, expected, actual string
		added                 string // what the line adds after the message
	}{
		// Said by the message: every number stands in it.
		{"reading speed 26.8 characters/s (33 characters in 1.230 s) is over the limit of 17", "≤ 17 cps", "26.8 cps", ""},
		{"gap after cue 4 is 0 frames (0.000 s), less than the minimum 2 frames (0.083 s at 23.976 fps)", "≥ 2 frames (0.083 s at 23.976 fps)", "0 frames (0.000 s)", ""},
		{"line 1 has 44 characters, more than 42: \"Seventh subtitle\"", "≤ 42 characters", "44 characters", ""},
		{"S01E02/x.fr.srt is 353 bytes, the manifest declares 296", "296", "353", ""},
		{"\"...\" in line 1 should be the ellipsis character …", "…", "...", ""},
		// A number ending a sentence is still that number.
		{"the limit is 17. This cue has 20.", "≤ 17", "20", ""},
		// Not said: a bound the message lacks, a number only inside
		// another number, a value that is not in the message.
		{"reading speed 0.17 characters/s", "≤ 17 cps", "0.17 cps", " (expected ≤ 17 cps)"},
		{"reading speed 17.5 characters/s", "≤ 17 cps", "17.5 cps", " (expected ≤ 17 cps)"},
		{"cue has no visible text", "text", "nothing", " (expected text, actual nothing)"},
		// Half said: only the other half is added.
		{"gap of 6.0 frames (0.250 s) after cue 7 should be closed to 2 frames (0.083 s at 23.976 fps)", "2 frames (0.083 s at 23.976 fps) or more than 0.500 s", "6.0 frames (0.250 s)",
			" (expected 2 frames (0.083 s at 23.976 fps) or more than 0.500 s)"},
		{"the number 2 in line 1 should be spelled out (\"two\")", "words for 1–10", "2", " (expected words for 1–10)"},
		{"cue 2 starts 2.230 s before cue 1 ends (at 00:00:04.230)", "start ≥ 00:00:04.230", "00:00:02.000", " (actual 00:00:02.000)"},
		{"no space before \":\" in line 1: \"MAN:\"", "one of U+0020 SPACE, U+00A0 NO-BREAK SPACE", "no space before \":\"", " (expected one of U+0020 SPACE, U+00A0 NO-BREAK SPACE)"},
	}
	for _, c := range cases {
		f := &rule.Finding{Rule: "T005", Name: "reading-speed-too-high", Message: c.msg, Expected: c.expected, Actual: c.actual}
		if got, want := headline(f), "T005 reading-speed-too-high: "+c.msg+c.added; got != want {
			t.Errorf("headline\n got %q\nwant %q", got, want)
		}
	}
	// Without expected or actual there is nothing to add.
	if got := headline(&rule.Finding{Rule: "E001", Name: "x", Message: "m"}); got != "E001 x: m" {
		t.Errorf("headline %q", got)
	}
}
