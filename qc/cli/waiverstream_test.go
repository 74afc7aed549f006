package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Waivers and a baseline applied as the findings stream decide what the
// whole run decides: the same waived findings, the same findings dropped
// as already known, the same notes about unused and expired waivers (at
// the waiver file's place in report order: after the files, or among
// them), the same counts and verdict, in every report. The run holds a
// delivery: its record counts only the findings accepted.
func TestStreamedWaiversAndBaselineEqualWholeRun(t *testing.T) {
	for _, place := range []string{"waivers.yaml", "subs/broken-river/waivers.yaml"} {
		t.Run(filepath.Dir(place), func(t *testing.T) { testStreamedWaivers(t, place) })
	}
}

func testStreamedWaivers(t *testing.T, place string) {
	now = func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	dir := t.TempDir()
	subs := filepath.Join(dir, "subs")
	for _, rel := range []string{"T003/overlap.srt", "L001", "T001", "ok"} {
		copyFixture(t, fixture(t, rel), filepath.Join(subs, rel))
	}
	copyFixture(t, filepath.Join(fixture(t, ".."), "deliveries", "broken-river"), filepath.Join(subs, "broken-river"))
	waivers := filepath.Join(dir, place)
	os.WriteFile(waivers, []byte("waivers:\n"+
		"  - rule: cue-overlap\n    file: T003/overlap.srt\n    reason: the director wants both lines up\n"+
		"  - rule: T001\n    reason: never matches here\n    file: nowhere.srt\n"+
		"  - rule: L001\n    reason: was fine last year\n    expires: 2026-01-31\n"+
		"  - rule: D007\n    file: broken-river/**\n    reason: the cut is longer, agreed\n"), 0o644)
	cfg := emptyConfig(t)
	base := filepath.Join(dir, "base.json")
	if code, _, stderr := run(t, "check", "--config", cfg, "-q", "--format", "json", "-o", base, filepath.Join(subs, "T001"), filepath.Join(subs, "broken-river", "S01E03")); code > 1 {
		t.Fatalf("baseline run: exit %d %s", code, stderr)
	}
	formats := []string{"json", "json-v1", "csv", "sarif", "junit", "markdown", "html", "github", "text"}
	write := func(out string) (int, map[string]string) {
		args := []string{"check", "--config", cfg, "-q", "--waivers", waivers, "--baseline", base, "--format", "text", "-o", filepath.Join(out, "text")}
		for _, f := range formats[:len(formats)-1] {
			args = append(args, "--report", f+"="+filepath.Join(out, f))
		}
		code, _, stderr := run(t, append(args, subs)...)
		if code > 1 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		got := map[string]string{}
		for _, f := range formats {
			data, err := os.ReadFile(filepath.Join(out, f))
			if err != nil {
				t.Fatal(err)
			}
			got[f] = string(data)
		}
		return code, got
	}
	codeStreamed, streamed := write(t.TempDir())
	if !lastCheckStreamed {
		t.Fatal("the run was collected: the comparison would prove nothing")
	}
	wholeRunOnly = true
	defer func() { wholeRunOnly = false }()
	codeWhole, whole := write(t.TempDir())
	if codeStreamed != codeWhole {
		t.Errorf("exit %d streamed, %d whole", codeStreamed, codeWhole)
	}
	for _, f := range formats {
		if streamed[f] != whole[f] {
			t.Errorf("%s differs between the streamed and the whole run:\n%.600s\n---\n%.600s", f, streamed[f], whole[f])
		}
	}
	js := whole["json"]
	for _, want := range []string{`"W001"`, `"W002"`, `"the director wants both lines up"`, `"waived":2`, `"baselined":`} {
		if !strings.Contains(js, want) {
			t.Errorf("the run lacks %s: the comparison proves less than it should\n%.800s", want, js)
		}
	}
}

// copyFixture copies a fixture file or folder.
func copyFixture(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
