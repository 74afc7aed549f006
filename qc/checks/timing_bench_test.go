package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// BenchmarkSpineRules runs groups of timing and layout rules on the
// generated 700-cue English episode at 23.976 fps, each run as a new file
// (so what a rule memoises per file is taken again): the rules comparing
// cues and gaps with duration limits (T001, T002, T004, T006), and those
// sharing the lines' character counts (L001, T005).
//
//	go test ./qc/checks -run '^$' -bench SpineRules -benchmem -cpu 1 -count 6
func BenchmarkSpineRules(b *testing.B) {
	lib := loadPacks(b)
	for _, group := range []struct {
		name  string
		rules []*rule.Rule
	}{
		{"limits", []*rule.Rule{CueTooShort, CueTooLong, GapTooShort, GapShouldClose}},
		{"widths", []*rule.Rule{LineTooLong, ReadingSpeed}},
	} {
		b.Run(group.name, func(b *testing.B) { benchRulesOnEpisode(b, lib, "en", group.rules) })
	}
}
