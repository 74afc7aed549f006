package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A baseline saved as schema v1 or v2 (read finding by finding, never
// whole) drops the same findings, streamed or not: every report is the
// same bytes whichever baseline and whichever way the run goes.
func TestBaselineV1AndV2GiveTheSameRun(t *testing.T) {
	dir := t.TempDir()
	subs := filepath.Join(dir, "subs")
	for _, rel := range []string{"T003/overlap.srt", "L001", "T001"} {
		copyFixture(t, fixture(t, rel), filepath.Join(subs, rel))
	}
	cfg := emptyConfig(t)
	bases := map[string]string{}
	for _, format := range []string{"json", "json-v1"} {
		bases[format] = filepath.Join(dir, format+".json")
		// The baseline knows T001 and L001 but not the overlap.
		code, _, stderr := run(t, "check", "--config", cfg, "-q", "--format", format, "-o", bases[format],
			filepath.Join(subs, "T001"), filepath.Join(subs, "L001"))
		if code > 1 {
			t.Fatalf("%s baseline run: exit %d %s", format, code, stderr)
		}
	}
	formats := []string{"json", "csv", "sarif", "text"}
	write := func(base string) string {
		out := t.TempDir()
		args := []string{"check", "--config", cfg, "-q", "--baseline", base, "--format", "text", "-o", filepath.Join(out, "text")}
		for _, f := range formats[:len(formats)-1] {
			args = append(args, "--report", f+"="+filepath.Join(out, f))
		}
		if code, _, stderr := run(t, append(args, subs)...); code > 1 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var all strings.Builder
		for _, f := range formats {
			data, err := os.ReadFile(filepath.Join(out, f))
			if err != nil {
				t.Fatal(err)
			}
			all.WriteString("== " + f + "\n" + string(data))
		}
		return all.String()
	}
	want := write(bases["json"])
	for _, whole := range []bool{false, true} {
		wholeRunOnly = whole
		for format, base := range bases {
			if got := write(base); got != want {
				t.Errorf("baseline %s, whole run %v: the reports differ from the streamed run with the v2 baseline:\n%.600s\n---\n%.600s", format, whole, got, want)
			}
		}
	}
	wholeRunOnly = false
	v1, _ := os.ReadFile(bases["json-v1"])
	var peek struct {
		SchemaVersion int `json:"schema_version"`
		Findings      []struct{ Rule string }
	}
	rules := map[string]bool{}
	if json.Unmarshal(v1, &peek) == nil {
		for _, f := range peek.Findings {
			rules[f.Rule] = true
		}
	}
	if peek.SchemaVersion != 1 || !rules["L001"] || !rules["T001"] {
		t.Errorf("the v1 baseline is not a v1 report of L001's and T001's findings:\n%.300s", v1)
	}
	for _, check := range []string{`"baselined":`, `{"rule":"T003"`} {
		if !strings.Contains(want, check) {
			t.Errorf("the run lacks %s: the comparison proves less than it should\n%.800s", check, want)
		}
	}
	if strings.Contains(want, `"baselined":0`) {
		t.Errorf("the baseline dropped nothing:\n%.800s", want)
	}
	for _, known := range []string{`"T001"`, `"L001"`} {
		if strings.Contains(want[:strings.Index(want, "== csv")], `{"rule":`+known) {
			t.Errorf("finding of %s kept though the baseline has it", known)
		}
	}
}
