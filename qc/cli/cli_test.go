package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func fixture(t *testing.T, rel string) string {
	return filepath.Join(testcorpus.RepoRoot(t), "fixtures", "rules", rel)
}

func TestExitCodes(t *testing.T) {
	cfg := emptyConfig(t)
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"clean file passes", []string{"check", fixture(t, "ok/clean.en.srt")}, ExitPass},
		{"error finding fails", []string{"check", fixture(t, "T003/overlap.srt")}, ExitFail},
		{"warning passes at fail-on error", []string{"check", fixture(t, "L004/spaces.srt")}, ExitPass},
		{"warning fails at fail-on warning", []string{"check", "--fail-on", "warning", fixture(t, "L004/spaces.srt")}, ExitFail},
		{"info fails at fail-on info", []string{"check", "--fail-on", "info", fixture(t, "T006/close.srt")}, ExitFail},
		{"severity override lowers an error", []string{"check", "--severity", "T003=warning", fixture(t, "T003/overlap.srt")}, ExitPass},
		{"disabled rule does not fail", []string{"check", "--disable", "cue-overlap", fixture(t, "T003/overlap.srt")}, ExitPass},
		{"enable-only other rule", []string{"check", "--enable-only", "L001", fixture(t, "T003/overlap.srt")}, ExitPass},
		{"unknown flag", []string{"check", "--bogus", fixture(t, "ok")}, ExitUsage},
		{"unknown profile", []string{"check", "--profile", "nosuch", fixture(t, "ok")}, ExitUsage},
		{"bad fail-on", []string{"check", "--fail-on", "fatal", fixture(t, "ok")}, ExitUsage},
		{"bad fps", []string{"check", "--fps", "abc", fixture(t, "ok")}, ExitUsage},
		{"no such path", []string{"check", fixture(t, "nope.srt")}, ExitUsage},
		{"no path", []string{"check"}, ExitUsage},
		{"missing config", []string{"check", "--config", "/nonexistent/config.yaml", fixture(t, "ok")}, ExitUsage},
		{"unknown rule in --set", []string{"check", "--set", "X999.a=1", fixture(t, "ok")}, ExitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := c.args
			if !strings.Contains(strings.Join(args, " "), "--config") {
				args = append([]string{args[0], "--config", cfg}, args[1:]...)
			}
			code, _, stderr := run(t, args...)
			if code != c.want {
				t.Errorf("exit %d, want %d (stderr: %s)", code, c.want, stderr)
			}
			if code == ExitUsage && !strings.HasPrefix(stderr, "exportqc: ") {
				t.Errorf("usage error without a message: %q", stderr)
			}
		})
	}
}

