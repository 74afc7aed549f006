package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CheckSpecs refuses report lists that would lose a report: more than one
// on standard output, or two writing the same file (the last would
// silently replace the first). Paths are compared after making them
// absolute and resolving symlinks, so out/qc.json and ./out/../out/qc.json
// are the same place. Discarding twice into /dev/null is fine.
func CheckSpecs(specs []Spec) error {
	stdout := 0
	seen := map[string]Spec{}
	for _, s := range specs {
		if s.Stdout() {
			if stdout++; stdout > 1 {
				return fmt.Errorf("more than one report writes to standard output; give all but one a PATH")
			}
			continue
		}
		key := canonical(s.Path)
		if key == "/dev/null" {
			continue
		}
		if prev, ok := seen[key]; ok {
			return fmt.Errorf("the %s and %s reports both write to %s; give each its own PATH", prev.Format, s.Format, s.Path)
		}
		seen[key] = s
	}
	return nil
}

// Inside lists, for each report file that lands inside one of the folders
// being checked, a sentence saying so. exportqc does not refuse it (a
// report beside loose subtitle files is common and harmless), but inside a
// delivery the report becomes an unlisted file on the next run, so the
// command warns.
func Inside(specs []Spec, checked []string) []string {
	var notes []string
	for _, s := range specs {
		if s.Stdout() || streamPath(s.Path) {
			continue
		}
		p := canonical(s.Path)
		for _, c := range checked {
			st, err := os.Stat(c)
			if err != nil || !st.IsDir() {
				continue
			}
			dir := canonical(c)
			if p != dir && Within(p, dir) {
				notes = append(notes, fmt.Sprintf("the %s report %s is inside %s, which is being checked: "+
					"in a delivery it will be an unlisted file on the next run", s.Format, s.Path, c))
				break
			}
		}
	}
	return notes
}

// canonical is path made absolute with the symlinks of its longest
// existing prefix resolved (the file itself may not exist yet).
func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	rest := ""
	for p := abs; ; {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// Within reports whether path is dir or lies below it, comparing cleaned
// absolute paths (no symlinks resolved: callers that need them resolved
// pass canonical paths). "../x" is outside; a child named "..x" is inside.
func Within(path, dir string) bool {
	a, err1 := filepath.Abs(path)
	b, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(b, a)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
