package stl

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// corpusSTLFiles lists every .stl file under the corpus's stl directory.
func corpusSTLFiles(t testing.TB) []string {
	t.Helper()
	root := testcorpus.Path(t, "stl")
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".stl") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkInvariants asserts what every Document must satisfy, whatever the input.
func checkInvariants(t testing.TB, name string, data []byte, doc *cue.Document) {
	t.Helper()
	if doc == nil || doc.Format != "stl" {
		t.Fatalf("%s: bad document %+v", name, doc)
	}
	prevLine := 0
	for i, c := range doc.Cues {
		if c.Index != i+1 {
			t.Errorf("%s: cue %d has index %d", name, i+1, c.Index)
		}
		if c.Line <= prevLine || c.Offset != int64(gsiSize+(c.Line-1)*ttiSize) || c.Offset+ttiSize > int64(len(data)) {
			t.Errorf("%s: cue %d line %d offset %d out of order or not at its block", name, c.Index, c.Line, c.Offset)
		}
		prevLine = c.Line
		for _, l := range c.Lines {
			if l.Text == "" || strings.IndexFunc(l.Text, isControl) >= 0 || !utf8.ValidString(l.Text) ||
				strings.HasPrefix(l.Text, " ") || strings.HasSuffix(l.Text, " ") {
				t.Errorf("%s: cue %d has a bad line %q", name, c.Index, l.Text)
			}
			for _, s := range l.Spans {
				if s.Start < 0 || s.End > len(l.Text) || s.Start >= s.End || s.Style == 0 {
					t.Errorf("%s: cue %d line %q has a bad span %+v", name, c.Index, l.Text, s)
				}
			}
		}
	}
	for _, d := range doc.Diagnostics {
		if d.Message == "" || d.Cue > len(doc.Cues) || d.Offset < 0 || d.Offset > int64(len(data)) {
			t.Errorf("%s: bad diagnostic %+v", name, d)
		}
	}
}

// isControl matches C0 and C1 control characters: control codes of the text
// field must never leak into display text.
func isControl(r rune) bool { return r < 0x20 || (r >= 0x7F && r < 0xA0) }

func TestCorpusReadsWithoutPanic(t *testing.T) {
	files := corpusSTLFiles(t)
	if len(files) < 100 {
		t.Errorf("found %d STL files; the corpus has about 110", len(files))
	}
	cues, diags := 0, map[string]int{}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := Read(data)
		checkInvariants(t, p, data, doc)
		if len(doc.Cues) == 0 {
			t.Errorf("%s: no cues", p)
		}
		cues += len(doc.Cues)
		for _, d := range doc.Diagnostics {
			code := d.Rule
			if code == "" {
				code = "E000"
			}
			diags[code]++
		}
	}
	t.Logf("%d STL files, %d cues, diagnostics by rule: %v", len(files), cues, diags)
}

// TestManifestGSIColumns compares the GSI fields the corpus manifest records
// for each STL file (read by the corpus curator's own tooling) with ours.
func TestManifestGSIColumns(t *testing.T) {
	raw, err := os.ReadFile(testcorpus.Path(t, "manifest.json"))
	if err != nil {
		t.Skip("no manifest.json")
	}
	var m struct {
		Files []map[string]any `json:"files"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	fields := []string{"CPN", "DFC", "DSC", "CCT", "LC", "TCP", "TCF", "TNB", "TNS"}
	var files, compared int
	var table []string
	for _, f := range m.Files {
		path, _ := f["path"].(string)
		if f["format"] != "stl" || f["role"] != "data" || !strings.HasSuffix(path, ".stl") {
			continue
		}
		data, err := os.ReadFile(testcorpus.Path(t, filepath.FromSlash(path)))
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		h, err := ReadHeader(data)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		files++
		for _, name := range fields {
			want, ok := f["stl_"+name].(string)
			if !ok {
				continue
			}
			got, _ := h.Field(name)
			compared++
			if got != want {
				table = append(table, fmt.Sprintf("| %s | %s | %q | %q |", path, name, want, got))
			}
		}
		if n, ok := f["stl_TTI_blocks"].(float64); ok {
			compared++
			if got := (len(data) - gsiSize) / ttiSize; got != int(n) {
				table = append(table, fmt.Sprintf("| %s | TTI blocks | %v | %d |", path, n, got))
			}
		}
		if lang, ok := f["stl_language"].(string); ok {
			want, _, _ := strings.Cut(lang, " ")
			compared++
			if h.Language != want {
				table = append(table, fmt.Sprintf("| %s | language | %q | %q |", path, want, h.Language))
			}
		}
	}
	t.Logf("manifest GSI columns: %d files, %d fields compared, %d mismatches", files, compared, len(table))
	if len(table) > 0 {
		t.Errorf("mismatches:\n| file | field | manifest | ours |\n|---|---|---|---|\n%s", strings.Join(table, "\n"))
	}
	if files < 100 {
		t.Errorf("only %d STL rows in the manifest compared", files)
	}
}
