package waiver

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeWaivers puts src in a temp file and loads it, as the CLI would.
func writeWaivers(t *testing.T, src string) (*Set, string, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "waivers.yaml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p)
	return s, p, err
}

func mustLoad(t *testing.T, src string) (*Set, string) {
	t.Helper()
	s, p, err := writeWaivers(t, src)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return s, p
}

// The documented example loads, and a waived finding carries what the file
// says plus where it says it.
func TestLoadFullWaiver(t *testing.T) {
	s, p := mustLoad(t, `# accepted by the client
waivers:
  - rule: T005
    file: "S01E03/*.fr.srt"
    at: "00:12:03.500"
    reason: "client accepted fast reading speed for the song lyrics"
    expires: 2027-03-31
    by: "jane@studio"
`)
	if s.Len() != 1 {
		t.Fatalf("%d waivers, want 1", s.Len())
	}
	f := finding("T005", "S01E03/ep.fr.srt", 12, 12*60_000+3_500)
	waived, notes := s.Apply(fs(f), day(2027, 3, 1))
	w := waived[0]
	if w == nil {
		t.Fatalf("finding not waived; notes %v", notes)
	}
	if w.Reason != "client accepted fast reading speed for the song lyrics" || w.Expires != "2027-03-31" ||
		w.By != "jane@studio" || w.Source != p+":3" {
		t.Errorf("waiver record %+v", *w)
	}
}

func TestLoadEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "waivers:\n", "waivers: []\n", "---\n"} {
		s, _, err := writeWaivers(t, src)
		if err != nil || s.Len() != 0 {
			t.Errorf("%q: %d waivers, err %v; want an empty set", src, s.Len(), err)
		}
	}
}

// Every problem is an error naming file:line, so the author can go straight
// to it; the line is the offending key or value, or the waiver's first line
// when something is missing.
func TestLoadErrorsNameFileAndLine(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		want      string
	}{
		{"no reason", "waivers:\n  - rule: T005\n    cue: 3\n", 2, "no reason"},
		{"empty reason", "waivers:\n  - rule: T005\n    reason: \"  \"\n", 3, "reason is empty"},
		{"null reason", "waivers:\n  - rule: T005\n    reason:\n", 3, "reason is empty"},
		{"unknown key", "waivers:\n  - rule: T005\n    reason: r\n    line: 4\n", 4, `unknown key "line"`},
		{"unknown top key", "waiver:\n  - rule: T005\n    reason: r\n", 1, `unknown key "waiver"`},
		{"repeated key", "waivers:\n  - rule: T005\n    rule: T004\n    reason: r\n", 3, `"rule" repeated`},
		{"no rule", "waivers:\n  - file: a.srt\n    reason: r\n", 2, "names no rule and no fingerprint"},
		{"cue word", "waivers:\n  - rule: T005\n    cue: twelve\n    reason: r\n", 3, "cue"},
		{"cue zero", "waivers:\n  - rule: T005\n    cue: 0\n    reason: r\n", 3, "1 or more"},
		{"cue list", "waivers:\n  - rule: T005\n    cue: [1, 2]\n    reason: r\n", 3, "single value"},
		{"bad at", "waivers:\n  - rule: T005\n    at: \"12:03\"\n    reason: r\n", 3, "timecode"},
		{"frame at", "waivers:\n  - rule: T005\n    at: \"00:12:03:12\"\n    reason: r\n", 3, "timecode"},
		{"reversed range", "waivers:\n  - rule: T005\n    at: 00:13:00-00:12:00\n    reason: r\n", 3, "ends before"},
		{"bad date", "waivers:\n  - rule: T005\n    expires: 31/03/2027\n    reason: r\n", 3, "YYYY-MM-DD"},
		{"datetime", "waivers:\n  - rule: T005\n    expires: 2027-03-31T12:00:00Z\n    reason: r\n", 3, "YYYY-MM-DD"},
		{"bad glob", "waivers:\n  - rule: T005\n    file: \"ep[1.srt\"\n    reason: r\n", 3, "file pattern"},
		{"short fingerprint", "waivers:\n  - fingerprint: 3f1a\n    reason: r\n", 2, "16 hex digits"},
		{"not a list", "waivers:\n  rule: T005\n", 2, "must be a list"},
		{"item not a mapping", "waivers:\n  - T005\n", 2, "must be a mapping"},
		{"empty by", "waivers:\n  - rule: T005\n    reason: r\n    by: \"\"\n", 4, "by has no value"},
		{"syntax", "waivers:\n  - rule: T005\n    reason: \"unterminated\n", 3, ""},
		{"second document", "waivers: []\n---\nwaivers: []\n", 2, "one YAML document"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, p, err := writeWaivers(t, c.src)
			if err == nil {
				t.Fatal("loaded without error")
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *waiver.Error", err)
			}
			prefix := p + ":"
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Fatalf("error %q does not start with the file name", err)
			}
			if e.Line < c.line || (c.want != "" && e.Line != c.line) {
				t.Errorf("error at line %d, want %d: %v", e.Line, c.line, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

// All problems are reported at once, in line order, and a file with any
// problem loads nothing: a half-loaded waiver file would waive the wrong set.
func TestLoadReportsAllProblems(t *testing.T) {
	_, p, err := writeWaivers(t, `waivers:
  - rule: T005
    reason: fine
  - rule: T004
  - rule: T003
    reason: ok
    colour: red
`)
	if err == nil {
		t.Fatal("loaded")
	}
	got := err.Error()
	a, b := strings.Index(got, p+":4:"), strings.Index(got, p+":7:")
	if a < 0 || b < 0 || a > b {
		t.Errorf("want problems at lines 4 then 7, got:\n%s", got)
	}
}

func TestLoadMissingFile(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "none.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err %v, want not-exist", err)
	}
}

// Fingerprints are accepted in either case (copied from a report or a
// SARIF viewer) and YAML anchors resolve.
func TestLoadFingerprintAndAlias(t *testing.T) {
	f := finding("T005", "a.srt", 1, 5000)
	fp := fingerprintOf(f)
	s, _ := mustLoad(t, `waivers:
  - fingerprint: `+strings.ToUpper(fp)+`
    reason: &why "agreed on the call of 3 March"
  - rule: T004
    reason: *why
`)
	waived, notes := s.Apply(fs(f, finding("T004", "b.srt", 2, 0)), day(2026, 1, 1))
	if waived[0] == nil || waived[1] == nil || len(notes) != 0 {
		t.Fatalf("waived %v, notes %v", waived, notes)
	}
	if waived[1].Reason != "agreed on the call of 3 March" {
		t.Errorf("alias reason %q", waived[1].Reason)
	}
}
