package report

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// parseCommand undoes a workflow command the way the Actions runner does:
// "::name k=v,k=v::message", values and message percent-unescaped.
func parseCommand(t *testing.T, line string) (name string, props map[string]string, msg string) {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("not a workflow command: %q", line)
	}
	head, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("no message separator: %q", line)
	}
	name, propText, _ := strings.Cut(head, " ")
	unescape := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	props = map[string]string{}
	if propText != "" {
		for _, kv := range strings.Split(propText, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Fatalf("property without '=': %q in %q", kv, line)
			}
			props[k] = unescape.Replace(v)
		}
	}
	return name, props, strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace(data)
}

func TestGitHubCommandsRoundTrip(t *testing.T) {
	r := smallReport(
		rule.Finding{Rule: "T003", Name: "cue-overlap", Severity: rule.Error, File: "dir, with: odd%20name/a.srt", Line: 12, Cue: 3,
			Start: tc(1000), Message: "100% over\r\nsecond line::not a command", Expected: "a,b", Actual: "c:d"},
		rule.Finding{Rule: "T001", Name: "cue-too-short", Severity: rule.Warning, File: "b.srt", Message: "short"},
		rule.Finding{Rule: "L010", Name: "line-balance", Severity: rule.Info, File: "c.srt", Line: 1, Message: "%0A literally"},
		rule.Finding{Rule: "M001", Name: "manifest-file-missing", Severity: rule.Error, Message: "no file"},
	)
	out := run(t, GitHub, r)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	sorted := sortedFindings(r.Findings)
	if len(lines) != len(sorted) {
		t.Fatalf("%d command lines for %d findings (a raw line break leaked?):\n%s", len(lines), len(sorted), out)
	}
	wantCmd := map[rule.Severity]string{rule.Error: "error", rule.Warning: "warning", rule.Info: "notice"}
	for i, f := range sorted {
		name, props, msg := parseCommand(t, lines[i])
		if name != wantCmd[f.Severity] {
			t.Errorf("%s: command %q, want %q", f.Rule, name, wantCmd[f.Severity])
		}
		if props["file"] != f.File {
			t.Errorf("%s: file %q, want %q", f.Rule, props["file"], f.File)
		}
		if _, has := props["line"]; has != (f.Line > 0) {
			t.Errorf("%s: line property present=%v with line %d", f.Rule, has, f.Line)
		}
		if props["title"] != f.Rule+" "+f.Name {
			t.Errorf("%s: title %q", f.Rule, props["title"])
		}
		if want := sarifMessage(&f); msg != want {
			t.Errorf("%s: message %q, want %q", f.Rule, msg, want)
		}
	}
	if !strings.Contains(out, "file=dir%2C with%3A odd%2520name/a.srt,line=12,") {
		t.Errorf("property escaping wrong:\n%s", out)
	}
}

// GitHub shows a handful of annotations per step: each rule gets at most N,
// and one notice counts the rest so nothing is silently dropped.
func TestGitHubAnnotationsCappedPerRule(t *testing.T) {
	out := run(t, GitHub, manyFindings()) // 3 T003, 840 T005, 400 T006
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3+DefaultMaxAnnotations*2+1 {
		t.Fatalf("%d annotations, want %d:\n%s", len(lines), 3+DefaultMaxAnnotations*2+1, out)
	}
	perRule := map[string]int{}
	for _, l := range lines[:len(lines)-1] {
		_, props, _ := parseCommand(t, l)
		perRule[strings.Fields(props["title"])[0]]++
	}
	if perRule["T003"] != 3 || perRule["T005"] != DefaultMaxAnnotations || perRule["T006"] != DefaultMaxAnnotations {
		t.Errorf("annotations per rule %v", perRule)
	}
	name, _, msg := parseCommand(t, lines[len(lines)-1])
	if name != "notice" || !strings.Contains(msg, "1,220 more findings not annotated (at most 10 per rule): T005 ×830, T006 ×390") {
		t.Errorf("summary annotation: %s %q", name, msg)
	}

	uncapped := run(t, GitHubAnnotations(GitHubOptions{MaxPerRule: -1}), manyFindings())
	if n := strings.Count(uncapped, "\n"); n != 1243 {
		t.Errorf("uncapped: %d annotations, want 1243", n)
	}
	errorsOnly := run(t, GitHubAnnotations(GitHubOptions{MinSeverity: rule.Error}), manyFindings())
	if n := strings.Count(errorsOnly, "\n"); n != 3 {
		t.Errorf("errors only: %d annotations, want 3:\n%s", n, errorsOnly)
	}
}
