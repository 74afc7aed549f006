//go:build linux

package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestJobsMustBePositive(t *testing.T) {
	cfg := emptyConfig(t)
	for _, j := range []string{"0", "-5"} {
		code, _, stderr := run(t, "check", "--config", cfg, "--jobs", j, fixture(t, "ok"))
		if code != ExitUsage || !strings.Contains(stderr, "--jobs") {
			t.Errorf("--jobs %s: exit %d %q", j, code, stderr)
		}
	}
	t.Setenv("EXPORTQC_JOBS", "-1")
	if code, _, stderr := run(t, "check", "--config", cfg, fixture(t, "ok")); code != ExitUsage || !strings.Contains(stderr, "env") {
		t.Errorf("EXPORTQC_JOBS=-1: exit %d %q", code, stderr)
	}
}

// --jobs 1000 under a 64-descriptor limit: every file is read, and no
// finding blames a file for the machine's descriptor limit.
func TestManyJobsUnderALowDescriptorLimit(t *testing.T) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	src, err := os.ReadFile(fixture(t, "ok/clean.en.srt"))
	if err != nil {
		t.Fatal(err)
	}
	const n = 400
	for i := range n {
		os.WriteFile(filepath.Join(dir, "ep"+strconv.Itoa(i)+".en.srt"), src, 0o644)
	}
	cfg := emptyConfig(t)
	low := old
	low.Cur = 64
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		t.Skip(err)
	}
	code, out, stderr := run(t, "check", "--config", cfg, "--jobs", "1000", "-q", "--format", "json", dir)
	syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old)
	if code != ExitPass || strings.Contains(out, "too many open files") || !strings.Contains(out, `"files":`+strconv.Itoa(n)) {
		t.Errorf("exit %d, stderr %q; report mentions descriptors: %v", code, stderr, strings.Contains(out, "too many open files"))
	}
}
