package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

// testLibrary is the shipped packs, loaded once for the package's tests
// (a Library is never changed once loaded).
var testLibrary = sync.OnceValues(func() (*pack.Library, error) { return pack.Load(checks.All()) })

func testOptions(t testing.TB, paths ...string) Options {
	t.Helper()
	lib, err := testLibrary()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Paths: paths, Rules: checks.All(), Resolver: lib.NewRunResolver(pack.Request{}), FailOn: rule.Error}
}

func runJSON(t testing.TB, opts Options) []byte {
	t.Helper()
	rep, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// The same inputs give byte-identical reports whatever the worker count.
func TestDeterministicAcrossJobs(t *testing.T) {
	paths := []string{filepath.Join(testcorpus.RepoRoot(t), "fixtures")}
	if dir := filepath.Join(testcorpus.RepoRoot(t), "..", "shared", "corpus"); isDir(dir) {
		paths = append(paths, dir)
	}
	var first []byte
	for _, jobs := range []int{1, 5, 3} {
		opts := testOptions(t, paths...)
		opts.Jobs = jobs
		js := runJSON(t, opts)
		if first == nil {
			first = js
			continue
		}
		if !bytes.Equal(first, js) {
			os.WriteFile(filepath.Join(os.TempDir(), "exportqc-jobs1.json"), first, 0o644)
			os.WriteFile(filepath.Join(os.TempDir(), "exportqc-jobsN.json"), js, 0o644)
			t.Fatalf("--jobs %d gives a different report than --jobs 1 (both written to %s)", jobs, os.TempDir())
		}
	}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// Every input in the shared corpus gets a file record; none of them makes
// the engine (or a rule) fail internally, and the text formats' encodings
// are reported as the corpus manifest records them.
func TestCorpusEveryFileHasAResult(t *testing.T) {
	dir := testcorpus.Dir(t)
	rep, err := Run(context.Background(), testOptions(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	inputs := testcorpus.Inputs(t)
	byPath := map[string]int{}
	for i, f := range rep.Files {
		byPath[f.Path] = i
	}
	missing := 0
	for _, in := range inputs {
		if _, ok := byPath[filepath.ToSlash(in.Path)]; !ok {
			missing++
			t.Errorf("no result for corpus input %s", in.Rel)
		}
	}
	for _, f := range rep.Findings {
		if strings.Contains(f.Message, "internal error") {
			t.Errorf("%s: %s", f.File, f.Message)
		}
	}
	t.Logf("%d corpus inputs, %d file records, %d findings, %d missing", len(inputs), len(rep.Files), len(rep.Findings), missing)
}

// A panic inside one file's work is an E000 finding for that file only.
func TestPanicInRuleIsContained(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.srt", "b.srt"} {
		os.WriteFile(filepath.Join(dir, name), []byte("1\n00:00:01,000 --> 00:00:03,000\nHello there.\n"), 0o644)
	}
	opts := testOptions(t, dir)
	boom := &rule.Rule{Code: "T001", Name: "cue-too-short", Run: func(p *rule.Pass) {
		if strings.HasSuffix(p.File.Path, "a.srt") {
			panic("boom")
		}
	}}
	for i, r := range opts.Rules {
		if r.Code == "T001" {
			opts.Rules[i] = boom
		}
	}
	rep, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 2 || rep.Files[1].Cues != 1 {
		t.Fatalf("b.srt lost its result: %+v", rep.Files)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, filepath.Base(f.File)+" "+f.Rule)
	}
	if strings.Join(got, ",") != "a.srt E000" || !strings.Contains(rep.Findings[0].Message, "T001 cue-too-short") {
		t.Errorf("findings = %v (%v)", got, rep.Findings)
	}
}

func TestMissingPathIsAnError(t *testing.T) {
	_, err := Run(context.Background(), testOptions(t, filepath.Join(t.TempDir(), "nope")))
	if err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("err = %v", err)
	}
}

// Folders are walked for subtitle files; .xml and .txt files are taken only
// when their content is a subtitle format, so manifests and notes are not
// reported as broken subtitles.
func TestDiscoveryByContent(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
	}
	write("ep1/sub.xml", `<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div><p begin="1s" end="3s">Hello.</p></div></body></tt>`)
	write("ep1/CPL.xml", `<?xml version="1.0"?><CompositionPlaylist xmlns="http://www.smpte-ra.org/schemas/2067-3/2016"/>`)
	write("notes.txt", "Delivered on Monday.\n")
	write("ep1/subs.txt", "1\n00:00:01,000 --> 00:00:03,000\nAn SRT named .txt\n")
	write(".git/x.srt", "garbage")
	write("UPPER.SRT", "1\n00:00:01,000 --> 00:00:03,000\nUpper-case extension.\n")
	rep, err := Run(context.Background(), testOptions(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Files {
		rel, _ := filepath.Rel(dir, f.Path)
		got = append(got, filepath.ToSlash(rel)+"="+f.Format)
	}
	want := "UPPER.SRT=srt ep1/sub.xml=ttml ep1/subs.txt=srt"
	if strings.Join(got, " ") != want {
		t.Errorf("files = %v, want %s", got, want)
	}
}
