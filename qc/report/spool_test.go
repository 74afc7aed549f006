package report

import (
	"io"
	"os"
	"testing"
)

// A streaming writer that spools (JUnit, SARIF, json-v1, HTML) keeps no
// named file in the temporary folder while it writes, so that a run
// killed outright (SIGKILL, out of memory) leaves nothing behind: the
// spool is unlinked as soon as it is made. (JUnit and SARIF made their own
// spool, named until the end, and killed test runs left theirs in /tmp.)
func TestStreamingWritersLeaveNoNamedSpool(t *testing.T) {
	if !spoolsUnlink() {
		t.Skip("this system cannot unlink an open file")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	r := loadFixture(t)
	for _, format := range append(Formats, "json-v1") {
		w, streams, err := NewStream(format, Options{})
		if err != nil || !streams {
			t.Fatalf("%s: streams %v, %v", format, streams, err)
		}
		s := partsOf(r)
		next, parts := s.Next, 0
		s.Next = func() (Part, bool) {
			// Asked for the second part and later: every spool is made.
			if parts++; parts > 1 {
				if left, _ := os.ReadDir(tmp); len(left) > 0 {
					t.Fatalf("%s: %s is in the temporary folder while the report is written", format, left[0].Name())
				}
			}
			return next()
		}
		if err := w(io.Discard, s); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if parts < 3 {
			t.Fatalf("%s: the fixture gave %d parts: the test looked at nothing", format, parts)
		}
	}
}

// spoolsUnlink reports whether newSpool unlinks its file at once here.
func spoolsUnlink() bool {
	s, err := newSpool("exportqc-probe-*")
	if err != nil {
		return false
	}
	defer s.close(&err)
	return s.unlinked
}
