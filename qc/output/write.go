package output

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Render writes one report to w.
type Render func(w io.Writer) error

// Write sends a report where path says: stdout for "-" or /dev/stdout
// (see IsStdout), else the file (see WriteFile). A cancelled ctx stops the writing; a file
// being replaced is then left as it was.
func Write(ctx context.Context, stdout io.Writer, path string, render Render) error {
	if IsStdout(path) {
		bw := bufio.NewWriterSize(&ctxWriter{ctx: ctx, w: stdout}, 64<<10)
		if err := render(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return WriteFile(ctx, path, render)
}

// WriteFile writes a report to path.
//
// A regular file, or a path that does not exist yet, is replaced
// atomically: parent folders are created, the report goes to a temporary
// file beside it (.NAME.tmp-*), which then takes path's place
// (replaceFile), so a reader (a CI uploader, a browser) sees the old file
// or the complete new one, and on any error or cancellation path is left
// as it was. The file is not synced to disk: a check's report is output
// the same command writes again, and forcing a 37 MB report to the disk
// cost a run 25 ms of its 0.3 s; the rename alone is what readers rely on
// (the audit and fix, whose outputs others rely on, sync: durable.go). A
// symlink to a regular file is followed, so the link stays a link.
//
// Anything else that exists (a character device such as /dev/null, a FIFO,
// a socket) and a process's stream (/dev/stderr, /dev/fd/N; see
// streamPath) is opened and written in place: renaming a file over
// /dev/null would replace the machine's /dev/null when run as root, and
// renaming over /dev/stderr would send the report to a file instead of the
// stream the shell redirected.
func WriteFile(ctx context.Context, path string, render Render) error {
	direct, target, err := classify(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if direct {
		return writeDirect(ctx, path, render)
	}
	return writeAtomic(ctx, target, render)
}

// classify says whether path is written in place, and the file an atomic
// write replaces (path, or the regular file a symlink points to).
func classify(path string) (direct bool, target string, err error) {
	if streamPath(path) {
		return true, path, nil
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		// A folder's name: refused before anything is rendered or
		// recorded, not after the folder has been made for it.
		return false, "", errors.New("is a folder name (ends with a separator), not a file")
	}
	st, err := os.Stat(path) // follows symlinks
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(path); lerr == nil {
			// A dangling symlink: create its target, keep the link.
			if t, rerr := resolveLink(path); rerr == nil {
				return streamPath(t), t, nil
			}
		}
		return false, path, nil
	case err != nil:
		return false, "", err
	case st.IsDir():
		return false, "", errors.New("is a folder")
	case !st.Mode().IsRegular():
		return true, path, nil
	}
	t, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false, "", err
	}
	return streamPath(t), t, nil
}

// resolveLink follows a chain of symlinks to the path the last one names,
// which need not exist.
func resolveLink(path string) (string, error) {
	for range 40 {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// streamPath reports whether path names a process's stream (/dev/stderr,
// /dev/fd/N, /proc/self/fd/N), whatever the file behind it is: /dev/stderr
// is a symlink to /proc/self/fd/2, which may well be a regular file the
// shell opened, and must be written, not replaced. Other paths under /dev
// are judged by what they are (/dev/null is a device; /dev/shm/x a file).
func streamPath(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	switch {
	case abs == "/dev/stdout", abs == "/dev/stderr", strings.HasPrefix(abs, "/dev/fd/"):
		return true
	case strings.HasPrefix(abs, "/proc/"):
		return strings.Contains(abs, "/fd/")
	}
	return false
}

func writeDirect(ctx context.Context, path string, render Render) error {
	// A process stream (/dev/stderr, /dev/fd/N) may be a file the shell
	// opened, possibly for appending: add to it, never truncate it or write
	// over its start. Devices and FIFOs ignore both flags.
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if streamPath(path) {
		flags = os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	bw := bufio.NewWriterSize(&ctxWriter{ctx: ctx, w: f}, 64<<10)
	if err := render(bw); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func writeAtomic(ctx context.Context, path string, render Render) error {
	p, err := Prepare(ctx, nil, path, render)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		p.Discard()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return p.Commit()
}

// fill renders into a fresh temporary file and makes it shareable,
// closing it.
func fill(ctx context.Context, tmp *os.File, render Render) error {
	bw := newWriteBehind(&ctxWriter{ctx: ctx, w: tmp})
	if err := render(bw); err != nil {
		bw.Close()
		return err
	}
	if err := bw.Close(); err != nil {
		return err
	}
	// CreateTemp makes 0600 files; a report is meant to be shared.
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	return tmp.Close()
}

// ctxWriter stops a report being written once its context is cancelled
// (an interrupt): a file's temporary copy is then removed, a stream or
// device gets no more.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// temps are the temporary files being written, so RemoveTemps can delete
// them when the process is interrupted in a way no context reaches.
var temps = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

func createTemp(dir, base string) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err == nil {
		temps.names[f.Name()] = true
	}
	return f, err
}

func removeTemp(name string) {
	os.Remove(name)
	forgetTemp(name)
}

func forgetTemp(name string) {
	temps.Lock()
	delete(temps.names, name)
	temps.Unlock()
}

// RemoveTemps deletes every temporary report file still being written. A
// command calls it on its way out after an interrupt; it is safe to call
// at any time.
func RemoveTemps() {
	temps.Lock()
	defer temps.Unlock()
	for name := range temps.names {
		os.Remove(name)
		delete(temps.names, name)
	}
}
