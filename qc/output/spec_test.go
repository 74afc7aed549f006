package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var testFormats = Formats{Names: []string{"text", "json", "markdown"}, Aliases: map[string]string{"md": "markdown"}}

func TestParseSpec(t *testing.T) {
	ok := map[string]Spec{
		"json=out/qc.json":    {"json", "out/qc.json"},
		"JSON=-":              {"json", "-"},
		"md=pr.md":            {"markdown", "pr.md"},
		"text=out/a=b.txt":    {"text", "out/a=b.txt"},
		`json=C:\ci\qc.json`:  {"json", `C:\ci\qc.json`},
		" markdown =notes.md": {"markdown", "notes.md"},
	}
	for in, want := range ok {
		if got, err := testFormats.ParseSpec(in); err != nil || got != want {
			t.Errorf("ParseSpec(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	// A bare format is an error: --report json must not dump
	// JSON on the terminal.
	for _, in := range []string{"", "=out.json", "pdf=out.pdf", "json=", "json=  ", "json", "text"} {
		if got, err := testFormats.ParseSpec(in); err == nil {
			t.Errorf("ParseSpec(%q) = %+v, want an error", in, got)
		}
	}
	if _, err := testFormats.ParseSpec("json"); err == nil || !strings.Contains(err.Error(), "json=PATH") {
		t.Errorf("bare format error %v should say FORMAT=PATH", err)
	}
	if s, _ := testFormats.Main("md", ""); s != (Spec{"markdown", "-"}) {
		t.Errorf("Main = %+v", s)
	}
}

func TestCheckSpecs(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "out", "qc.json")
	same := filepath.Join(dir, "out", "..", "out", "qc.json")
	if err := CheckSpecs([]Spec{{"json", a}, {"markdown", same}}); err == nil {
		t.Error("two reports to one file accepted")
	}
	os.Mkdir(filepath.Join(dir, "real"), 0o755)
	os.Symlink("real", filepath.Join(dir, "link"))
	if err := CheckSpecs([]Spec{{"json", filepath.Join(dir, "real", "x")}, {"text", filepath.Join(dir, "link", "x")}}); err == nil {
		t.Error("two reports to one file through a symlinked folder accepted")
	}
	if err := CheckSpecs([]Spec{{"json", "-"}, {"text", "-"}}); err == nil {
		t.Error("two reports on standard output accepted")
	}
	if err := CheckSpecs([]Spec{{"json", "/dev/null"}, {"text", "/dev/null"}, {"markdown", a}, {"text", "-"}}); err != nil {
		t.Errorf("distinct outputs refused: %v", err)
	}
}

func TestInside(t *testing.T) {
	dir := t.TempDir()
	checked := filepath.Join(dir, "delivery")
	os.Mkdir(checked, 0o755)
	notes := Inside([]Spec{{"json", filepath.Join(checked, "qc.json")}, {"text", filepath.Join(dir, "qc.txt")}, {"text", "-"}},
		[]string{checked})
	if len(notes) != 1 || !strings.Contains(notes[0], "qc.json") {
		t.Errorf("notes %q, want one about qc.json", notes)
	}
}
