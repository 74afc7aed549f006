package report

import (
	"fmt"
	"io"
	"os"
	"runtime"
)

// spool is a temporary file a streaming writer puts what it cannot write
// yet, to copy into the report at the end.
type spool struct {
	f        *os.File
	unlinked bool // removed from its folder at creation: only the open file is left
}

// newSpool creates a spool in the system's temporary folder. Where the
// system allows (Unix) it is removed from the folder at once, so a run
// killed outright leaves nothing behind; elsewhere close removes it.
func newSpool(pattern string) (*spool, error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, err
	}
	s := &spool{f: f}
	if runtime.GOOS != "windows" && os.Remove(f.Name()) == nil {
		s.unlinked = true
	}
	return s, nil
}

// copyTo flushes e's buffer and copies the whole spool after it.
func (s *spool) copyTo(e *jsonEnc) error {
	e.flush()
	if e.err != nil {
		return e.err
	}
	return s.copyInto(e.w)
}

// copyInto copies the whole spool to w.
func (s *spool) copyInto(w io.Writer) error {
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	if _, err := io.Copy(w, s.f); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

// close closes and removes the spool, setting *err if it had none.
func (s *spool) close(err *error) {
	cerr := s.f.Close()
	if !s.unlinked {
		if rerr := os.Remove(s.f.Name()); cerr == nil {
			cerr = rerr
		}
	}
	if *err == nil && cerr != nil {
		*err = fmt.Errorf("spool: %w", cerr)
	}
}
