package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// BenchmarkTextRules runs the text rules a language's pack enables on
// a generated 700-cue episode per language: the text family's cost per
// file, line facts included (each run is a new file, so they are taken
// again).
//
//	go test ./qc/checks -run '^$' -bench TextRules -benchmem -cpu 1 -count 6
func BenchmarkTextRules(b *testing.B) {
	lib := loadPacks(b)
	for _, lang := range []string{"en", "fr", "ru", "ar", "zh-Hans"} {
		b.Run(lang, func(b *testing.B) { benchRulesOnEpisode(b, lib, lang, textRules) })
	}
}

// BenchmarkLineScanRules runs every rule that reads the line scan (the
// text rules a language's pack enables, G002, L001, L003, L004, T005) on
// the generated episode per language, each run a new file: what the one
// pass over each line serves, and what is left of their own work.
//
//	go test ./qc/checks -run '^$' -bench LineScanRules -benchmem -cpu 1 -count 6
func BenchmarkLineScanRules(b *testing.B) {
	lib := loadPacks(b)
	rules := append([]*rule.Rule{}, textRules...)
	for _, code := range []string{"G002", "L001", "L003", "L004", "T005"} {
		rules = append(rules, Lookup(code))
	}
	for _, lang := range []string{"en", "fr", "ru", "ar", "zh-Hans", "ko"} {
		b.Run(lang, func(b *testing.B) { benchRulesOnEpisode(b, lib, lang, rules) })
	}
}
