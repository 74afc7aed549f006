package engine

import (
	"os"

	"golang.org/x/sys/unix"

	"github.com/exportqc/exportqc/qc/internal/openfiles"
)

// adviseWillNeed starts the kernel's read-ahead of the whole file
// (posix_fadvise POSIX_FADV_WILLNEED): the call returns at once and the
// pages arrive in the background. The file is opened read-only and not
// changed; non-blocking, so that a FIFO among the inputs (which the
// reader refuses) does not hang the read-ahead waiting for a writer.
func adviseWillNeed(path string) {
	f, err := openfiles.OpenFlags(path, os.O_RDONLY|unix.O_NONBLOCK)
	if err != nil {
		return
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return
	}
	_ = unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_WILLNEED)
}
