package lazyre

import (
	"slices"
	"testing"
)

func TestNewCompilesOnceOnFirstUse(t *testing.T) {
	re := New(`^a(b+)$`)
	if !slices.Contains(All(), `^a(b+)$`) {
		t.Error("All does not list the expression")
	}
	first := re()
	if m := first.FindStringSubmatch("abbb"); len(m) != 2 || m[1] != "bbb" {
		t.Errorf("match = %q", m)
	}
	if re() != first {
		t.Error("compiled twice")
	}
}

func TestBadExpressionPanicsOnUse(t *testing.T) {
	re := New(`(`) // declaring it must not panic
	defer func() {
		if recover() == nil {
			t.Error("a bad expression compiled")
		}
	}()
	re()
}
