//go:build linux

package openfiles

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
)

// Under a 64-descriptor limit, 300 readers at once (as --jobs 300 would
// start) all read their file: none sees "too many open files".
func TestManyReadersUnderALowDescriptorLimit(t *testing.T) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	const n = 300
	for i := range n {
		os.WriteFile(filepath.Join(dir, strconv.Itoa(i)+".srt"), []byte("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), 0o644)
	}
	low := old
	low.Cur = 64
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		t.Skip(err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old)
	if Limit() > 32 {
		t.Fatalf("Limit %d under a 64-descriptor limit", Limit())
	}

	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			f, err := Open(filepath.Join(dir, strconv.Itoa(i)+".srt"))
			if err != nil {
				errs <- err
				return
			}
			defer f.Close()
			if _, err := io.ReadAll(f); err != nil {
				errs <- err
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// A file that does not exist is reported at once (not retried) and its
// slot given back.
func TestMissingFileFreesItsSlot(t *testing.T) {
	for range Limit() + 5 {
		if _, err := Open(filepath.Join(t.TempDir(), "nope")); !os.IsNotExist(err) {
			t.Fatalf("err %v", err)
		}
	}
	if slots.inUse != 0 {
		t.Errorf("%d slots still taken", slots.inUse)
	}
}

func TestExhausted(t *testing.T) {
	if !Exhausted(&os.PathError{Op: "open", Path: "x", Err: syscall.EMFILE}) || Exhausted(os.ErrNotExist) {
		t.Error("Exhausted misclassifies")
	}
}
