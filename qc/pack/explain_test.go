package pack

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", path, got)
	}
}

// explainRows parses the rule table of Explain output into
// "CODE setting" → {value, layer, pack}.
func explainRows(t *testing.T, out string) map[string][3]string {
	t.Helper()
	rows := make(map[string][3]string)
	inTable := false
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) > 0 && f[0] == "RULE" {
			inTable = true
			continue
		}
		if !inTable || len(f) < 6 {
			continue
		}
		rows[f[0]+" "+f[2]] = [3]string{f[3], f[4], f[5]}
	}
	if len(rows) == 0 {
		t.Fatalf("no rule table in explain output:\n%s", out)
	}
	return rows
}

// TestExplainFrench pins the effective table a user sees for a French file
// under the default profile with a project override and flags: every layer is
// named, and each value carries its layer, pack and source.
func TestExplainFrench(t *testing.T) {
	lib := loadShipped(t)
	project, err := lib.ParseProject("config.yaml", map[string]any{
		"t005": map[string]any{"severity": "error"},
		"gap-too-short": map[string]any{"params": map[string]any{
			"min_gap": map[string]any{"value": "3f", "source": "client house style §4.2"},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	flags, err := lib.ParseFlags(FlagValues{Set: []string{"T002.max_duration=6s"}, Disable: []string{"T008"}})
	if err != nil {
		t.Fatal(err)
	}
	eff, err := lib.Resolve(Request{Language: "fr-FR", Project: project, Flags: flags})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := eff.Explain(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// Independent of the golden file: the attributions a user relies on.
	rows := explainRows(t, out)
	for key, want := range map[string][3]string{
		"T001 min_duration": {"5/6s", "platform", "netflix"},
		"T002 max_duration": {"6s", "flags", "flags"},
		"T004 min_gap":      {"3f", "project", "config.yaml"},
		"T005 severity":     {"error", "project", "config.yaml"},
		"T005 max_cps":      {"17", "language", "fr"},
		"L001 max_chars":    {"42", "language", "fr"},
		"T008 enabled":      {"false", "flags", "flags"},
		"T006 enabled":      {"true", "platform", "netflix"},
	} {
		if got := rows[key]; got != want {
			t.Errorf("%s = %v, want %v", key, got, want)
		}
	}
	for _, want := range []string{"client house style §4.2", "--set T002.max_duration=6s", "--disable T008", "article 217351577"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks source %q", want)
		}
	}
	golden(t, "explain_fr.golden", b.Bytes())
}
