//go:build unix

package engine

import (
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/exportqc/exportqc/qc/internal/openfiles"
)

// openedFile is a file readFileInto reads through bare system calls: a
// run opens hundreds of files a second, and an *os.File would add four
// fcntl calls and a refused poller registration to each open, a finalizer
// and three allocations, for a file read once from start to end.
type openedFile struct {
	fd   int
	path string // for errors
}

// openRegular opens path for reading if it is a regular file, and says
// its size. Anything else is refused before a byte is read, from the
// path's stat (opening a FIFO blocks until a writer comes; a device is not
// opened at all), and again from the open file's (it may have been
// replaced between the two looks).
func openRegular(path string) (openedFile, int64, error) {
	var st syscall.Stat_t
	if statRetry(func() error { return syscall.Stat(path, &st) }) == nil && !isRegular(uint32(st.Mode)) {
		return openedFile{}, 0, notRegular(fileMode(uint32(st.Mode)))
	}
	// Bounded and retried on a descriptor shortage, whatever --jobs is.
	fd, err := openfiles.OpenFD(path, syscall.O_RDONLY)
	if err != nil {
		return openedFile{}, 0, openError(&os.PathError{Op: "open", Path: path, Err: err})
	}
	f := openedFile{fd: fd, path: path}
	if err := statRetry(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		f.close()
		return openedFile{}, 0, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if !isRegular(uint32(st.Mode)) {
		f.close()
		return openedFile{}, 0, notRegular(fileMode(uint32(st.Mode)))
	}
	return f, st.Size, nil
}

// maxRead is the most one read asks for (os.File's limit too).
const maxRead = 1 << 30

// read is (*os.File).Read: io.EOF at the end, errors naming the file.
func (f openedFile) read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	// As os.File does: macOS refuses a read of more than INT_MAX bytes
	// (EINVAL), which a raised --max-file-size-mb allows.
	if len(p) > maxRead {
		p = p[:maxRead]
	}
	for {
		n, err := syscall.Read(f.fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, &os.PathError{Op: "read", Path: f.path, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f openedFile) close() { openfiles.CloseFD(f.fd) }

func statRetry(stat func() error) error {
	for {
		if err := stat(); err != syscall.EINTR {
			return err
		}
	}
}

func isRegular(mode uint32) bool { return mode&syscall.S_IFMT == syscall.S_IFREG }

// fileMode is the type bits of a stat mode as an fs.FileMode, for
// notRegular to name.
func fileMode(mode uint32) fs.FileMode {
	switch mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	}
	return fs.ModeIrregular
}
