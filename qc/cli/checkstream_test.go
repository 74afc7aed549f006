package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// check writes its reports while it runs (JSON, text and CSV file by
// file; the others collected) and they are the bytes the whole-report
// path writes: that path still serves runs with a GitHub step summary, so
// setting one is how this test gets it.
func TestStreamedReportsEqualWholeReports(t *testing.T) {
	paths := []string{fixture(t, "T003"), fixture(t, "L001"), fixture(t, "E001"), fixture(t, "ok")}
	write := func(dir string) (string, map[string][]byte) {
		args := []string{"check", "--config", emptyConfig(t), "-q", "--format", "text", "--report", "json=" + filepath.Join(dir, "qc.json"),
			"--report", "json-v1=" + filepath.Join(dir, "qc.v1.json"), "--report", "csv=" + filepath.Join(dir, "qc.csv"),
			"--report", "sarif=" + filepath.Join(dir, "qc.sarif"), "--report", "junit=" + filepath.Join(dir, "qc.xml")}
		code, stdout, stderr := run(t, append(args, paths...)...)
		if code != ExitFail {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		files := map[string][]byte{}
		for _, n := range []string{"qc.json", "qc.v1.json", "qc.csv", "qc.sarif", "qc.xml"} {
			data, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				t.Fatal(err)
			}
			files[n] = data
		}
		return stdout, files
	}
	streamedText, streamed := write(t.TempDir())
	t.Setenv("GITHUB_STEP_SUMMARY", filepath.Join(t.TempDir(), "summary.md"))
	wholeText, whole := write(t.TempDir())
	if streamedText != wholeText || !strings.Contains(streamedText, "T003") {
		t.Errorf("text on stdout differs:\n%s\n---\n%s", streamedText, wholeText)
	}
	for n := range whole {
		if string(streamed[n]) != string(whole[n]) {
			t.Errorf("%s differs between the streamed and the whole run", n)
		}
	}
	if !strings.Contains(string(streamed["qc.v1.json"]), `"schema_version": 1`) {
		t.Errorf("json-v1 report is not version 1: %.100s", streamed["qc.v1.json"])
	}
	// The v2 trailer: the summary is the last key.
	if js := string(streamed["qc.json"]); !strings.Contains(js[strings.LastIndex(js, `"findings":`):], `"summary":{`) {
		t.Errorf("v2 summary is not after the findings: %.200s", js)
	}
}

// A report that cannot be written stops the run: exit 2, naming the
// report, and the other reports are not left half written.
func TestStreamedReportWriteFailure(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	good := filepath.Join(dir, "qc.json")
	code, _, stderr := run(t, "check", "--config", emptyConfig(t), "-q", "--report", "json="+good,
		"--report", "csv="+filepath.Join(blocker, "qc.csv"), fixture(t, "T003"))
	if code != ExitUsage || !strings.Contains(stderr, "qc.csv") {
		t.Errorf("exit %d, stderr %q; want 2 naming the report", code, stderr)
	}
	if _, err := os.Stat(good); !os.IsNotExist(err) {
		t.Errorf("qc.json written although another report failed: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
