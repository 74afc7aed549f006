package ttml

import "testing"

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
