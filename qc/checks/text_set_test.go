package checks_test

import (
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// runTextSet runs rule code on cues in language lang with param set to
// value, as --set CODE.param=value does.
func runTextSet(t *testing.T, code, lang, param, value string, cues ...string) []rule.Finding {
	t.Helper()
	lib, err := shippedPacks()
	if err != nil {
		t.Fatal(err)
	}
	eff, err := lib.Resolve(pack.Request{Language: lang})
	if err != nil {
		t.Fatal(err)
	}
	cfg := *eff.Config(code)
	cfg.Enabled = true
	cfg.Params = map[string]rule.Setting{}
	for k, v := range eff.Config(code).Params {
		cfg.Params[k] = v
	}
	cfg.Params[param] = rule.Setting{Value: rule.Value{String: value}}
	doc := &cue.Document{Format: "srt"}
	for i, text := range cues {
		doc.Cues = append(doc.Cues, cue.Cue{Index: i + 1, Line: 4*i + 1, Lines: cue.SplitLines(text)})
	}
	var got []rule.Finding
	rule.NewPass(checks.Lookup(code), &rule.File{Path: "show.srt", Language: lang}, doc, &cfg,
		func(f rule.Finding) { got = append(got, f) }).Run()
	return got
}

// X010's sequences may be written with spaces (as the packs do) or with
// commas (as users wrote them with --set before); a token of commas only
// is the doubled comma itself.
func TestDoubledPunctuationSequenceForms(t *testing.T) {
	cues := []string{"No!!", "What??", "Well,, no.", "Fine."}
	for _, tc := range []struct {
		value string
		want  int
	}{
		{"!! ??", 2},
		{"!!,??", 2},
		{"!!, ??", 2},
		{",, !!", 2},
		{"!!,?? ,,", 3},
		{",,", 1},
	} {
		if got := runTextSet(t, "X010", "en", "sequences", tc.value, cues...); len(got) != tc.want {
			t.Errorf("sequences=%q: %d findings, want %d: %v", tc.value, len(got), tc.want, got)
		}
	}
}

// A German file quoting “…” as English does uses “ to open, which under
// German „ “ is a closing mark: X019 does not report every cue (X018
// reports the file's style once), and still reports a German pair left open.
func TestUnbalancedQuoteOtherHouseStyle(t *testing.T) {
	english := []string{"Er sagte: “Komm her!”", "Sie sagte: “Nein.”", "“Doch,” sagte er."}
	if got := runText(t, "X019", "de", "show.srt", nil, english...); len(got) != 0 {
		t.Errorf("German file quoting “…”: %d X019 findings, want none: %v", len(got), got[0].Message)
	}
	if got := runText(t, "X018", "de", "show.srt", nil, english...); len(got) == 0 {
		t.Errorf("German file quoting “…”: no X018 finding for its style")
	}
	if got := runText(t, "X019", "de", "show.srt", nil, "Er sagte: „Komm her!“", "Sie sagte: „Nein."); len(got) != 1 {
		t.Errorf("German „ never closed: %d X019 findings, want 1", len(got))
	}
	if got := runText(t, "X019", "de", "show.srt", nil, "Er sagte: Komm her!“"); len(got) != 1 {
		t.Errorf("German file with one stray “ after a word and no „: %d findings, want 1", len(got))
	}
}
