// Package action_test tests the GitHub Action (action.yml at the repository
// root) the way CI can without GitHub: its entry script runs the real
// exportqc binary with the environment the runner would give it.
package action_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(file))
}

// buildExportqc builds the binary once per test run, as the action does.
func buildExportqc(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "exportqc")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/exportqc")
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

type scriptRun struct {
	exit           int
	stdout, stderr string
	outputs        map[string]string
	summary        string
	sarif          string // path, as the script reported it
	workdir        string
}

func runScript(t *testing.T, bin string, env map[string]string) scriptRun {
	t.Helper()
	return runScriptIn(t, bin, t.TempDir(), env)
}

// runScriptIn runs the entry script in work, the runner's workspace.
func runScriptIn(t *testing.T, bin, work string, env map[string]string) scriptRun {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	ghOut := filepath.Join(work, "github_output")
	summary := filepath.Join(work, "step_summary.md")
	cmd := exec.Command(sh, filepath.Join(repoRoot(t), "action", "entrypoint.sh"))
	cmd.Dir = work
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + work,
		"GITHUB_ACTIONS=true", "GITHUB_OUTPUT=" + ghOut, "GITHUB_STEP_SUMMARY=" + summary,
		"EXPORTQC_BIN=" + bin,
	}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	r := scriptRun{workdir: work, outputs: map[string]string{}}
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		r.exit = ee.ExitCode()
	}
	r.stdout, r.stderr = so.String(), se.String()
	if b, err := os.ReadFile(ghOut); err == nil {
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				r.outputs[k] = v
			}
		}
	}
	if b, err := os.ReadFile(summary); err == nil {
		r.summary = string(b)
	}
	r.sarif = r.outputs["sarif"]
	return r
}

func fixture(t *testing.T, rel string) string {
	return filepath.Join(repoRoot(t), "fixtures", "rules", rel)
}

func TestEntryScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds exportqc")
	}
	bin := buildExportqc(t)

	t.Run("findings", func(t *testing.T) {
		r := runScript(t, bin, map[string]string{"INPUT_PATH": fixture(t, "T003/overlap.srt") + "\n" + fixture(t, "ok/clean.en.srt")})
		if r.exit != 0 {
			t.Fatalf("script exit %d (want 0 so the SARIF upload runs):\n%s", r.exit, r.stderr)
		}
		if r.outputs["exit-code"] != "1" {
			t.Errorf("exit-code output %q, want 1", r.outputs["exit-code"])
		}
		if r.sarif != "exportqc.sarif" {
			t.Fatalf("sarif output %q", r.sarif)
		}
		data, err := os.ReadFile(filepath.Join(r.workdir, r.sarif))
		if err != nil {
			t.Fatal(err)
		}
		var sarif struct {
			Version string `json:"version"`
			Runs    []struct {
				Results []struct {
					RuleID string `json:"ruleId"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(data, &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) == 0 {
			t.Errorf("SARIF report: %v %+v", err, sarif)
		}
		for _, want := range []string{"::error file=", "T003 cue-overlap", "Findings per rule:", "FAIL (fail-on error)"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("log lacks %q:\n%s", want, r.stdout)
			}
		}
		if !strings.Contains(r.summary, "## ❌ exportqc: FAIL") || !strings.Contains(r.summary, "### Findings per rule") {
			t.Errorf("step summary:\n%s", r.summary)
		}
	})

	t.Run("clean", func(t *testing.T) {
		r := runScript(t, bin, map[string]string{"INPUT_PATH": fixture(t, "ok/clean.en.srt")})
		if r.exit != 0 || r.outputs["exit-code"] != "0" {
			t.Errorf("exit %d, exit-code %q: %s", r.exit, r.outputs["exit-code"], r.stderr)
		}
		if !strings.Contains(r.summary, "## ✅ exportqc: PASS") {
			t.Errorf("step summary:\n%s", r.summary)
		}
	})

	t.Run("fail-on and args", func(t *testing.T) {
		// Warnings only: passes at fail-on error, fails at warning.
		r := runScript(t, bin, map[string]string{"INPUT_PATH": fixture(t, "T003/overlap.srt"), "INPUT_ARGS": "--disable T003,T004,T006", "INPUT_FAIL_ON": "info"})
		if r.exit != 0 {
			t.Fatalf("exit %d: %s", r.exit, r.stderr)
		}
		if strings.Contains(r.stdout, "T003 cue-overlap") {
			t.Error("INPUT_ARGS --disable T003 not passed on")
		}
	})

	// A line that names a file or folder is one path, blanks and all
	// (a workspace or a season folder may have them); a line that names
	// nothing is split on blanks, as "a.srt b.srt" always was.
	t.Run("paths with blanks", func(t *testing.T) {
		work := t.TempDir()
		copyFixture := func(rel, to string) {
			data, err := os.ReadFile(fixture(t, rel))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Dir(filepath.Join(work, to)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(work, to), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		copyFixture("T003/overlap.srt", "Season 1/overlap.srt")
		copyFixture("T003/overlap.srt", "a.srt")
		copyFixture("T003/overlap.srt", "b.srt")
		copyFixture("ok/clean.en.srt", "Season 2/clean.en.srt")
		r := runScriptIn(t, bin, work, map[string]string{"INPUT_PATH": "  Season 1/ \na.srt  b.srt\n\nSeason 2",
			"INPUT_ARGS": "--report json=report.json"})
		if r.exit != 0 || r.outputs["exit-code"] != "1" {
			t.Fatalf("exit %d, exit-code %q: %s", r.exit, r.outputs["exit-code"], r.stderr)
		}
		data, err := os.ReadFile(filepath.Join(work, "report.json"))
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Files []struct {
				Path string `json:"path"`
			} `json:"files"`
		}
		if err := json.Unmarshal(data, &rep); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range rep.Files {
			got = append(got, filepath.ToSlash(f.Path))
		}
		want := []string{"Season 1/overlap.srt", "Season 2/clean.en.srt", "a.srt", "b.srt"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("files checked %q, want %q", got, want)
		}
	})

	t.Run("usage error", func(t *testing.T) {
		r := runScript(t, bin, map[string]string{"INPUT_PATH": fixture(t, "ok/clean.en.srt"), "INPUT_PROFILE": "no-such-platform"})
		if r.exit != 2 || r.outputs["exit-code"] != "2" {
			t.Errorf("exit %d, exit-code %q; want 2 and 2", r.exit, r.outputs["exit-code"])
		}
		if _, ok := r.outputs["sarif"]; ok {
			t.Error("a usage error still names a SARIF report to upload")
		}
		if !strings.Contains(r.stderr, "no-such-platform") {
			t.Errorf("stderr does not name the bad profile:\n%s", r.stderr)
		}
	})
}

// action.yml and the script agree: every variable the script reads is set
// by the check step from an input the action declares, and the upload and
// verdict steps use the outputs the script writes.
func TestActionDefinition(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Inputs  map[string]struct{ Default string } `yaml:"inputs"`
		Outputs map[string]struct{ Value string }   `yaml:"outputs"`
		Runs    struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID   string            `yaml:"id"`
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				If   string            `yaml:"if"`
				Env  map[string]string `yaml:"env"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using %q", a.Runs.Using)
	}
	script, err := os.ReadFile(filepath.Join(repoRoot(t), "action", "entrypoint.sh"))
	if err != nil {
		t.Fatal(err)
	}
	var check, upload bool
	for _, s := range a.Runs.Steps {
		if s.ID == "check" {
			check = true
			if !strings.Contains(s.Run, "action/entrypoint.sh") {
				t.Errorf("check step runs %q", s.Run)
			}
			for _, v := range []string{"EXPORTQC_BIN", "INPUT_PATH", "INPUT_PROFILE", "INPUT_FAIL_ON", "INPUT_ARGS", "INPUT_SARIF"} {
				if !strings.Contains(string(script), v) {
					t.Errorf("script does not read %s", v)
				}
				if _, ok := s.Env[v]; !ok {
					t.Errorf("check step does not set %s", v)
				}
			}
			for k, v := range s.Env {
				if in, ok := strings.CutPrefix(v, "${{ inputs."); ok {
					if _, declared := a.Inputs[strings.TrimSuffix(in, " }}")]; !declared {
						t.Errorf("%s comes from an undeclared input: %s", k, v)
					}
				}
			}
		}
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			upload = true
			if s.With["sarif_file"] != "${{ steps.check.outputs.sarif }}" || !strings.Contains(s.If, "always()") {
				t.Errorf("upload step: %+v", s)
			}
		}
	}
	if !check || !upload {
		t.Errorf("check step %v, SARIF upload step %v", check, upload)
	}
	for _, o := range []string{"exit-code", "sarif"} {
		if !strings.Contains(a.Outputs[o].Value, "steps.check.outputs."+o) {
			t.Errorf("output %s: %q", o, a.Outputs[o].Value)
		}
	}
}
