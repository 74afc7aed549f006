package pack

import "github.com/exportqc/exportqc/qc/rule"

// testRegistry lists exactly the rules of the first rule set (codes, names,
// parameters and kinds as registered by package checks), without importing
// checks: the packs must load against it.
func testRegistry() []*rule.Rule {
	d := func(name string) rule.ParamSpec { return rule.ParamSpec{Name: name, Kind: rule.KindDuration} }
	f := func(name string) rule.ParamSpec { return rule.ParamSpec{Name: name, Kind: rule.KindFloat} }
	i := func(name string) rule.ParamSpec { return rule.ParamSpec{Name: name, Kind: rule.KindInt} }
	r := func(code, name string, params ...rule.ParamSpec) *rule.Rule {
		return &rule.Rule{Code: code, Name: name, Summary: "test rule " + name, Params: params}
	}
	return []*rule.Rule{
		r("E000", "parse-error"),
		r("E001", "not-utf8"),
		r("E002", "byte-order-mark"),
		r("T001", "cue-too-short", d("min_duration")),
		r("T002", "cue-too-long", d("max_duration")),
		r("T003", "cue-overlap"),
		r("T004", "gap-too-short", d("min_gap")),
		r("T005", "reading-speed-too-high", f("max_cps"), f("half_width_weight")),
		r("T006", "gap-should-close", d("min_gap"), d("close_below")),
		r("T007", "cue-out-of-order"),
		r("T008", "off-frame-timecode"),
		r("T009", "end-before-start"),
		r("L001", "line-too-long", f("max_chars"), f("half_width_weight")),
		r("L002", "too-many-lines", i("max_lines")),
		r("L003", "empty-cue"),
		r("L004", "stray-whitespace"),
		r("L005", "unbalanced-markup"),
		// Reader rules that defaults.yaml gives a severity and a source.
		r("E004", "no-cues"),
		r("E005", "control-character"),
		r("R001", "srt-millisecond-digits"),
		r("R002", "srt-timestamp-form"),
		r("V001", "webvtt-legacy-setting"),
	}
}

// ruleWithParam stands for a rule registered after the packs were written.
var ruleWithParam = rule.Rule{Code: "F001", Name: "frame-rate-unsupported",
	Params: []rule.ParamSpec{{Name: "allowed", Kind: rule.KindString}}}
