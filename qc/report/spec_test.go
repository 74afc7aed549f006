package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseReportSpec(t *testing.T) {
	ok := map[string]Spec{
		"json=out/qc.json":      {"json", "out/qc.json"},
		"SARIF=-":               {"sarif", "-"},
		"text":                  {"text", "-"},
		"md=pr.md":              {"markdown", "pr.md"},
		"html=out/a=b.html":     {"html", "out/a=b.html"},
		`junit=C:\ci\junit.xml`: {"junit", `C:\ci\junit.xml`},
	}
	for in, want := range ok {
		got, err := ParseReportSpec(in)
		if err != nil || got != want {
			t.Errorf("ParseReportSpec(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "=out.json", "pdf=out.pdf", "json=", "json=  "} {
		if got, err := ParseReportSpec(in); err == nil {
			t.Errorf("ParseReportSpec(%q) = %+v, want an error", in, got)
		}
	}
	if s, _ := ParseReportSpec("csv=-"); !s.Stdout() {
		t.Error(`"-" is standard output`)
	}
}

func TestSpecEmit(t *testing.T) {
	r := loadFixture(t)
	var stdout bytes.Buffer
	s, _ := ParseReportSpec("text")
	if err := s.Emit(&stdout, r, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), ansiRed) {
		t.Error("text on stdout should honour Color")
	}
	path := filepath.Join(t.TempDir(), "r", "qc.txt")
	s, _ = ParseReportSpec("text=" + path)
	if err := s.Emit(&stdout, r, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("\x1b")) {
		t.Error("a report file got terminal colour codes")
	}
}
