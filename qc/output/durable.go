package output

import (
	"os"
	"path/filepath"
)

// A check's reports are renamed into place without being forced to disk
// (see WriteFile). Outputs others rely on are: fix's corrected copies,
// which a user may ship the moment the command ends, and the audit's
// reports, which its history records. Sync before Commit makes the staged
// content durable, SyncFolder after it the rename.

// Sync forces a staged file's content to disk. A direct write (standard
// output, a device) has nothing staged.
func (p *Pending) Sync() error {
	if p == nil || p.tmp == "" {
		return nil
	}
	// Windows flushes only a handle open for writing (FlushFileBuffers).
	f, err := os.OpenFile(p.tmp, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Target is the file a staged output replaces on Commit, or "" for a
// direct write.
func (p *Pending) Target() string {
	if p == nil || p.tmp == "" {
		return ""
	}
	return p.target
}

// SyncFolder makes the renames into dir durable where the platform allows
// it; failing to do so does not make the output wrong, so errors are
// ignored.
func SyncFolder(dir string) {
	d, err := os.Open(filepath.Clean(dir))
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}

// CommitAll commits pending in order and, when durable, then syncs each
// folder a file was renamed into, once. On a failed Commit it returns
// that one's index and error, having discarded the ones after it.
func CommitAll(pending []*Pending, durable bool) (int, error) {
	folders := map[string]bool{}
	for i, p := range pending {
		target := p.Target() // "" once committed
		if err := p.Commit(); err != nil {
			for _, q := range pending[i+1:] {
				q.Discard()
			}
			return i, err
		}
		if durable && target != "" {
			folders[filepath.Dir(target)] = true
		}
	}
	for dir := range folders {
		SyncFolder(dir)
	}
	return len(pending), nil
}
