//go:build !linux

package engine

// adviseWillNeed has no portable equivalent of posix_fadvise; elsewhere
// files are read when their turn comes.
func adviseWillNeed(string) {}
