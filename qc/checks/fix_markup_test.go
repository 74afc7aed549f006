package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/format/markup"
)

// A stray closer that ends what the cue before left open is kept and the
// tag opened again; one that would then mis-nest is left for a person.
func TestReopenCarriedTags(t *testing.T) {
	cases := []struct {
		prev, cur string
		prefix    string // the opening tags written at the cue's start
		clean     bool
	}{
		{"<i>I remember the day", "we met by the river.</i>", "<i>", true},
		{"<c.yellow><i>day", "river.</i></c>", "<c.yellow><i>", true},
		{"<i>day", "river.</b>", "", true},                  // nothing to reopen: the stray goes
		{"<i><b>day", "river.</i></b>", "<i><b>", false},    // reopened, </i> would close over <b>
		{"<b>day", "<i>river.</b></i>", "<b>", false},       // the same, the other way round
		{"<i>day", "river.</i> and <b>on</b>", "<i>", true}, // other tags of the cue are untouched
	}
	for _, c := range cases {
		prevIssues := markup.Balance(c.prev)
		issues := markup.Balance(c.cur)
		prefix, kept := leftOpenIn(c.prev, prevIssues).reopen(issues)
		if prefix != c.prefix {
			t.Errorf("%q then %q: reopens %q, want %q", c.prev, c.cur, prefix, c.prefix)
		}
		if kept == nil {
			continue
		}
		if clean := reopensCleanly(prefix+c.cur, strays(issues)-len(kept)); clean != c.clean {
			t.Errorf("%q then %q: clean = %v, want %v", c.prev, c.cur, clean, c.clean)
		}
	}
}
