//go:build !linux

package output

import "os"

// replaceFile puts the finished temporary file tmp at target, atomically.
func replaceFile(tmp, target string) error { return os.Rename(tmp, target) }
