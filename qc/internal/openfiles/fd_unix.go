//go:build unix

package openfiles

import "syscall"

// OpenFD is Open for a reader that makes its own system calls (flag: the
// read-ahead opens non-blocking, so that a FIFO cannot hang it): a
// bare descriptor, opened close-on-exec, holding a slot until CloseFD.
// A file read once from start to end needs nothing an *os.File adds (the
// poller's registration and the flag changes around it, a finalizer,
// three allocations), and a run reads hundreds of files a second.
// Errors are the system's (a syscall.Errno, without the path).
func OpenFD(path string, flag int) (int, error) {
	fd := -1
	err := withSlot(func() (err error) {
		for {
			fd, err = syscall.Open(path, flag|syscall.O_CLOEXEC, 0)
			if err != syscall.EINTR {
				return err
			}
		}
	})
	if err != nil {
		return -1, err
	}
	return fd, nil
}

// CloseFD closes a descriptor from OpenFD and frees its slot.
func CloseFD(fd int) error {
	err := syscall.Close(fd)
	release()
	return err
}
