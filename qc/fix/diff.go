package fix

import (
	"fmt"
	"github.com/exportqc/exportqc/qc/cue"
	"io"
	"strings"
)

// Unified writes a unified diff (3 lines of context) of a against b.
// Lines are compared with their terminators, so a changed line ending shows.
func Unified(w io.Writer, nameA, nameB string, a, b []byte) error {
	la, lb := cue.SplitKeepEOL(string(a)), cue.SplitKeepEOL(string(b))
	ops := diffLines(la, lb)
	if len(ops) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "--- %s\n+++ %s\n", nameA, nameB); err != nil {
		return err
	}
	const ctx = 3
	// Group the edit script into hunks separated by more than 2*ctx equal lines.
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-ctx, 0)
		for start < i && ops[start].kind != ' ' {
			start++
		}
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*ctx {
				end = min(end+ctx, run)
				break
			}
			end = run
		}
		var ai, an, bi, bn int
		ai, bi = ops[start].a, ops[start].b
		var body strings.Builder
		for _, o := range ops[start:end] {
			line := o.text
			switch {
			case strings.HasSuffix(line, "\n"):
			case strings.HasSuffix(line, "\r"):
				line += "\n" // a CR-only file: one diff line per line
			default:
				line += "\n\\ No newline at end of file\n"
			}
			body.WriteByte(o.kind)
			body.WriteString(line)
			switch o.kind {
			case ' ':
				an++
				bn++
			case '-':
				an++
			case '+':
				bn++
			}
		}
		if _, err := fmt.Fprintf(w, "@@ -%s +%s @@\n%s", hunkRange(ai, an), hunkRange(bi, bn), body.String()); err != nil {
			return err
		}
		i = end
	}
	return nil
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

type op struct {
	kind byte // ' ', '-', '+'
	a, b int  // 0-based line positions in a and b before this op
	text string
}

// diffLines walks both files in step and, at each difference, looks for
// the nearest point where they agree again (two equal lines in a row, or
// the ends), trying the smallest detour first within a window. Fixes change
// few, local lines, so this finds the minimal script in practice at linear
// cost; past the window it still yields a correct (if longer) script.
func diffLines(a, b []string) []op {
	const window = 256
	var ops []op
	i, j := 0, 0
	same := func(x, y int) bool {
		if x == len(a) || y == len(b) {
			return x == len(a) && y == len(b)
		}
		return a[x] == b[y] && (x+1 == len(a) || y+1 == len(b) || a[x+1] == b[y+1])
	}
	changed := false
	for i < len(a) || j < len(b) {
		if i < len(a) && j < len(b) && a[i] == b[j] {
			ops = append(ops, op{' ', i, j, a[i]})
			i, j = i+1, j+1
			continue
		}
		changed = true
		di, dj := min(window, len(a)-i), min(window, len(b)-j)
	search:
		for k := 1; k <= 2*window; k++ {
			for x := max(0, k-window); x <= min(k, window); x++ {
				y := k - x
				if i+x <= len(a) && j+y <= len(b) && same(i+x, j+y) {
					di, dj = x, y
					break search
				}
			}
		}
		for x := 0; x < di; x++ {
			ops = append(ops, op{'-', i, j, a[i]})
			i++
		}
		for y := 0; y < dj; y++ {
			ops = append(ops, op{'+', i, j, b[j]})
			j++
		}
	}
	if !changed {
		return nil
	}
	return ops
}
