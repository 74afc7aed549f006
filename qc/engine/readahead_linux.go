package engine

import (
	"golang.org/x/sys/unix"

	"github.com/exportqc/exportqc/qc/internal/openfiles"
)

// adviseWillNeed starts the kernel's read-ahead of the whole file
// (posix_fadvise POSIX_FADV_WILLNEED): the call returns at once and the
// pages arrive in the background. The file is opened read-only and not
// changed.
func adviseWillNeed(path string) {
	f, err := openfiles.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_WILLNEED)
}
