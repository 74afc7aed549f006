//go:build !unix

package engine

import (
	"os"

	"github.com/exportqc/exportqc/qc/internal/openfiles"
)

// openedFile is a file readFileInto reads (see openfile_unix.go).
type openedFile struct{ f *openfiles.File }

// openRegular opens path for reading if it is a regular file, and says its
// size; anything else is refused before a byte is read.
func openRegular(path string) (openedFile, int64, error) {
	// Stat before opening: opening a FIFO blocks until a writer comes.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return openedFile{}, 0, notRegular(st.Mode())
	}
	fh, err := openfiles.Open(path)
	if err != nil {
		return openedFile{}, 0, openError(err)
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return openedFile{}, 0, err
	}
	if !st.Mode().IsRegular() { // replaced between the two looks
		fh.Close()
		return openedFile{}, 0, notRegular(st.Mode())
	}
	return openedFile{fh}, st.Size(), nil
}

func (f openedFile) read(p []byte) (int, error) { return f.f.Read(p) }
func (f openedFile) close()                     { f.f.Close() }
