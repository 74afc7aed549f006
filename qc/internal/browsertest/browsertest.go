//go:build unix

// Package browsertest renders pages in headless Chromium (Debian's
// /usr/bin/chromium) for end-to-end tests of the HTML reports, and skips
// cleanly where Chromium is not installed.
package browsertest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// ChromiumPath is where Debian's chromium package puts the browser.
const ChromiumPath = "/usr/bin/chromium"

// Require skips the test when Chromium is absent.
func Require(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(ChromiumPath); err != nil {
		t.Skip("headless Chromium not installed at " + ChromiumPath + " (apt-get install chromium)")
	}
}

// DumpDOM loads url in headless Chromium and returns the DOM after the
// page's scripts ran. The flags keep Chromium off the network (this
// machine has none) and out of any profile. Chromium runs in its own
// process group, killed if it outlives the timeout, so no helper process
// survives the test.
func DumpDOM(t testing.TB, url string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}
	args = append(args, extra...)
	args = append(args, "--dump-dom", url)
	cmd := exec.CommandContext(ctx, ChromiumPath, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errb.String())
	}
	if out.Len() == 0 {
		t.Fatalf("chromium printed no DOM\n%s", errb.String())
	}
	return out.String()
}
