package engine

import (
	"golang.org/x/sys/unix"

	"github.com/exportqc/exportqc/qc/internal/openfiles"
)

// adviseWillNeed starts the kernel's read-ahead of the whole file
// (posix_fadvise POSIX_FADV_WILLNEED): the call returns at once and the
// pages arrive in the background. The file is opened read-only and not
// changed; non-blocking, so that a FIFO among the inputs (which the
// reader refuses) does not hang the read-ahead waiting for a writer.
// Bare system calls, as the reader's (openfile_unix.go): no *os.File for
// a descriptor held for three calls.
func adviseWillNeed(path string) {
	fd, err := openfiles.OpenFD(path, unix.O_RDONLY|unix.O_NONBLOCK)
	if err != nil {
		return
	}
	defer openfiles.CloseFD(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return
	}
	_ = unix.Fadvise(fd, 0, 0, unix.FADV_WILLNEED)
}
