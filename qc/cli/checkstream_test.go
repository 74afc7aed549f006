package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// check writes its reports, and the GitHub step summary, while it runs,
// and they are the bytes the whole-report path writes.
func TestStreamedReportsEqualWholeReports(t *testing.T) {
	testStreamedEqualWhole(t, "T003", fixture(t, "T003"), fixture(t, "L001"), fixture(t, "E001"), fixture(t, "ok"))
}

// So does a run of deliveries, whose delivery findings (manifests', and
// those counted in their files' records) land where the whole report has
// them.
func TestStreamedDeliveryReportsEqualWholeReports(t *testing.T) {
	root := filepath.Join(fixture(t, ".."), "deliveries")
	testStreamedEqualWhole(t, "D003", root, fixture(t, "T003"))
}

// So does a run of one folder described by the manifest named with
// --manifest.
func TestStreamedManifestReportsEqualWholeReports(t *testing.T) {
	river := filepath.Join(fixture(t, ".."), "deliveries", "broken-river")
	testStreamedEqualWhole(t, "D007", "--manifest", filepath.Join(river, "manifest.yaml"), river)
}

// testStreamedEqualWhole runs check on args (paths, and any flags) with
// every report, streamed and collected, and compares them.
func testStreamedEqualWhole(t *testing.T, wantRule string, paths ...string) {
	names := []string{"qc.json", "qc.v1.json", "qc.csv", "qc.sarif", "qc.xml", "qc.md", "qc.html", "qc.github", "summary.md"}
	formats := []string{"json", "json-v1", "csv", "sarif", "junit", "markdown", "html", "github"}
	write := func(dir string, extra ...string) (string, map[string][]byte) {
		t.Setenv("GITHUB_STEP_SUMMARY", filepath.Join(dir, "summary.md"))
		args := []string{"check", "--config", emptyConfig(t), "-q", "--format", "text"}
		for i, f := range formats {
			args = append(args, "--report", f+"="+filepath.Join(dir, names[i]))
		}
		code, stdout, stderr := run(t, append(append(args, extra...), paths...)...)
		if code != ExitFail {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		files := map[string][]byte{}
		for _, n := range names {
			data, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				t.Fatal(err)
			}
			files[n] = data
		}
		return stdout, files
	}
	streamedText, streamed := write(t.TempDir())
	if !lastCheckStreamed {
		t.Fatal("the run was collected: the comparison would prove nothing")
	}
	wholeRunOnly = true
	defer func() { wholeRunOnly = false }()
	wholeText, whole := write(t.TempDir())
	if streamedText != wholeText || !strings.Contains(streamedText, wantRule) {
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
	if !strings.Contains(string(streamed["summary.md"]), wantRule) {
		t.Errorf("the step summary lacks the findings: %.300s", streamed["summary.md"])
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
