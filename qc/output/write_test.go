package output

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func text(s string) Render {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteFileRegularIsAtomicAndShareable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out", "nested", "qc.json")
	if err := WriteFile(context.Background(), path, text("{}\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "{}\n" {
		t.Errorf("content %q", got)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644 so the report can be shared", st.Mode().Perm())
	}
	assertOnly(t, filepath.Dir(path), "qc.json")
}

var errBoom = errors.New("boom")

func TestWriteFileKeepsOldFileOnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "qc.txt")
	os.WriteFile(path, []byte("previous report\n"), 0o644)
	err := WriteFile(context.Background(), path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial ", 100_000)) // past any buffer
		return errBoom
	})
	if !errors.Is(err, errBoom) {
		t.Fatalf("error %v, want the writer's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "previous report\n" {
		t.Errorf("previous report was overwritten: %.40q", got)
	}
	assertOnly(t, dir, "qc.txt")
}

// An interrupt while the report is written (the context is cancelled)
// leaves neither a temporary file nor a changed report.
func TestWriteFileInterruptedLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "qc.txt")
	os.WriteFile(path, []byte("previous\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	err := WriteFile(ctx, path, func(w io.Writer) error {
		for i := range 1000 {
			if i == 10 {
				cancel()
			}
			if _, err := io.WriteString(w, strings.Repeat("x", 64<<10)); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "previous\n" {
		t.Errorf("report changed: %.20q", got)
	}
	assertOnly(t, dir, "qc.txt")
}

// RemoveTemps deletes a temporary file whose writer never returns (the
// process is on its way out after a signal).
func TestRemoveTempsDeletesFilesBeingWritten(t *testing.T) {
	dir := t.TempDir()
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- WriteFile(context.Background(), filepath.Join(dir, "qc.txt"), func(w io.Writer) error {
			close(started)
			<-release
			return errBoom
		})
	}()
	<-started
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), ".qc.txt.tmp-") {
		t.Fatalf("want one temporary file while writing, have %v", entries)
	}
	RemoveTemps()
	assertOnly(t, dir)
	close(release)
	<-done
}

func TestWriteFileOntoAFolderFails(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "qc.json")
	os.Mkdir(target, 0o755)
	if err := WriteFile(context.Background(), target, text("x")); err == nil {
		t.Fatal("writing over a folder succeeded")
	}
	assertOnly(t, dir, "qc.json")
}

// /dev/null stays the machine's null device: written in place, never
// renamed over (as root the rename would succeed and replace it).
func TestWriteFileDevNullStaysADevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	for _, path := range []string{"/dev/null", "/dev/../dev/null"} {
		if err := WriteFile(context.Background(), path, text(strings.Repeat("report\n", 20_000))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		assertCharDevice(t, "/dev/null")
	}
	entries, _ := os.ReadDir("/dev")
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".null.tmp-") {
			t.Errorf("temporary file /dev/%s left", e.Name())
		}
	}
	if os.Geteuid() != 0 {
		t.Log("not root: the rename this guards against would have failed anyway")
	}
}

// A symlink to a device is followed and the device written; the link and
// the device stay what they were.
func TestWriteFileSymlinkToDevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "qc.json")
	if err := os.Symlink("/dev/null", link); err != nil {
		t.Skip(err)
	}
	if err := WriteFile(context.Background(), link, text("{}\n")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", st.Mode(), err)
	}
	assertCharDevice(t, "/dev/null")
	assertOnly(t, dir, "qc.json")
}

// A FIFO is opened and written: a reader on the other end gets the report
// and the FIFO is still a FIFO.
func TestWriteFileFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "qc.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	want := strings.Repeat("finding\n", 50_000) // more than a pipe holds
	if err := WriteFile(context.Background(), fifo, text(want)); err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != want {
		t.Errorf("reader got %d bytes, want %d", len(b), len(want))
	}
	st, err := os.Lstat(fifo)
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a FIFO: %v %v", fifo, st.Mode(), err)
	}
	assertOnly(t, dir, "qc.fifo")
}

// A symlink to a regular file keeps being a link; the file it names gets
// the report.
func TestWriteFileSymlinkToRegularFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "qc.json")
	os.WriteFile(real, []byte("old"), 0o644)
	os.Symlink("real.json", link)
	if err := WriteFile(context.Background(), link, text("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a file")
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("target holds %q", b)
	}
	assertOnly(t, dir, "qc.json", "real.json")
}

func TestWriteDashIsStdout(t *testing.T) {
	var out bytes.Buffer
	if err := Write(context.Background(), &out, "-", text("hello")); err != nil || out.String() != "hello" {
		t.Errorf("stdout got %q, %v", out.String(), err)
	}
}

func assertCharDevice(t *testing.T, path string) {
	t.Helper()
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device: %v %v", path, st.Mode(), err)
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("folder holds %v, want only %v (temporary file left behind?)", got, names)
	}
}

// /dev/stdout is the stdout stream itself, not a file to reopen or replace.
func TestWriteDevStdoutIsStdout(t *testing.T) {
	var out bytes.Buffer
	if err := Write(context.Background(), &out, "/dev/stdout", text("hello")); err != nil || out.String() != "hello" {
		t.Errorf("stdout got %q, %v", out.String(), err)
	}
	if !(Spec{"json", "/dev/stdout"}).Stdout() {
		t.Error("/dev/stdout is standard output")
	}
}

// /dev/stderr redirected to a file is appended to, never truncated or
// replaced.
func TestWriteStreamPathAppends(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc")
	}
	log := filepath.Join(t.TempDir(), "log.txt")
	f, err := os.OpenFile(log, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("before\n")
	path := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	if err := WriteFile(context.Background(), path, text("report\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(log); string(b) != "before\nreport\n" {
		t.Errorf("log holds %q", b)
	}
}

// A prepared report is not in place until Commit; Discard leaves the old
// file and no temporary file.
func TestPrepareCommitDiscard(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.json")
	os.WriteFile(path, []byte("old"), 0o644)
	p, err := Prepare(context.Background(), nil, path, text("new"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("prepared report already in place: %q", b)
	}
	p.Discard()
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("discarded report replaced the file: %q", b)
	}
	assertOnly(t, dir, "audit.json")

	var out bytes.Buffer
	p, _ = Prepare(context.Background(), &out, path, text("new"))
	q, _ := Prepare(context.Background(), &out, "-", text("on stdout"))
	if out.Len() != 0 {
		t.Error("standard output written before Commit")
	}
	if err := p.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := q.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" || out.String() != "on stdout" {
		t.Errorf("after Commit: file %q, stdout %q", b, out.String())
	}
	assertOnly(t, dir, "audit.json")
}

// A regular file under /dev (a tmpfs such as /dev/shm) is a file like any
// other: created and replaced atomically.
func TestWriteFileUnderDevShmIsAFile(t *testing.T) {
	dir, err := os.MkdirTemp("/dev/shm", "exportqc-test-")
	if err != nil {
		t.Skip(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "qc.json")
	for _, body := range []string{"first", "second"} {
		if err := WriteFile(context.Background(), path, text(body)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "second" {
		t.Errorf("file holds %q, want the second report alone", b)
	}
}
