package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// The project config is found walking up from the working folder, as git
// and golangci-lint find theirs.
func TestConfigFoundWalkingUp(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "show", "season1")
	os.MkdirAll(deep, 0o755)
	spaces := fixture(t, "L004/spaces.srt") // one warning: passes at fail-on error, fails at warning
	os.WriteFile(filepath.Join(root, "exportqc.yaml"), []byte("fail_on: warning\n"), 0o644)
	t.Chdir(deep)
	if code, _, stderr := run(t, "check", spaces); code != ExitFail {
		t.Errorf("exportqc.yaml two folders up not applied: exit %d %s", code, stderr)
	}

	// A config.yaml of another tool is not exportqc's: ignored, no error.
	os.WriteFile(filepath.Join(deep, "config.yaml"), []byte("server:\n  port: 8080\n"), 0o644)
	if code, _, stderr := run(t, "check", spaces); code != ExitFail || stderr != "" {
		t.Errorf("an unrelated config.yaml got in the way: exit %d %q", code, stderr)
	}

	// A config.yaml with exportqc's keys is read; the nearer one wins. In
	// the working folder it is simply the project's config; found above it,
	// the run says which file it read.
	os.WriteFile(filepath.Join(deep, "config.yaml"), []byte("fail_on: error\n"), 0o644)
	code, _, stderr := run(t, "check", spaces)
	if code != ExitPass || stderr != "" {
		t.Errorf("exportqc-shaped config.yaml in the working folder: exit %d %q", code, stderr)
	}
	t.Chdir(filepath.Join(deep, ".."))
	os.Rename(filepath.Join(root, "exportqc.yaml"), filepath.Join(root, "config.yaml"))
	code, _, stderr = run(t, "check", spaces)
	if code != ExitFail || !strings.Contains(stderr, "found above the working folder") {
		t.Errorf("exportqc-shaped config.yaml two folders up: exit %d %q", code, stderr)
	}
	os.Rename(filepath.Join(root, "config.yaml"), filepath.Join(root, "exportqc.yaml"))
	t.Chdir(deep)
	// ...and a misspelt key in it is still reported.
	os.WriteFile(filepath.Join(deep, "config.yaml"), []byte("fail_on: error\nprofil: x\n"), 0o644)
	if code, _, stderr := run(t, "check", spaces); code != ExitUsage || !strings.Contains(stderr, `"profil"`) {
		t.Errorf("typo in config.yaml: exit %d %q", code, stderr)
	}
	os.Remove(filepath.Join(deep, "config.yaml"))

	// EXPORTQC_CONFIG beats discovery, --config beats both.
	env := filepath.Join(t.TempDir(), "ci.yaml")
	os.WriteFile(env, []byte("fail_on: error\n"), 0o644)
	t.Setenv("EXPORTQC_CONFIG", env)
	if code, _, _ := run(t, "check", spaces); code != ExitPass {
		t.Errorf("EXPORTQC_CONFIG not used: exit %d", code)
	}
	if code, _, _ := run(t, "check", "--config", filepath.Join(root, "exportqc.yaml"), spaces); code != ExitFail {
		t.Errorf("--config did not beat EXPORTQC_CONFIG: exit %d", code)
	}
	t.Setenv("EXPORTQC_CONFIG", filepath.Join(root, "missing.yaml"))
	if code, _, stderr := run(t, "check", spaces); code != ExitUsage || !strings.Contains(stderr, "EXPORTQC_CONFIG") {
		t.Errorf("missing EXPORTQC_CONFIG: exit %d %q", code, stderr)
	}
}

// The audit's default history database goes beside the config, else in
// the user's data folder: never inside the audited tree or its parent.
func TestDefaultHistoryDatabase(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	base := t.TempDir()
	root := filepath.Join(base, "audits", "2026")
	os.MkdirAll(root, 0o755)
	inData := filepath.Join(data, "exportqc", "audit.sqlite")
	for _, c := range []struct{ name, config, want string }{
		{"beside the config", filepath.Join(base, "ops", "exportqc.yaml"), filepath.Join(base, "ops", "audit.sqlite")},
		{"config inside the tree", filepath.Join(root, "exportqc.yaml"), inData},
		{"config in the tree's parent", filepath.Join(base, "audits", "exportqc.yaml"), inData},
		{"no config", "", inData},
	} {
		a := newApp(nil, nil)
		if c.config != "" {
			os.MkdirAll(filepath.Dir(c.config), 0o755)
			os.WriteFile(c.config, []byte("{}\n"), 0o644)
			a.v.SetConfigFile(c.config)
			if err := a.v.ReadInConfig(); err != nil {
				t.Fatal(err)
			}
		}
		got, err := a.defaultDBPath(root)
		if err != nil || got != c.want {
			t.Errorf("%s: %s, %v; want %s", c.name, got, err, c.want)
		}
	}
}

// With no config anywhere, a first audit creates its history database in
// the user's data folder, which may not exist yet, and audit history
// finds it there.
func TestAuditHistoryInTheDataFolder(t *testing.T) {
	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "audit")
	work := t.TempDir()
	t.Chdir(work)
	data := filepath.Join(t.TempDir(), "fresh", "share")
	t.Setenv("XDG_DATA_HOME", data)
	code, _, stderr := run(t, "audit", root, "--members", filepath.Join(root, "members.yaml"), "-q", "--report", "json=/dev/null")
	if code > ExitFail {
		t.Fatalf("audit: exit %d %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "exportqc", "audit.sqlite")); err != nil {
		t.Fatalf("no database in the data folder: %v", err)
	}
	code, out, stderr := run(t, "audit", "history")
	if code != ExitPass || !strings.HasPrefix(strings.Split(out, "\n")[1], "1 ") {
		t.Errorf("audit history: exit %d %q %s", code, out, stderr)
	}
	if entries, _ := os.ReadDir(work); len(entries) != 0 {
		t.Errorf("the working folder got %v", entries)
	}
}
