package fix

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/output"
)

// Targets maps each checked file to its place in the output folder: a file
// under a folder argument keeps its path relative to that folder, a file
// named as an argument goes to the top. It refuses an output folder inside
// (or equal to) any argument — fix never writes inside what it reads — and
// two files that would land on the same path, and a copy that would land
// inside an argument (an output folder above the inputs).
func Targets(args []string, out string, files []string) (map[string]string, error) {
	outAbs, err := absReal(out)
	if err != nil {
		return nil, err
	}
	type root struct{ arg, abs string }
	var roots []root
	var inputs []string // the arguments' real paths
	for _, a := range args {
		abs, err := absReal(a)
		if err != nil {
			return nil, err
		}
		if output.Within(outAbs, abs) {
			return nil, fmt.Errorf("--out %s is inside %s: fix never writes inside what it checks", out, a)
		}
		roots = append(roots, root{filepath.ToSlash(filepath.Clean(a)), abs})
		inputs = append(inputs, abs)
	}
	m := map[string]string{}
	used := map[string]string{}
	for _, f := range files {
		rel := ""
		for _, r := range roots {
			if f == r.arg {
				rel = filepath.Base(f)
				break
			}
			if r.arg == "." {
				if !strings.HasPrefix(f, "../") && !filepath.IsAbs(f) {
					rel = f
					break
				}
				continue
			}
			if strings.HasPrefix(f, r.arg+"/") {
				rel = strings.TrimPrefix(f, r.arg+"/")
				break
			}
		}
		if rel == "" {
			rel = filepath.Base(f)
		}
		dst := filepath.Join(out, filepath.FromSlash(rel))
		if err := outsideInputs(inputs, dst); err != nil {
			return nil, fmt.Errorf("%s would be written to %s: %w", f, dst, err)
		}
		if prev, ok := used[dst]; ok {
			return nil, fmt.Errorf("%s and %s would both be written to %s; fix them in separate runs", prev, f, dst)
		}
		used[dst] = f
		m[f] = dst
	}
	return m, nil
}

// OutsideInputs refuses a path fix would write (a corrected copy, a
// manifest, the change log) that lies inside one of the checked arguments
// or is one of them: an output folder above the inputs must not let a
// copy or the log land on an original.
func OutsideInputs(args []string, path string) error {
	abs := make([]string, 0, len(args))
	for _, a := range args {
		r, err := absReal(a)
		if err != nil {
			return err
		}
		abs = append(abs, r)
	}
	return outsideInputs(abs, path)
}

func outsideInputs(inputs []string, path string) error {
	p, err := absReal(path)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		if output.Within(p, in) {
			return fmt.Errorf("that is inside %s, which fix reads: fix never writes inside what it checks", in)
		}
	}
	return nil
}

// absReal is the absolute path with symbolic links resolved as far as the
// path exists, so a link cannot smuggle the output inside an input.
func absReal(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// Staged holds a run's output files (corrected copies, rewritten
// manifests, the change log) until all are ready: each is written to a
// temporary file beside its target and synced as it is added (qc/output's
// staged writing: a device or FIFO is written in place at Commit, never
// renamed over), and Commit renames them all into place. A failure or an
// interrupt before Commit leaves every target as it was.
type Staged struct {
	ctx     context.Context
	pending []*output.Pending
	// made are the folders staging created, deepest first within each
	// file, so that a failed run removes them again (only while empty).
	made []string
}

// NewStaged starts an empty set of outputs; ctx cancelled (an interrupt)
// stops a file being staged.
func NewStaged(ctx context.Context) *Staged { return &Staged{ctx: ctx} }

// Add stages data for path, creating folders as needed; it refuses to
// replace source, the file the data was read from.
func (s *Staged) Add(path string, data []byte, source string) error {
	if a, err := absReal(path); err == nil && source != "" {
		if b, err := absReal(source); err == nil && a == b {
			return errors.New("refusing to overwrite the original " + source)
		}
	}
	made := missingFolders(filepath.Dir(path))
	p, err := output.Prepare(s.ctx, io.Discard, path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err == nil {
		// A corrected copy is a deliverable: on disk before it is renamed.
		if err = p.Sync(); err != nil {
			p.Discard()
		}
	}
	if err != nil {
		removeFolders(made)
		return err
	}
	s.made = append(s.made, made...)
	s.pending = append(s.pending, p)
	return nil
}

// missingFolders lists dir and those of its parents that do not exist yet,
// deepest first: the folders staging a file there will create.
func missingFolders(dir string) []string {
	var missing []string
	for {
		if _, err := os.Lstat(dir); err == nil || !errors.Is(err, fs.ErrNotExist) {
			return missing
		}
		missing = append(missing, dir)
		parent := filepath.Dir(dir)
		if parent == dir {
			return missing
		}
		dir = parent
	}
}

// removeFolders removes the folders staging made, deepest first; a folder
// something else has put a file in since stays.
func removeFolders(dirs []string) {
	for _, d := range dirs {
		_ = os.Remove(d)
	}
}

// Commit puts every staged file in place, in the order added; after a
// failed rename the files not yet renamed are dropped.
func (s *Staged) Commit() error {
	if err := s.ctx.Err(); err != nil {
		s.Discard()
		return err
	}
	// The ones after a failed rename are discarded by CommitAll; the
	// folders staging made are removed with them.
	if _, err := output.CommitAll(s.pending, true); err != nil {
		s.pending = nil
		s.Discard()
		return err
	}
	s.pending, s.made = nil, nil
	return nil
}

// Discard drops every staged file and the folders made for them, leaving
// the targets as they were.
func (s *Staged) Discard() {
	for _, p := range s.pending {
		p.Discard()
	}
	s.pending = nil
	// A folder made for one file may hold one made for a later file:
	// remove the longest paths (the deepest) first.
	slices.SortFunc(s.made, func(a, b string) int { return len(b) - len(a) })
	removeFolders(s.made)
	s.made = nil
}