func TestConfigFileIsStrictAndLayered(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("profil: netflix\n"), 0o644)
	if code, _, stderr := run(t, "check", "--config", bad, fixture(t, "ok")); code != ExitUsage || !strings.Contains(stderr, `"profil"`) {
		t.Errorf("typo in config: exit %d, %s", code, stderr)
	}

	good := filepath.Join(dir, "config.yaml")
	os.WriteFile(good, []byte("fail_on: warning\nrules:\n  T005:\n    params:\n      max_cps: 30\n"), 0o644)
	// fail_on from the config makes a warning fail...
	if code, _, _ := run(t, "check", "--config", good, fixture(t, "L004/spaces.srt")); code != ExitFail {
		t.Errorf("config fail_on: warning not applied (exit %d)", code)
	}
	// ...and the flag beats the config.
	if code, _, _ := run(t, "check", "--config", good, "--fail-on", "error", fixture(t, "L004/spaces.srt")); code != ExitPass {
		t.Errorf("flag did not override config (exit %d)", code)
	}
	// The environment beats the config too.
	t.Setenv("EXPORTQC_FAIL_ON", "error")
	if code, _, _ := run(t, "check", "--config", good, fixture(t, "L004/spaces.srt")); code != ExitPass {
		t.Errorf("EXPORTQC_FAIL_ON did not override config (exit %d)", code)
	}

	code, out, stderr := run(t, "config", "print", "--explain", "--config", good, "--lang", "fr", "--set", "L001.max_chars=40")
	if code != ExitPass {
		t.Fatalf("config print: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"fail_on:", "[env EXPORTQC_FAIL_ON]", "language  fr", good, "project", "flags"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	// The project value 30 and the flag value 40 are both attributed.
	if !lineWith(out, "max_cps", "30", "project") || !lineWith(out, "max_chars", "40", "flags") {
		t.Errorf("explain does not attribute project/flag values:\n%s", out)
	}
}

func lineWith(out string, words ...string) bool {
	for _, l := range strings.Split(out, "\n") {
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(l, w)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestRulesExplainShowsPerLanguageValues(t *testing.T) {
	code, out, _ := run(t, "rules", "explain", "reading-speed-too-high", "--config", emptyConfig(t), "--lang", "ja")
	if code != ExitPass {
		t.Fatalf("exit %d", code)
	}
	if !lineWith(out, "effective", "4", "language", "ja") || !lineWith(out, "20", "language", "en") {
		t.Errorf("explain T005 for ja:\n%s", out)
	}
	if code, _, _ := run(t, "rules", "explain", "Z999"); code != ExitUsage {
		t.Errorf("unknown rule: exit %d", code)
	}
	// It says what exportqc fix does about the rule, or why it does nothing.
	if !strings.Contains(out, "No fix: reading speed is fixed by condensing the text") {
		t.Errorf("explain T005 does not say why it has no fix:\n%s", out)
	}
	if _, out, _ := run(t, "rules", "explain", "X004", "--config", emptyConfig(t)); !strings.Contains(out, "Fix (exportqc fix): write the pack's ellipsis") {
		t.Errorf("explain X004 does not name its fix:\n%s", out)
	}
}

func TestOutputFileIsWritten(t *testing.T) {
	out := filepath.Join(t.TempDir(), "reports", "qc.json")
	code, stdout, stderr := run(t, "check", "--config", emptyConfig(t), "--format", "json", "--indent", "-o", out, fixture(t, "T003"))
	if code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), `"rule": "T003"`) || stdout != "" {
		t.Errorf("report file: %v %q; stdout %q", err, data, stdout)
	}
}

func TestSeveralReportsInOneRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := run(t, "check", "--config", emptyConfig(t),
		"--report", "json="+filepath.Join(dir, "qc.json"), "--report", "junit="+filepath.Join(dir, "qc.xml"),
		"--report", "sarif="+filepath.Join(dir, "qc.sarif"), "--report", "csv="+filepath.Join(dir, "qc.csv"),
		"--indent", fixture(t, "T003"))
	if code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("--report alone should not also print text: %q", stdout)
	}
	for name, want := range map[string]string{"qc.json": `"rule": "T003"`, "qc.xml": "<testsuite", "qc.sarif": `"ruleId": "T003"`, "qc.csv": "T003,cue-overlap"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s: %v, lacks %q", name, err, want)
		}
	}
	// Two reports on stdout cannot be told apart: a usage error.
	if code, _, _ := run(t, "check", "--report", "json", "--report", "csv", fixture(t, "ok")); code != ExitUsage {
		t.Errorf("two stdout reports: exit %d", code)
	}
}

func TestGitHubAnnotationsInActions(t *testing.T) {
	t.Setenv("GITHUB_ACTIONS", "true")
	_, stdout, _ := run(t, "check", "--config", emptyConfig(t), fixture(t, "T003/overlap.srt"))
	if !strings.Contains(stdout, "::error file=") || !strings.Contains(stdout, "T003 cue-overlap") {
		t.Errorf("no annotation in Actions:\n%s", stdout)
	}
	_, stdout, _ = run(t, "check", "--config", emptyConfig(t), "--format", "json", fixture(t, "T003/overlap.srt"))
	if strings.Contains(stdout, "::error") {
		t.Errorf("annotations mixed into JSON on stdout")
	}
}

// In GitHub Actions the annotations follow the text report, whole: the
// two share standard output, and a text report long enough to be written
// in several pieces was cut mid-line by annotations written at the same
// time (the runner then shows neither that line nor the annotation). The
// output is the same on every run.
func TestGitHubAnnotationsFollowTheText(t *testing.T) {
	t.Setenv("GITHUB_ACTIONS", "true")
	dir := t.TempDir()
	if _, err := gen.Files(dir, gen.FilesOptions{Count: 60, Seed: 3, Formats: []string{"srt"},
		Defects: gen.CueDefects{Overlap: 5, TooShort: 5}}); err != nil {
		t.Fatal(err)
	}
	var first string
	for i := 0; i < 4; i++ {
		_, stdout, _ := run(t, "check", "--config", emptyConfig(t), "--jobs", "2", dir)
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		annotationsFrom := -1
		for n, l := range lines {
			annotation := strings.HasPrefix(l, "::")
			switch {
			case !annotation && (strings.Contains(l, "::error ") || strings.Contains(l, "::warning ") || strings.Contains(l, "::notice ")):
				t.Fatalf("run %d: line %d is cut by an annotation: %q", i, n+1, l)
			case annotation && annotationsFrom < 0:
				annotationsFrom = n
			case !annotation && annotationsFrom >= 0:
				t.Fatalf("run %d: text line %d comes after the annotations that began on line %d: %q", i, n+1, annotationsFrom+1, l)
			}
		}
		if annotationsFrom <= 0 {
			t.Fatalf("run %d: annotations begin on line %d; want them after the text report", i, annotationsFrom+1)
		}
		if i == 0 {
			first = stdout
		} else if stdout != first {
			t.Fatalf("run %d printed something else than run 0", i)
		}
	}
}

