package ttml

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// Valid documents of the public suites that gave false parse errors or
// false cues: a paragraph with no text is not a cue (ttml1-valid-all-timing
// times 130 empty <p/> and gave 226 timing errors), and a paragraph its
// container truncates is P026, not E000.
func TestValidSuiteDocumentsGiveNoParseErrorsOrEmptyCues(t *testing.T) {
	for _, c := range []struct {
		rel  string
		cues int
	}{
		{"ttml/w3c-ttml1-tests/validation/valid/ttml1-valid-all-timing.xml", 0},
		{"ttml/w3c-imsc-tests/imsc1/timing/MediaSeqTiming005.ttml", 3},
	} {
		_, d := readCorpus(t, c.rel)
		if len(d.Cues) != c.cues {
			t.Errorf("%s: %d cues, want %d", c.rel, len(d.Cues), c.cues)
		}
		for _, g := range d.Diagnostics {
			if g.Rule == "" {
				t.Errorf("%s: parse error at line %d: %s", c.rel, g.Line, g.Message)
			}
		}
	}
	_, d := readCorpus(t, "ttml/w3c-imsc-tests/imsc1/timing/MediaSeqTiming005.ttml")
	if len(d.Diagnostics) != 1 || d.Diagnostics[0].Rule != CodeTextNeverShown || d.Diagnostics[0].Line != 23 {
		t.Errorf("MediaSeqTiming005: %+v", d.Diagnostics)
	}
}

func TestEmptyParagraphIsNotACue(t *testing.T) {
	d := Read(`<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div>
<p begin="1s" end="2s"/>
<p begin="2s" end="3s">   </p>
<p begin="3s" end="4s">text</p>
</div></body></tt>`)
	if len(d.Cues) != 1 || d.Cues[0].Index != 1 || d.Cues[0].Line != 4 || len(d.Diagnostics) != 0 {
		t.Errorf("cues %+v diagnostics %+v", d.Cues, d.Diagnostics)
	}
}

// Apple Music's lyrics TTML writes bare seconds and m:ss.fff: one E000 for
// the file, with the count (it was 471 E000, one per attribute). Its times
// are absolute where TTML's are relative to the parent, so under TTML
// timing each paragraph's spans begin after it ends (P026, which says so).
func TestLenientTimesAreOneFinding(t *testing.T) {
	_, d := readCorpus(t, "ttml/pysubs2/ttml_example_apple.ttml")
	var e000 []string
	for _, g := range d.Diagnostics {
		if g.Rule == "" {
			e000 = append(e000, g.Message)
		}
	}
	if len(e000) != 1 || !strings.HasPrefix(e000[0], "471 time expressions are not TTML time syntax (first here: dur=\"3:58.640\")") {
		t.Errorf("parse errors %q", e000)
	}
	for _, c := range []struct {
		in   string
		want cue.Time
		ok   bool
	}{
		{"19.764", 19*cue.Second + 764*cue.Millisecond, true},
		{"3:58.640", 3*cue.Minute + 58*cue.Second + 640*cue.Millisecond, true},
		{"1:02:03", cue.Hour + 2*cue.Minute + 3*cue.Second, true},
		{"1:0:00", 0, false}, {"3:60", 0, false}, {"4S", 0, false}, {"", 0, false}, {"1:2:3:4", 0, false},
	} {
		if got, ok := lenientTime(c.in); ok != c.ok || got != c.want {
			t.Errorf("lenientTime(%q) = %v %v", c.in, got, ok)
		}
	}
}
