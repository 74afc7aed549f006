package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/report"
)

// runWithin runs the engine and fails the test if it does not return in
// time (reading a FIFO would block forever).
func runWithin(t *testing.T, d time.Duration, opts Options) *report.Report {
	t.Helper()
	type result struct {
		rep *report.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, err := Run(context.Background(), opts)
		done <- result{rep, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.rep
	case <-time.After(d):
		t.Fatalf("the run did not finish in %s (blocked reading a special file?)", d)
	}
	return nil
}

func findingsOf(rep *report.Report, file, code string) []string {
	var out []string
	for _, f := range rep.Findings {
		if f.File == file && f.Rule == code {
			out = append(out, f.Message)
		}
	}
	return out
}

// A FIFO with a subtitle name, named on the command line or met in a walk,
// is a finding and is never opened (opening it would wait for a writer).
func TestFIFOIsAFindingNotRead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.en.srt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	good := filepath.Join(dir, "good.en.srt")
	if err := os.WriteFile(good, []byte("1\n00:00:01,000 --> 00:00:03,000\nHello there, how are you?\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{fifo, dir} {
		rep := runWithin(t, 10*time.Second, testOptions(t, arg))
		name := filepath.ToSlash(fifo)
		msgs := findingsOf(rep, name, "E000")
		if len(msgs) != 1 || !strings.Contains(msgs[0], "named pipe (FIFO), not a regular file") {
			t.Errorf("check %s: E000 for the FIFO = %q, want one saying it is a FIFO", arg, msgs)
		}
		if rep.Summary.Passed {
			t.Errorf("check %s: a FIFO that could not be checked passed", arg)
		}
		if arg == dir && len(rep.Files) != 2 {
			t.Errorf("walk: %d file records, want 2 (the good file keeps its result)", len(rep.Files))
		}
	}
}

// A character device named on the command line is refused, not read to
// the size limit.
func TestDeviceIsAFindingNotRead(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	rep := runWithin(t, 10*time.Second, testOptions(t, "/dev/zero"))
	if msgs := findingsOf(rep, "/dev/zero", "E000"); len(msgs) != 1 || !strings.Contains(msgs[0], "character device") {
		t.Errorf("E000 for /dev/zero = %q", msgs)
	}
}

// A file over the size limit is E000 "file too large" with no cue read.
func TestFileOverSizeLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.en.srt")
	var sb strings.Builder
	for i := 1; sb.Len() < 5000; i++ {
		fmt.Fprintf(&sb, "%d\n00:00:%02d,000 --> 00:00:%02d,500\nSome words here.\n\n", i, i%60, i%60)
	}
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t, p)
	opts.MaxFileSize = 4096
	rep := runWithin(t, 10*time.Second, opts)
	msgs := findingsOf(rep, filepath.ToSlash(p), "E000")
	if len(msgs) != 1 || !strings.Contains(msgs[0], "file too large") || !strings.Contains(msgs[0], "4 KiB") {
		t.Fatalf("E000 = %q, want one 'file too large' naming the 4 KiB limit", msgs)
	}
	if rep.Files[0].Cues != 0 || len(rep.Findings) != 1 || rep.Summary.Passed {
		t.Errorf("over the limit: %d cues, %d findings, passed %v; want 0 cues, only the E000, failed",
			rep.Files[0].Cues, len(rep.Findings), rep.Summary.Passed)
	}
	opts.MaxFileSize = 0 // the default (64 MiB) reads it
	if rep := runWithin(t, 10*time.Second, opts); rep.Files[0].Cues == 0 {
		t.Errorf("under the default limit: no cues read")
	}
}

// Findings of one rule beyond the per-rule cap are counted in one summary
// finding of that rule; cues beyond the cue cap are not checked, and an
// E000 says so.
func TestFindingAndCueCaps(t *testing.T) {
	p := filepath.Join(t.TempDir(), "dense.en.srt")
	var sb strings.Builder
	for i := 0; i < 300; i++ { // 300 cues of 0.2 s: each too short (T001)
		s := i * 2
		fmt.Fprintf(&sb, "%d\n00:%02d:%02d,000 --> 00:%02d:%02d,200\nShort.\n\n", i+1, s/60, s%60, s/60, s%60)
	}
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t, p)
	full := runWithin(t, 10*time.Second, opts)
	if n := len(findingsOf(full, filepath.ToSlash(p), "T001")); n != 300 {
		t.Fatalf("uncapped: %d T001 findings, want 300", n)
	}
	opts.MaxFindingsPerRule = 50
	rep := runWithin(t, 10*time.Second, opts)
	t001 := findingsOf(rep, filepath.ToSlash(p), "T001")
	if len(t001) != 51 {
		t.Fatalf("capped at 50: %d T001 findings, want 50 and one summary", len(t001))
	}
	summary := 0
	for _, m := range t001 {
		if strings.Contains(m, "250 more T001 findings in this file are not listed (at most 50 per rule per file") {
			summary++
		}
	}
	if summary != 1 || rep.Summary.Passed != full.Summary.Passed {
		t.Errorf("summary findings %d (want 1); passed %v, uncapped %v", summary, rep.Summary.Passed, full.Summary.Passed)
	}
	// The totals still count every problem: the summary stands for the 250.
	if rep.Summary.Counts != full.Summary.Counts || rep.Files[0].Counts != full.Files[0].Counts {
		t.Errorf("capped counts %+v / file %+v, uncapped %+v / %+v", rep.Summary.Counts, rep.Files[0].Counts,
			full.Summary.Counts, full.Files[0].Counts)
	}

	opts = testOptions(t, p)
	opts.MaxCues = 100
	rep = runWithin(t, 10*time.Second, opts)
	if rep.Files[0].Cues != 100 || len(findingsOf(rep, filepath.ToSlash(p), "T001")) != 100 {
		t.Errorf("cue cap 100: %d cues, %d T001", rep.Files[0].Cues, len(findingsOf(rep, filepath.ToSlash(p), "T001")))
	}
	if msgs := findingsOf(rep, filepath.ToSlash(p), "E000"); len(msgs) != 1 || !strings.Contains(msgs[0], "file has 300 cues; only the first 100 were checked") {
		t.Errorf("cue cap E000 = %q", msgs)
	}
}
