package fix

import (
	"errors"
	"fmt"
	"github.com/exportqc/exportqc/qc/output"
	"os"
	"path/filepath"
	"strings"
)

// Targets maps each checked file to its place in the output folder: a file
// under a folder argument keeps its path relative to that folder, a file
// named as an argument goes to the top. It refuses an output folder inside
// (or equal to) any argument — fix never writes inside what it reads — and
// two files that would land on the same path.
func Targets(args []string, out string, files []string) (map[string]string, error) {
	outAbs, err := absReal(out)
	if err != nil {
		return nil, err
	}
	type root struct{ arg, abs string }
	var roots []root
	for _, a := range args {
		abs, err := absReal(a)
		if err != nil {
			return nil, err
		}
		if output.Within(outAbs, abs) {
			return nil, fmt.Errorf("--out %s is inside %s: fix never writes inside what it checks", out, a)
		}
		roots = append(roots, root{filepath.ToSlash(filepath.Clean(a)), abs})
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
		if prev, ok := used[dst]; ok {
			return nil, fmt.Errorf("%s and %s would both be written to %s; fix them in separate runs", prev, f, dst)
		}
		used[dst] = f
		m[f] = dst
	}
	return m, nil
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

// WriteFile writes data to path atomically (a temporary file renamed into
// place), creating folders as needed; it refuses to replace the source.
func WriteFile(path string, data []byte, source string) error {
	if a, err := absReal(path); err == nil {
		if b, err := absReal(source); err == nil && a == b {
			return errors.New("refusing to overwrite the original " + source)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".exportqc-fix-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
