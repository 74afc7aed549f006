// Package nonroot runs a test as an unprivileged user. Permission checks
// (an unreadable folder, a read-only database) mean nothing to root, which
// reads everything; tests of them must run as a user the permissions bind.
package nonroot

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// childEnv marks the re-executed test process.
const childEnv = "EXPORTQC_NONROOT_CHILD"

// Reexec makes the calling test run as an unprivileged user. When the
// process is not root it returns false at once: the caller runs its body
// here. As root it copies the test binary where user nobody can run it,
// runs this one test again as nobody (setpriv) and returns true: the
// caller returns, its result being the child's. Without setpriv, or when
// the child cannot start, the test is skipped.
func Reexec(t *testing.T) bool {
	t.Helper()
	if os.Getuid() != 0 {
		return false
	}
	if os.Getenv(childEnv) != "" {
		t.Skip("still root after dropping privileges")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root and setpriv is not installed: permissions cannot be tested")
	}
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	dir, err := os.MkdirTemp("", "nonroot-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, tmp} {
		if err := os.Chmod(d, 0o1777); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "test.bin")
	if err := copyFile(self, bin); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--",
		bin, "-test.run=^"+strings.ReplaceAll(t.Name(), "/", "$/^")+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=1", "TMPDIR="+tmp, "HOME="+tmp, "XDG_DATA_HOME="+tmp)
	out, err := cmd.CombinedOutput()
	text := string(out)
	switch {
	case err != nil:
		t.Fatalf("as user nobody: %v\n%s", err, text)
	case strings.Contains(text, "--- SKIP"):
		t.Skipf("as user nobody: skipped\n%s", text)
	case !strings.Contains(text, "--- PASS"):
		t.Fatalf("as user nobody: the test did not run\n%s", text)
	}
	t.Logf("ran as user nobody:\n%s", text)
	return true
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
