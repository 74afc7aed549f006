package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/exportqc/exportqc/qc/format"
	"github.com/exportqc/exportqc/qc/internal/openfiles"
)

// input is one file to check.
type input struct {
	path     string    // as reported: the argument, or argument joined with the walked path
	explicit bool      // named on the command line (checked even if not recognisable)
	meta     *fileMeta // set for a file a delivery manifest lists (delivery.go)
	// walkErr is set for a folder that could not be walked (unreadable,
	// path over the system's length limit): it is reported as a finding at
	// the folder, so that what was not checked never passes.
	walkErr error
}

// discover expands the command-line paths into a sorted, de-duplicated list
// of files. Folders are walked recursively; hidden folders (.git, .cache)
// are skipped; only files (not links) whose name suggests a subtitle format are
// taken (".xml" and ".txt" are confirmed by content later). Symbolic links
// are not followed, so a walk never leaves the folder it was given.
//
// A folder that cannot be read (the one given included) is an input of its
// own carrying the error (walkErr): checkFile reports it as an E000 at the
// folder. Running out of file descriptors is the machine's limit, not the
// folder's fault: it fails the run.
//
// claim, when not nil, is asked about every folder (arg is true for a folder
// named on the command line): a folder it claims is a delivery (delivery.go)
// and is not walked.
func discover(args []string, claim func(dir string, arg bool) bool) ([]input, error) {
	seen := map[string]bool{}
	var out []input
	add := func(p string, explicit bool) {
		p = filepath.ToSlash(filepath.Clean(p))
		if !seen[p] {
			seen[p] = true
			out = append(out, input{path: p, explicit: explicit})
		}
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arg, errNotFound(err))
		}
		if !st.IsDir() {
			add(arg, true)
			continue
		}
		if claim != nil && claim(arg, true) {
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if openfiles.Exhausted(err) {
					return err
				}
				// Unreadable, vanished or over the length limit: a finding
				// at that folder, and the walk goes on with the others.
				p = filepath.ToSlash(filepath.Clean(p))
				if !seen[p] {
					seen[p] = true
					out = append(out, input{path: p, explicit: true, walkErr: walkError(err)})
				}
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != arg && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				if p != arg && claim != nil && claim(p, false) {
					return filepath.SkipDir
				}
				return nil
			}
			// Not only regular files: a FIFO, socket or device with a
			// subtitle name is listed so that reading refuses it with a
			// finding (never reads it) instead of it vanishing silently.
			// Symbolic links are still not followed.
			if d.Type()&fs.ModeSymlink == 0 && format.Candidate(p) {
				add(p, false)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// walkError is the reason a folder could not be read, without the path
// (the finding is already at it).
func walkError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("folder could not be read (%v): nothing in it was checked", err)
}

func errNotFound(err error) error {
	if os.IsNotExist(err) {
		return fmt.Errorf("no such file or folder")
	}
	return err
}
