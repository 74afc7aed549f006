package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/rule"
)

// Files that start like a format we read are read by its reader even when
// they hold control characters or a bad header field; they were "content
// is binary" with 0 cues. The control characters are findings at their line.
func TestControlCharactersDoNotMakeAFileBinary(t *testing.T) {
	for _, c := range []struct {
		rel        []string
		cues       int
		code, text string
		line       int
	}{
		{[]string{"vtt", "wpt-webvtt", "file-parsing", "nulls.vtt"}, 7, "E005", "U+0000 (NUL)", 2},
		{[]string{"vtt", "wpt-webvtt", "file-parsing", "whitespace-chars.vtt"}, 3, "E005", "U+000C (form feed)", 12},
		{[]string{"stl", "irt-scf", "files", "requirement-0172-002.stl"}, 3, "S001", `code page number CPN "ABC"`, 0},
	} {
		p := testcorpus.Path(t, c.rel...)
		rep, err := Run(context.Background(), testOptions(t, p))
		if err != nil {
			t.Fatal(err)
		}
		name := c.rel[len(c.rel)-1]
		if len(rep.Files) != 1 || rep.Files[0].Cues != c.cues {
			t.Errorf("%s: %+v, want %d cues", name, rep.Files, c.cues)
		}
		if f := findingWith(rep, "E000", "binary"); f != nil {
			t.Errorf("%s: %s", name, f.Message)
		}
		if f := findingWith(rep, c.code, c.text); f == nil || f.Line != c.line {
			t.Errorf("%s: no %s %q at line %d: %+v", name, c.code, c.text, c.line, f)
		}
	}
}

// A file named .stl whose GSI block is not one is judged by the STL reader
// (the header is invalid), not called a media or archive file.
func TestSTLWithBadHeaderIsNotBinary(t *testing.T) {
	data := make([]byte, 1024+128)
	for i := range data {
		data[i] = byte(i*7 + 3) // no digits at 0-2, no "STL" at 3
	}
	rep, _ := checkOne(t, "broken.stl", data)
	f := findingWith(rep, "E000", "GSI header is invalid")
	if f == nil || findingWith(rep, "E000", "binary") != nil || f.Severity != rule.Error {
		t.Errorf("findings: %+v", rep.Findings)
	}
	if rep.Files[0].Format != "stl" || strings.Contains(rulesOf(rep), "E001") {
		t.Errorf("file %+v, rules %s", rep.Files[0], rulesOf(rep))
	}
}
