package cuetest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/textenc"
)

// File is one input of the shared corpus, as text.
type File struct {
	Rel  string // path inside the corpus
	Text string
}

// CorpusFiles returns the shared corpus's inputs of format ("srt", "vtt")
// as UTF-8 text, decoded by the encoding layer (textenc) the way the
// engine decodes them; it skips the test when the corpus is absent.
// skipped is kept for the log: files whose bytes could not all be decoded.
func CorpusFiles(t testing.TB, format string) (files []File, skipped []string) {
	t.Helper()
	for _, in := range testcorpus.Inputs(t, format) {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		dec := textenc.Decode(data)
		if dec.Invalid > 0 {
			skipped = append(skipped, in.Rel)
			continue
		}
		files = append(files, File{in.Rel, dec.Text})
	}
	return files, skipped
}

// ReadEach reads every file with read and hands each Document to check. A
// panic fails the test for that file, and the others are still read.
func ReadEach(t *testing.T, files []File, read func(string) *cue.Document, check func(f File, doc *cue.Document)) {
	t.Helper()
	for _, f := range files {
		var doc *cue.Document
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s: panic: %v", f.Rel, p)
				}
			}()
			doc = read(f.Text)
		}()
		if doc != nil {
			check(f, doc)
		}
	}
}

// TimingLine returns the source line of c's timing in text: the cue's
// first line, or the next one when the cue starts with an identifier.
func TimingLine(text string, c *cue.Cue) string {
	n := c.Line
	if c.ID != "" {
		n++
	}
	for s := cue.NewLineScanner(text); s.Scan(); {
		if s.Line() == n {
			return s.Text()
		}
	}
	return ""
}

// AddSeeds adds the corpus files rels (those present: fuzzing does not
// need the corpus) and then the strings extra to f's seed corpus.
func AddSeeds(f *testing.F, rels []string, extra ...string) {
	corpus := filepath.Join(testcorpus.RepoRoot(f), "..", "shared", "corpus")
	for _, rel := range rels {
		if data, err := os.ReadFile(filepath.Join(corpus, rel)); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range extra {
		f.Add(s)
	}
}
