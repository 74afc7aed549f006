package output

import (
	"path/filepath"
	"testing"
)

// One answer to "is this path in that folder" for every command that
// refuses or notes an output inside what it reads.
func TestWithin(t *testing.T) {
	d := t.TempDir()
	for _, c := range []struct {
		path string
		want bool
	}{
		{d, true},
		{filepath.Join(d, "a", "b.json"), true},
		{filepath.Join(d, "..x", "b.json"), true}, // a child named "..x" is inside
		{filepath.Join(d, ".."), false},
		{filepath.Join(d+"x", "b.json"), false}, // a sibling sharing the prefix
		{filepath.Join(d, "a", "..", "..", "b"), false},
	} {
		if got := Within(c.path, d); got != c.want {
			t.Errorf("Within(%s, %s) = %v, want %v", c.path, d, got, c.want)
		}
	}
}
