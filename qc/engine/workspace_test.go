package engine

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// Files checked one after another through one workspace (one read buffer,
// overwritten by each next file) give exactly the results they give when
// each is checked with fresh memory; once the buffer is scribbled over at
// the end, no result shows it: no finding or record keeps a string of the
// buffer. The files are the repository's fixtures and the corpus, whose
// findings quote lines, cue ids, languages and profiles of every format.
func TestReusedWorkspaceLeavesNoStringBehind(t *testing.T) {
	roots := []string{filepath.Join(testcorpus.RepoRoot(t), "fixtures")}
	if dir := filepath.Join(testcorpus.RepoRoot(t), "..", "shared", "corpus"); isDir(dir) {
		roots = append(roots, dir)
	}
	var paths []string
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".yaml") {
				paths = append(paths, p)
			}
			return nil
		})
	}
	if testing.Short() && len(paths) > 300 {
		paths = paths[:300]
	}
	opts := testOptions(t)
	if err := opts.resolveBase(); err != nil {
		t.Fatal(err)
	}
	ws := new(workspace)
	reused := make([]fileResult, len(paths))
	for i, p := range paths {
		var err error
		if reused[i], err = ws.check(&opts, input{path: p, explicit: true}); err != nil {
			t.Fatal(err)
		}
	}
	if cap(ws.data) == 0 {
		t.Fatal("the workspace read no file into its buffer")
	}
	scribble := ws.data[:cap(ws.data)]
	for i := range scribble {
		scribble[i] = '#'
	}
	findings := 0
	for i, p := range paths {
		fresh := checkFile(&opts, input{path: p, explicit: true}, nil)
		sortFindings(fresh.findings)
		findings += len(fresh.findings)
		if got, want := resultJSON(t, reused[i]), resultJSON(t, fresh); got != want {
			t.Fatalf("%s checked in a reused workspace:\n%s\nwith fresh memory:\n%s", p, got, want)
		}
	}
	if findings == 0 {
		t.Fatal("no findings: the comparison proves nothing")
	}
	t.Logf("%d files, %d findings", len(paths), findings)
}

func resultJSON(t *testing.T, r fileResult) string {
	t.Helper()
	js, err := json.Marshal(struct {
		Record   report.File
		Findings []rule.Finding
	}{r.record, r.findings})
	if err != nil {
		t.Fatal(err)
	}
	return string(js)
}

// ownResult reaches every string of a file's record and of its findings
// (their fixes included): one added to those types later must be added to
// stringsIn, or a finding could keep a string of a reused read buffer.
func TestOwnResultCoversEveryString(t *testing.T) {
	buf := []byte(strings.Repeat("in the read buffer ", 100))
	res := fileResult{findings: make([]rule.Finding, 2)}
	n := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.CanSet() {
				// Pointing into buf itself, as a decoded file's strings do.
				at := n * 7 % (len(buf) - 5)
				n++
				v.SetString(unsafe.String(&buf[at], 5))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					fill(v.Field(i))
				}
			}
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.Struct && v.CanSet() {
				v.Set(reflect.MakeSlice(v.Type(), 2, 2))
				for i := range v.Len() {
					fill(v.Index(i))
				}
			}
		}
	}
	fill(reflect.ValueOf(&res.record).Elem())
	for i := range res.findings {
		fill(reflect.ValueOf(&res.findings[i]).Elem())
	}
	if n < 20 {
		t.Fatalf("only %d strings filled in", n)
	}
	ws := &workspace{data: buf, cur: buf}
	ws.ownResult(&res)
	var check func(path string, v reflect.Value)
	check = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if inBuffer(v.String(), buf) {
				t.Errorf("%s still points into the read buffer: add it to fileResult.stringsIn", path)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					check(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				check(path+"[]", v.Index(i))
			}
		}
	}
	check("record", reflect.ValueOf(res.record))
	for _, f := range res.findings {
		check("finding", reflect.ValueOf(f))
	}
	// And the copies hold the same text.
	if res.findings[1].Message == "" || !strings.Contains(string(buf), res.findings[1].Message) {
		t.Fatalf("message %q lost its text", res.findings[1].Message)
	}
}

// A workspace's read buffer is reused from file to file, and one too
// large to keep is let go of.
func TestWorkspaceKeepsReadBuffer(t *testing.T) {
	dir := t.TempDir()
	small, large := filepath.Join(dir, "a.srt"), filepath.Join(dir, "b.srt")
	body := "1\n00:00:01,000 --> 00:00:02,000\nHello.\n"
	if err := os.WriteFile(small, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, []byte(body+strings.Repeat("\n", maxKeptData)), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t)
	ws := new(workspace)
	read := ws.read(&opts)
	a, err := read(small)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := read(small)
	if &a[0] != &b[0] {
		t.Fatal("the second file was not read into the first one's buffer")
	}
	if _, err := read(large); err != nil {
		t.Fatal(err)
	}
	if cap(ws.data) > maxKeptData {
		t.Fatalf("kept a read buffer of %d bytes", cap(ws.data))
	}
	opts.SuggestFixes = true // fixes keep the bytes: each file gets its own
	c, _ := ws.read(&opts)(small)
	if &c[0] == &a[0] {
		t.Fatal("a run with fixes read into the shared buffer")
	}
}

// A file too large for the workspace to keep is read into a buffer of its
// own; the strings of its result are copied out of that buffer too, or a
// cue id would keep the whole file (up to the size limit) alive to the end
// of the run, and a language code would keep it in the packs' caches.
func TestLargeFileLeavesNoStringBehind(t *testing.T) {
	dir := t.TempDir()
	large := filepath.Join(dir, "big.srt")
	body := "cue-7\n00:00:01,000 --> 00:00:01,100\nHello.\n"
	if err := os.WriteFile(large, []byte(body+strings.Repeat("\n", maxKeptData)), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t)
	ws := new(workspace)
	data, err := ws.read(&opts)(large)
	if err != nil {
		t.Fatal(err)
	}
	if cap(ws.data) > maxKeptData {
		t.Fatalf("kept a read buffer of %d bytes", cap(ws.data))
	}
	res := fileResult{findings: []rule.Finding{{CueID: unsafe.String(&data[0], len("cue-7"))}}}
	res.record.Language = ws.own(unsafe.String(&data[0], 3))
	ws.ownResult(&res)
	if inBuffer(res.findings[0].CueID, data) || inBuffer(res.record.Language, data) {
		t.Fatal("a string of the large file's result still points into its read buffer")
	}
	if res.findings[0].CueID != "cue-7" || res.record.Language != "cue" {
		t.Fatalf("copied wrong: %q %q", res.findings[0].CueID, res.record.Language)
	}
}
