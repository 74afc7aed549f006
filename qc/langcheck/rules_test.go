package langcheck

import (
	"regexp"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// runRule runs r on a one-cue document with the given declarations and
// language, as the engine does, and returns its findings.
func runRule(r *rule.Rule, language string, declared []rule.Declaration, params map[string]rule.Setting) []rule.Finding {
	doc := &cue.Document{Cues: []cue.Cue{{Index: 1, Lines: []cue.Line{{Text: "Bonjour tout le monde."}}}}}
	file := &rule.File{Path: "a.srt", Language: language, Declared: declared}
	var out []rule.Finding
	rule.NewPass(r, file, doc, &rule.Config{Enabled: true, Severity: rule.Error, Params: params}, func(f rule.Finding) { out = append(out, f) }).Run()
	return out
}

// The language rules run from a Pass: the declarations and their sources
// come from rule.File, severity hints only ever soften the pack's.
func TestRulesRunFromPass(t *testing.T) {
	// G004: the name says fr, the manifest de; --lang is no declaration.
	got := runRule(TagConflict, "fr", []rule.Declaration{{Source: rule.DeclaredByFlag, Tag: "en"},
		{Source: rule.DeclaredByName, Tag: "fr"}, {Source: rule.DeclaredByManifest, Tag: "de"}}, nil)
	if len(got) != 1 || got[0].Rule != "G004" || got[0].Severity != rule.Error || !strings.Contains(got[0].Message, `file name "fr", manifest "de"`) {
		t.Errorf("G004: %+v", got)
	}
	if got := runRule(TagConflict, "fr", []rule.Declaration{{Source: rule.DeclaredByFlag, Tag: "en"},
		{Source: rule.DeclaredByName, Tag: "fr"}}, nil); len(got) != 0 {
		t.Errorf("G004 against --lang: %+v", got)
	}
	// G001: a deprecated code inside the file is a warning, not the pack's error.
	got = runRule(TagInvalid, "he", []rule.Declaration{{Source: rule.DeclaredByFile, Tag: "iw"}}, nil)
	if len(got) != 1 || got[0].Severity != rule.Warning || !strings.HasPrefix(got[0].Message, "language declared inside the file: ") {
		t.Errorf("G001: %+v", got)
	}
	// G001 checks only the file's own tag (the manifest's are checked at their lines).
	if got := runRule(TagInvalid, "", []rule.Declaration{{Source: rule.DeclaredByManifest, Tag: "english"}}, nil); len(got) != 0 {
		t.Errorf("G001 on a manifest tag: %+v", got)
	}
}

func TestRulesMetadata(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	want := map[string]string{"G001": "language-tag-invalid", "G002": "language-content-mismatch",
		"G003": "chinese-script-mismatch", "G004": "language-tag-conflict", "G005": "language-undeclared"}
	if len(Rules) != len(want) {
		t.Fatalf("%d rules", len(Rules))
	}
	for i, r := range Rules {
		if want[r.Code] != r.Name || !kebab.MatchString(r.Name) || r.Family != "language" ||
			r.Summary == "" || len(r.Doc) < 200 || r.Run == nil {
			t.Errorf("rule %d: %+v", i, r)
		}
		if i > 0 && Rules[i-1].Code >= r.Code {
			t.Errorf("rules not in code order at %s", r.Code)
		}
		for _, p := range r.Params {
			if !regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`).MatchString(p.Name) || p.Doc == "" {
				t.Errorf("%s param %+v", r.Code, p)
			}
		}
	}
	// The options the parameters feed: zero values are the defaults, and a
	// set value reaches the check.
	if o := MismatchOptionsFrom(0, 0, 0).withDefaults(); o != DefaultMismatchOptions() {
		t.Errorf("zero G002 params: %+v", o)
	}
	if o := MismatchOptionsFrom(500, 0.95, 30).withDefaults(); o.MinLetters != 500 || o.MinConfidence != 0.95 || o.MinScriptLetters != 30 {
		t.Errorf("G002 params: %+v", o)
	}
	if o := ScriptOptionsFrom(0, 0).withDefaults(); o != DefaultScriptOptions() {
		t.Errorf("zero G003 params: %+v", o)
	}
	if o := ScriptOptionsFrom(8, 0.3); o.MinScriptChars != 8 || o.MinOtherShare != 0.3 {
		t.Errorf("G003 params: %+v", o)
	}
}
