package report

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/output"
)

func TestOutputFormatsCoverEveryWriter(t *testing.T) {
	for _, f := range Formats {
		if _, err := OutputFormats.Lookup(f); err != nil {
			t.Error(err)
		}
	}
	if s, err := OutputFormats.ParseSpec("md=pr.md"); err != nil || s.Format != "markdown" {
		t.Errorf("md alias: %+v %v", s, err)
	}
}

// Text keeps its colour on standard output and never gets it in a file.
func TestRendererColour(t *testing.T) {
	r := loadFixture(t)
	var stdout bytes.Buffer
	if err := emit(&stdout, Spec{Format: "text", Path: "-"}, r, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), ansiRed) {
		t.Error("text on stdout should honour Color")
	}
	path := filepath.Join(t.TempDir(), "r", "qc.txt")
	if err := emit(&stdout, Spec{Format: "text", Path: path}, r, Options{Color: true}); err != nil {
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

func emit(stdout io.Writer, s Spec, r *Report, o Options) error {
	render, err := Renderer(s, r, o)
	if err != nil {
		return err
	}
	return output.Write(context.Background(), stdout, s.Path, render)
}
