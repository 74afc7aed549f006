//go:build unix

package openfiles

import "syscall"

// descriptorLimit is the soft RLIMIT_NOFILE (Go raises it to the hard limit
// at start-up on Linux and macOS), or 256 when it cannot be read.
func descriptorLimit() int {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil || r.Cur == 0 {
		return 256
	}
	if r.Cur > 1<<20 {
		return 1 << 20
	}
	return int(r.Cur)
}
