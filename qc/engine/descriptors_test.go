//go:build linux

package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/openfiles"
)

// When file descriptors run out for good, the run fails with an error that
// says so; no file is reported as unreadable for the machine's limit.
func TestDescriptorsRunningOutFailTheRunNotTheFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.en.srt"), []byte("1\n00:00:01,000 --> 00:00:03,000\nHello.\n"), 0o644)
	opts := testOptions(t, filepath.Join(dir, "a.en.srt"))
	opts.Jobs = 1
	// The lowest free descriptor number: with the limit there, every
	// number below is in use and no open can succeed.
	probe, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	lowest := probe.Fd()
	probe.Close()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		t.Skip(err)
	}
	defer openfiles.SetRetry(0)()
	low := old
	low.Cur = uint64(lowest)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		t.Skip(err)
	}
	rep, err := Run(context.Background(), opts)
	syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old)
	if err == nil {
		for _, f := range rep.Findings {
			if strings.Contains(f.Message, "too many open files") {
				t.Fatalf("the file was blamed: %s %s", f.Rule, f.Message)
			}
		}
		t.Skip("descriptors did not run out (the runtime freed one)")
	}
	if !strings.Contains(err.Error(), "ran out of file descriptors") || !strings.Contains(err.Error(), "a.en.srt") {
		t.Errorf("error %q should name the file and the descriptor limit", err)
	}
}
