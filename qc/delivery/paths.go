package delivery

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// ErrEscapesRoot is returned for a path that leaves the delivery folder:
// "../x", an absolute path, a drive letter, or a symlink pointing outside.
var ErrEscapesRoot = errors.New("path escapes the delivery root")

// CleanPath turns a path as written in a manifest into the model's form:
// slash-separated, cleaned, relative to the delivery root. Backslashes are
// read as separators because Windows-made manifests use them and a literal
// backslash in a delivered file name is far rarer than that mistake.
// A path that is empty, absolute or leaves the root is an error; readers
// report it (D011 for escapes) and do not follow it.
func CleanPath(p string) (string, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return "", errors.New("empty path")
	}
	if strings.IndexByte(p, 0) >= 0 {
		return "", errors.New("path contains a NUL byte")
	}
	p = strings.ReplaceAll(p, `\`, "/")
	if strings.HasPrefix(p, "/") {
		return "", fmt.Errorf("%w: %q is absolute", ErrEscapesRoot, p)
	}
	if len(p) >= 2 && p[1] == ':' && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z') {
		return "", fmt.Errorf("%w: %q names a drive", ErrEscapesRoot, p)
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("%w: %q", ErrEscapesRoot, p)
	}
	if c == "." {
		return "", fmt.Errorf("path %q names the root itself", p)
	}
	return c, nil
}

// Resolve returns the real location of rel under root with every symlink
// followed, refusing results outside root. The error wraps
// fs.ErrNotExist when the file is absent (D002) and ErrEscapesRoot when
// a link leads outside (D011): a walker must not read such a file.
func Resolve(root, rel string) (string, error) {
	clean, err := CleanPath(rel)
	if err != nil {
		return "", err
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	realRoot, err = filepath.Abs(realRoot)
	if err != nil {
		return "", err
	}
	target, err := filepath.EvalSymlinks(filepath.Join(realRoot, filepath.FromSlash(clean)))
	if err != nil {
		return "", err
	}
	target, err = filepath.Abs(target)
	if err != nil {
		return "", err
	}
	r, err := filepath.Rel(realRoot, target)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
		return "", fmt.Errorf("%w: %s resolves to %s", ErrEscapesRoot, rel, target)
	}
	return target, nil
}

// pathProblem records a rejected manifest path with the right rule.
func (d *Delivery) pathProblem(manifest string, line int, raw string, err error) {
	rule := RuleManifestInvalid
	if errors.Is(err, ErrEscapesRoot) {
		rule = RulePathEscapes
	}
	d.Problemf(rule, manifest, line, fmt.Sprintf("path %q not followed: %v", raw, err))
}

// CheckPath validates raw as a manifest path; on success it returns the
// cleaned path, otherwise it records a problem (D011 for escapes, D009
// otherwise) and returns ok=false.
func (d *Delivery) CheckPath(manifest string, line int, raw string) (string, bool) {
	p, err := CleanPath(raw)
	if err != nil {
		d.pathProblem(manifest, line, raw, err)
		return "", false
	}
	return p, true
}
