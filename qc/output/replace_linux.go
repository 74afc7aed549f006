package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// replaceFile puts the finished temporary file tmp at target, atomically.
//
// When target is a regular file, the two names are exchanged
// (renameat2 RENAME_EXCHANGE: readers see the old report or the new one,
// never neither) and the old report, now at the temporary name, is
// removed. A plain rename over an existing file makes ext4 start writing
// the new file's data to disk inside the rename (its auto_da_alloc
// heuristic for programs that replace files without fsync): 30-45 ms of
// the dense run's 37 MB report, waited for at the very end of the run.
// The exchange is not subject to it, so the report reaches the disk in the
// ordinary write-back, as any report written to a new path does (reports
// are not synced: see WriteFile).
//
// A target that does not exist (or is not a regular file by now), and a
// file system without the exchange, take the plain rename.
func replaceFile(tmp, target string) error {
	if st, err := os.Lstat(target); err != nil || !st.Mode().IsRegular() {
		return os.Rename(tmp, target)
	}
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, target, unix.RENAME_EXCHANGE); err != nil {
		return os.Rename(tmp, target)
	}
	// The new report is in place; tmp now names the old one. Failing to
	// remove it leaves a hidden .NAME.tmp-* file, not a wrong report.
	os.Remove(tmp)
	return nil
}
