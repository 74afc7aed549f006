//go:build !unix

package openfiles

// descriptorLimit is a conservative guess where the platform has no
// RLIMIT_NOFILE (Windows handles are plentiful; the C runtime's are not).
func descriptorLimit() int { return 512 }