func TestWaiversAndBaseline(t *testing.T) {
	dir := t.TempDir()
	overlap := fixture(t, "T003/overlap.srt")
	cfg := emptyConfig(t)
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}
	now = func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()

	// A waiver with a reason accepts the overlap: the run passes, and the
	// finding stays in the report with the reason.
	w := write("waivers.yaml", "waivers:\n  - rule: cue-overlap\n    file: T003/overlap.srt\n    reason: the director wants both lines up\n")
	code, out, stderr := run(t, "check", "--config", cfg, "--waivers", w, "--format", "json", "--indent", overlap)
	if code != ExitPass || !strings.Contains(out, `"reason": "the director wants both lines up"`) || !strings.Contains(out, `"waived": 1`) {
		t.Errorf("waived run: exit %d %s\n%s", code, stderr, out)
	}
	// A waiver that matches nothing is itself reported (W001), and an
	// expired one stops applying (W002): the overlap fails the run again.
	w = write("stale.yaml", "waivers:\n  - rule: T001\n    reason: old\n  - rule: T003\n    reason: was fine last year\n    expires: 2026-01-31\n")
	code, out, _ = run(t, "check", "--config", cfg, "--waivers", w, "--format", "json", "--indent", overlap)
	if code != ExitFail || !strings.Contains(out, `"rule": "W001"`) || !strings.Contains(out, `"rule": "W002"`) {
		t.Errorf("stale waivers: exit %d\n%s", code, out)
	}
	// A waiver without a reason is a usage error naming the line.
	w = write("bad.yaml", "waivers:\n  - rule: T003\n")
	if code, _, stderr := run(t, "check", "--config", cfg, "--waivers", w, overlap); code != ExitUsage || !strings.Contains(stderr, "bad.yaml:2") {
		t.Errorf("reasonless waiver: exit %d %s", code, stderr)
	}

	// Baseline: the same findings again are not new; the run passes and the
	// summary says how many were already known.
	base := filepath.Join(dir, "base.json")
	run(t, "check", "--config", cfg, "--format", "json", "-o", base, fixture(t, "T003"), fixture(t, "L004"))
	code, out, _ = run(t, "check", "--config", cfg, "--baseline", base, fixture(t, "T003"), fixture(t, "L004"))
	// 4 findings and the note that no shot-change list was given (T013).
	if code != ExitPass || !strings.Contains(out, "5 already in the baseline") {
		t.Errorf("baseline: exit %d\n%s", code, out)
	}
	// A new problem is reported even with the baseline.
	code, out, _ = run(t, "check", "--config", cfg, "--baseline", base, "--format", "json", "--indent", fixture(t, "T003"), fixture(t, "T001"))
	if code != ExitFail || !strings.Contains(out, `"rule": "T001"`) || strings.Contains(out, `"rule": "T003"`) {
		t.Errorf("baseline with a new finding: exit %d\n%s", code, out)
	}
}

// --csv-excel (config csv_excel) writes the CSV a spreadsheet opens right:
// a UTF-8 BOM and CRLF line ends, in the streamed report file and on
// standard output alike; without it the CSV is plain RFC 4180 with LF.
func TestCSVForSpreadsheets(t *testing.T) {
	dir := t.TempDir()
	excel := filepath.Join(dir, "excel.csv")
	plain := filepath.Join(dir, "plain.csv")
	if code, _, stderr := run(t, "check", "--config", emptyConfig(t), "-q", "--csv-excel", "--report", "csv="+excel, fixture(t, "T003")); code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "check", "--config", emptyConfig(t), "-q", "--report", "csv="+plain, fixture(t, "T003")); code != ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	e, _ := os.ReadFile(excel)
	p, _ := os.ReadFile(plain)
	if !bytes.HasPrefix(e, []byte("\uFEFF")) || !bytes.Contains(e, []byte("T003,cue-overlap")) || bytes.Count(e, []byte("\r\n")) != bytes.Count(e, []byte("\n")) {
		t.Errorf("--csv-excel report lacks the BOM or CRLF ends:\n%q", e[:min(len(e), 200)])
	}
	if bytes.HasPrefix(p, []byte("\uFEFF")) || bytes.Contains(p, []byte("\r\n")) {
		t.Errorf("plain CSV has a BOM or CRLF:\n%q", p[:min(len(p), 200)])
	}
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("csv_excel: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := run(t, "check", "--config", cfg, "-q", "--format", "csv", fixture(t, "T003"))
	if stdout != string(e) {
		t.Errorf("config csv_excel on stdout differs from --csv-excel in a file:\n%q\n%q", stdout[:min(len(stdout), 120)], e[:min(len(e), 120)])
	}
}
