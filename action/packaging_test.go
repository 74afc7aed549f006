package action_test

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The pre-commit hook: its file pattern picks subtitle files and nothing
// else, and its entry is a command exportqc runs, failing the commit on
// an error finding.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds exportqc")
	}
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Entry, Language, Files string
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "exportqc" || hooks[0].Language != "golang" {
		t.Fatalf("hooks %+v", hooks)
	}
	h := hooks[0]
	files := regexp.MustCompile(h.Files)
	for name, want := range map[string]bool{
		"S01E01/Show.fr.srt": true, "a.VTT": true, "b.ttml": true, "c.dfxp": true, "d.itt": true, "e.stl": true,
		"f.ass": true, "g.ssa": true, "h.scc": true, "manifest.yaml": false, "README.md": false, "notes.txt": false, "srt.go": false,
	} {
		if files.MatchString(name) != want {
			t.Errorf("files pattern on %s: %v, want %v", name, !want, want)
		}
	}
	args := strings.Fields(h.Entry)
	if args[0] != "exportqc" {
		t.Fatalf("entry %q does not run exportqc", h.Entry)
	}
	bin := buildExportqc(t)
	for path, want := range map[string]int{"T003/overlap.srt": 1, "ok/clean.en.srt": 0} {
		cmd := exec.Command(bin, append(args[1:], fixture(t, path))...)
		cmd.Dir = t.TempDir()
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != want {
			t.Errorf("hook on %s: exit %d, want %d", path, code, want)
		}
	}
}

// The Dockerfile's build command makes a static binary (no dynamic loader,
// so it runs on a distroless base). Building the image itself needs a
// Docker daemon and the network; this runs the same go build.
func TestDockerfileBuildsAStaticBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds exportqc")
	}
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	if !strings.Contains(df, "ENV CGO_ENABLED=0") {
		t.Error("the Dockerfile does not turn CGO off")
	}
	m := regexp.MustCompile(`(?m)^RUN (go build .*) -o /out/exportqc (\./cmd/exportqc)$`).FindStringSubmatch(df)
	if m == nil {
		t.Fatal("no go build line for ./cmd/exportqc in the Dockerfile")
	}
	words := strings.Fields(strings.ReplaceAll(m[1], `"`, ""))
	// -ldflags "-s -w" is one argument in the shell.
	var args []string
	for i := 0; i < len(words); i++ {
		if words[i] == "-ldflags" {
			args = append(args, "-ldflags", strings.Join(words[i+1:], " "))
			break
		}
		args = append(args, words[i])
	}
	out := filepath.Join(t.TempDir(), "exportqc")
	cmd := exec.Command(args[0], append(args[1:], "-o", out, m[2])...)
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", cmd.Args, err, b)
	}
	f, err := elf.Open(out)
	if err != nil {
		t.Skipf("not an ELF platform: %v", err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary needs a dynamic loader: not static")
		}
	}
	if v, err := exec.Command(out, "--help").CombinedOutput(); err != nil || !strings.Contains(string(v), "exportqc") {
		t.Errorf("the built binary does not run: %v\n%s", err, v)
	}
}
