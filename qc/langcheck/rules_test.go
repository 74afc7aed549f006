package langcheck

import (
	"regexp"
	"testing"
)

func TestRulesMetadata(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	want := map[string]string{"G001": "language-tag-invalid", "G002": "language-content-mismatch",
		"G003": "chinese-script-mismatch", "G004": "language-tag-conflict"}
	if len(Rules) != len(want) {
		t.Fatalf("%d rules", len(Rules))
	}
	for i, r := range Rules {
		if want[r.Code] != r.Name || !kebab.MatchString(r.Name) || r.Family != "language" ||
			r.Summary == "" || len(r.Doc) < 200 || r.Run != nil {
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
