package ttml

import (
	"bufio"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// corpusTTML lists the TTML subtitle inputs of the shared corpus (role
// "data" in MANIFEST.tsv), as corpus-relative paths.
func corpusTTML(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(testcorpus.Path(t, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		cols := strings.Split(s.Text(), "\t")
		if len(cols) > 2 && cols[1] == "ttml" && cols[2] == "data" {
			out = append(out, cols[0])
		}
	}
	if len(out) == 0 {
		t.Fatal("no TTML inputs in MANIFEST.tsv")
	}
	return out
}

func readCorpus(t testing.TB, rel string) (string, *cue.Document) {
	t.Helper()
	b, err := os.ReadFile(testcorpus.Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b), Read(string(b))
}

func TestCorpusEveryInputReads(t *testing.T) {
	cues, diags := 0, 0
	for _, rel := range corpusTTML(t) {
		_, d := readCorpus(t, rel)
		if d == nil || d.Format != "ttml" {
			t.Errorf("%s: no document", rel)
			continue
		}
		for i, c := range d.Cues {
			if c.Index != i+1 || c.Line < 1 {
				t.Errorf("%s cue %d: index %d line %d", rel, i, c.Index, c.Line)
			}
		}
		cues += len(d.Cues)
		diags += len(d.Diagnostics)
		t.Logf("%-85s %-8s cues %4d diagnostics %3d", rel, d.Profile, len(d.Cues), len(d.Diagnostics))
	}
	t.Logf("total: %d cues, %d diagnostics", cues, diags)
}

// W3C TTML1 validity tests that we do report on, and why. Both are valid
// TTML1: a paragraph timed nowhere is shown for the whole document. For
// subtitle QC a cue needs an end, so we report it — as P007
// ttml-text-without-end, never as an E000 parse error: valid files parse
// without E000.
var ttml1ValidReported = map[string]struct {
	diagnostics int
	why         string
}{
	"ttml1-valid-all-elements.xml": {4, "four <p> with text and no timing on themselves or any ancestor: no end time"},
	"ttml1-valid-all-styles.xml":   {1, "one <p> with text and no timing anywhere: no end time"},
}

// W3C TTML1 invalidity tests that we do not flag: they test properties the
// reader does not read (it extracts timing and text, not presentation).
var ttml1InvalidNotFlagged = map[string]string{}

func TestW3CTTML1Validation(t *testing.T) {
	valid, invalid, flagged := 0, 0, 0
	for _, rel := range corpusTTML(t) {
		if !strings.HasPrefix(rel, "ttml/w3c-ttml1-tests/validation/") {
			continue
		}
		name := path.Base(rel)
		_, d := readCorpus(t, rel)
		switch {
		case strings.Contains(rel, "/valid/"):
			valid++
			want := ttml1ValidReported[name]
			for _, g := range d.Diagnostics {
				if g.Rule == "" || (want.diagnostics > 0 && g.Rule != CodeTextWithoutEnd) {
					t.Errorf("%s (valid): unexpected %q diagnostic at line %d: %s", name, g.Rule, g.Line, g.Message)
				}
			}
			if len(d.Diagnostics) != want.diagnostics {
				t.Errorf("%s (valid): %d diagnostics, want %d (%s): %+v", name, len(d.Diagnostics), want.diagnostics, want.why, d.Diagnostics)
			}
		case strings.Contains(rel, "/invalid/"):
			invalid++
			why, exempt := ttml1InvalidNotFlagged[name]
			if len(d.Diagnostics) > 0 {
				flagged++
				t.Logf("flagged %-70s line %d: %s", name, d.Diagnostics[0].Line, d.Diagnostics[0].Message)
				if exempt {
					t.Errorf("%s is now flagged: drop it from ttml1InvalidNotFlagged", name)
				}
			} else {
				t.Logf("not flagged %-66s %s", name, why)
				if !exempt {
					t.Errorf("%s (invalid) gave no diagnostic", name)
				}
			}
		}
	}
	if valid == 0 || invalid == 0 {
		t.Fatalf("suite not found (%d valid, %d invalid)", valid, invalid)
	}
	t.Logf("W3C TTML1 validation: %d valid files, %d invalid files of which we flag %d", valid, invalid, flagged)
}

var (
	expectedErrorsRE   = regexp.MustCompile(`ttva:expectedErrors="(\d+)"`)
	expectedWarningsRE = regexp.MustCompile(`ttva:expectedWarnings="(\d+)"`)
)

// skynavOurs is how many diagnostics we give each skynav IMSC 1.1 test,
// where that differs from the validator's expected errors, and why.
var skynavOurs = map[string]struct {
	diagnostics int
	why         string
}{
	"imsc11-valid-non-empty-paragraph-missing-timing.xml":  {2, "the validator warns on 4 paragraphs; we report the 2 with text and no end (end-only has an interval, <br/> alone shows nothing)"},
	"imsc11-invld-encoding.xml":                            {1, "P027: the declaration says us-ascii"},
	"imsc11-invld-extent-length-unit-em.xml":               {3, "P018 reports once per attribute (3 regions); the validator once per bad component"},
	"imsc11-invld-uses-pixel-unit-without-root-extent.xml": {1, "P017 reports once per file, with the count of px lengths"},
}

func TestSkynavIMSC11ExpectedErrors(t *testing.T) {
	n := 0
	for _, rel := range corpusTTML(t) {
		if !strings.HasPrefix(rel, "ttml/skynav-ttv-imsc11/") {
			continue
		}
		n++
		src, d := readCorpus(t, rel)
		name := path.Base(rel)
		errs, warns := annotation(src, expectedErrorsRE), annotation(src, expectedWarningsRE)
		if d.Profile != "imsc1.1" {
			t.Errorf("%s: profile %q", name, d.Profile)
		}
		want, why := errs, "matches the validator's error count"
		if o, ok := skynavOurs[name]; ok {
			want, why = o.diagnostics, o.why
		}
		t.Logf("%-60s expected errors %d warnings %d, ours %d (%s)", name, errs, warns, len(d.Diagnostics), why)
		if len(d.Diagnostics) != want {
			t.Errorf("%s: %d diagnostics, want %d: %+v", name, len(d.Diagnostics), want, d.Diagnostics)
		}
	}
	if n == 0 {
		t.Fatal("skynav suite not found")
	}
}

func annotation(src string, re *regexp.Regexp) int {
	m := re.FindStringSubmatch(src)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestIMSCHRMDocumentsRead(t *testing.T) {
	// The HRM pass/fail verdict is about rendering cost (glyphs painted per
	// interval), which a reader does not judge; every document is valid
	// TTML and must read cleanly with its cues.
	n := 0
	for _, rel := range corpusTTML(t) {
		if !strings.HasPrefix(rel, "ttml/imscHRM/") {
			continue
		}
		n++
		_, d := readCorpus(t, rel)
		wantNoDiags(t, d)
		if len(d.Cues) == 0 {
			t.Errorf("%s: no cues", rel)
		}
		t.Logf("%-40s %d cues, HRM expectation %s", rel, len(d.Cues), map[bool]string{true: "FAIL", false: "PASS"}[strings.Contains(rel, "fail")])
	}
	if n == 0 {
		t.Fatal("imscHRM documents not found")
	}
}

func TestRealWorldDFXPTiming(t *testing.T) {
	// Netflix DFXP at 10 MHz ticks: the first cue is 79249170t-120119999t.
	_, d := readCorpus(t, "ttml/subtitlesparser/Orange.is.the.new.black.s01e01.ttml")
	if len(d.Cues) != 813 {
		t.Fatalf("%d cues", len(d.Cues))
	}
	c := d.Cues[0]
	if c.ID != "subtitle0" || c.Line != 16 || c.Start != cue.FromRatio(79249170, 10_000_000) || c.End != cue.FromRatio(120119999, 10_000_000) || c.Region != "bottomCenter" {
		t.Errorf("first cue %+v", c)
	}
	if !d.Cues[1].Lines[0].Italic() || d.Cues[0].Lines[0].Italic() {
		t.Error("italics through style s1_1 lost")
	}
}

// TestCorpusProfileFindings logs, per corpus file, its profile and the
// profile rule findings (P codes) it gets. Conformance material that is
// valid for its profile must get none: the W3C TTML1 valid documents, the
// W3C IMSC test suite (all of it is valid IMSC) and the imscHRM documents.
// The other files are third-party samples; what they get is listed, not
// asserted, except the counts recorded in the skynav test above.
func TestCorpusProfileFindings(t *testing.T) {
	byProfile := map[string]int{}
	codes := map[string]int{}
	for _, rel := range corpusTTML(t) {
		src, _ := readCorpus(t, rel)
		d := ReadNamed(rel, src)
		byProfile[d.Profile]++
		var found []string
		for _, g := range d.Diagnostics {
			// P007 (untimed text) and P026 (text never shown) are
			// subtitle-QC findings about valid TTML, not conformance ones:
			// valid documents may have them (MediaSeqTiming005.ttml truncates
			// a paragraph on purpose).
			if strings.HasPrefix(g.Rule, "P") && g.Rule != CodeTextWithoutEnd && g.Rule != CodeTextNeverShown {
				found = append(found, g.Rule+"@"+strconv.Itoa(g.Line))
				codes[g.Rule]++
			}
		}
		mustBeClean := strings.Contains(rel, "/validation/valid/") || strings.HasPrefix(rel, "ttml/w3c-imsc-tests/") ||
			strings.HasPrefix(rel, "ttml/imscHRM/") || strings.Contains(rel, "skynav-ttv-imsc11/valid/")
		if mustBeClean && len(found) > 0 {
			t.Errorf("%s (%s, valid): profile findings %v", rel, d.Profile, found)
		}
		if len(found) > 0 || d.Profile == "itt" || d.Profile == "imsc1.1" {
			t.Logf("%-80s %-8s %s", rel, d.Profile, strings.Join(found, " "))
		}
	}
	t.Logf("profiles: %v", byProfile)
	t.Logf("findings by code: %v", codes)
}
