package fix

import (
	"bytes"
	"context"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/rule"
)

var update = flag.Bool("update", false, "rewrite the golden fixed copies")

// resolver resolves the default packs; flags, when set, are the
// command line's overrides (--enable of a rule no pack turns on).
type resolver struct {
	r     *pack.Resolver
	flags *pack.Overrides
}

func (p resolver) Resolve(lang string) (map[string]*rule.Config, error) {
	e, err := p.r.Resolve(pack.Request{Language: lang, Flags: p.flags})
	if err != nil {
		return nil, err
	}
	return e.Rules, nil
}

// The packs are loaded once per test binary: the fuzzer runs options
// thousands of times.
var (
	libOnce sync.Once
	lib     *pack.Library
	libErr  error
)

// options checks paths with the default packs at a declared 25 fps.
func options(t testing.TB, paths ...string) Options {
	t.Helper()
	libOnce.Do(func() { lib, libErr = pack.Load(checks.All()) })
	if libErr != nil {
		t.Fatal(libErr)
	}
	all := map[string]bool{}
	for c := range Fixable {
		all[c] = true
	}
	return Options{Rules: all, Engine: engine.Options{Paths: paths, Rules: checks.All(), Jobs: 2,
		Resolver: resolver{r: lib.NewResolver()}, FailOn: rule.Error,
		FrameRate: cue.FrameRate{Num: 25, Den: 1}, FrameRateSource: "flag"}}
}

func fixOne(t testing.TB, opts Options) *Result {
	t.Helper()
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// check runs the engine on one file's bytes under its own name.
func check(t testing.TB, opts Options, path string, data []byte) []rule.Finding {
	t.Helper()
	eo := opts.Engine
	eo.Paths = []string{path}
	eo.ReadFile = func(string) ([]byte, error) { return data, nil }
	rep, err := engine.Run(context.Background(), eo)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Findings
}

func count(fs []rule.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Rule]++
	}
	return m
}

// enabling is options with rules no pack turns on enabled, as --enable
// does.
func enabling(t testing.TB, codes []string, paths ...string) Options {
	t.Helper()
	opts := options(t, paths...)
	if len(codes) > 0 {
		flags := &pack.Overrides{Name: "flags", Rules: map[string]*pack.RuleSettings{}}
		on := true
		for _, c := range codes {
			flags.Rules[c] = &pack.RuleSettings{Enabled: &on, EnabledSource: "--enable"}
		}
		opts.Engine.Resolver = resolver{r: lib.NewResolver(), flags: flags}
	}
	return opts
}

// offByDefault names, per golden input, the rules it needs that the packs
// ship off (X020 is --enable X020).
var offByDefault = map[string][]string{
	"srt_commas.zh-Hans.srt": {"X020"},
	"vtt_commas.zh-Hans.vtt": {"X020"},
}

// leftForPerson names, per golden input, the findings its fixes must leave:
// in TTML, a space that stands for white space running past a tag (the
// rest would still show as a space), and a double space under
// xml:space="preserve" (L004 fixes SRT and WebVTT only); in SSA/ASS, text
// on both sides of an override block or written as an escape; in EBU STL,
// a character the code table lacks and a subtitle over extension blocks.
var leftForPerson = map[string]map[string]int{
	"ttml_markup.en.ttml": {"X006": 1, "L004": 1}, // L004: TTML whitespace is not rewritten
	"ass_text.en.ass":     {"X004": 1, "X006": 1}, // dots on both sides of {\i1}, a space written \h
	"stl_text.en.stl":     {"X004": 1, "X006": 1}, // no … in code table 00; a subtitle over two blocks
}

// TestGolden fixes each file of testdata and compares the copy with its
// golden; the copy must not have a finding the original lacked, nor any
// finding of a rule whose fix was applied, and fixing it again must
// change nothing.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.*")
	if len(inputs) == 0 {
		t.Fatal("no fixtures")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			opts := enabling(t, offByDefault[filepath.Base(in)], in)
			res := fixOne(t, opts)
			if len(res.Files) != 1 {
				t.Fatalf("%d files", len(res.Files))
			}
			f := res.Files[0]
			golden := filepath.Join("testdata", "golden", filepath.Base(in))
			if *update {
				if err := os.WriteFile(golden, f.Fixed, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(f.Fixed, want) {
				var d strings.Builder
				_ = Unified(&d, "golden", "got", want, f.Fixed)
				t.Errorf("fixed copy differs from %s:\n%s", golden, d.String())
			}
			if !f.Changed() {
				t.Errorf("nothing was fixed in %s", in)
			}
			before, after := count(check(t, opts, in, f.Original)), count(check(t, opts, in, f.Fixed))
			applied := map[string]bool{}
			for _, c := range res.Changes {
				applied[c.Rule] = true
			}
			for code, n := range after {
				if n > before[code] {
					t.Errorf("%s: %d findings after fixing, %d before", code, n, before[code])
				}
				if applied[code] && n > leftForPerson[filepath.Base(in)][code] {
					t.Errorf("%s was fixed but still has %d findings", code, n)
				}
			}
			if left := count(res.Remaining); !maps.Equal(left, leftForPerson[filepath.Base(in)]) {
				t.Errorf("remaining findings %v, want %v: %+v", left, leftForPerson[filepath.Base(in)], res.Remaining)
			}
			// Idempotence: fixing the fixed copy changes nothing.
			copyPath := filepath.Join(t.TempDir(), filepath.Base(in))
			if err := os.WriteFile(copyPath, f.Fixed, 0o644); err != nil {
				t.Fatal(err)
			}
			res2 := fixOne(t, enabling(t, offByDefault[filepath.Base(in)], copyPath))
			if len(res2.Changes) != 0 {
				t.Errorf("fixing the fixed copy changed it again: %+v", res2.Changes)
			}
		})
	}
}

func TestUnified(t *testing.T) {
	a := "1\n00:00:01,000 --> 00:00:03,000\nOne.\n\n2\n00:00:05,000 --> 00:00:07,000\nTwo.\n\n3\n00:00:08,000 --> 00:00:09,000\nThree.\n\n4\n00:00:10,000 --> 00:00:11,000\nFour."
	b := strings.Replace(strings.Replace(a, "00:00:03,000", "00:00:02,960", 1), "Four.", "Four!", 1)
	var out strings.Builder
	if err := Unified(&out, "a", "b", []byte(a), []byte(b)); err != nil {
		t.Fatal(err)
	}
	want := `--- a
+++ b
@@ -1,5 +1,5 @@
 1
-00:00:01,000 --> 00:00:03,000
+00:00:02,960 --> 00:00:03,000
 One.
 
 2
@@ -12,4 +12,4 @@
 
 4
 00:00:10,000 --> 00:00:11,000
-Four.
\ No newline at end of file
+Four!
\ No newline at end of file
`
	want = strings.Replace(want, "+00:00:02,960 --> 00:00:03,000", "+00:00:01,000 --> 00:00:02,960", 1)
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	out.Reset()
	Unified(&out, "a", "b", []byte(a), []byte(a))
	if out.Len() != 0 {
		t.Errorf("diff of equal files: %q", out.String())
	}
}
