package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

func TestEmit(t *testing.T) {
	r := loadFixture(t)
	var stdout bytes.Buffer
	if err := Emit(context.Background(), &stdout, Spec{Format: "text", Path: "-"}, r, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), ansiRed) {
		t.Error("text on stdout should honour Color")
	}
	path := filepath.Join(t.TempDir(), "r", "qc.txt")
	if err := Emit(context.Background(), &stdout, Spec{Format: "text", Path: path}, r, Options{Color: true}); err != nil {
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
