package srt

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/markup"
	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// timingRE is an independent, deliberately simple reading of a timing line,
// used to confirm that a cue with end before start really is so in the file.
var timingRE = regexp.MustCompile(`^\s*(-?)(?:(\d+):)?(\d+):(\d+)(?:[,.:](\d+))?\s*-->\s*(-?)(?:(\d+):)?(\d+):(\d+)(?:[,.:](\d+))?`)

func TestCorpusRobustness(t *testing.T) {
	files, skipped := cuetest.CorpusFiles(t, "srt")
	t.Logf("%d SRT inputs read, %d skipped as not UTF-8/UTF-16: %v", len(files), len(skipped), skipped)
	totalCues, reversed, markupProblems := 0, 0, 0
	cuetest.ReadEach(t, files, Read, func(f cuetest.File, doc *cue.Document) {
		nlines := strings.Count(f.Text, "\n") + 1
		prevLine := 0
		for i, c := range doc.Cues {
			if c.Index != i+1 {
				t.Errorf("%s: cue %d has Index %d", f.Rel, i+1, c.Index)
			}
			if c.Line <= prevLine {
				t.Errorf("%s: cue %d line %d not after %d", f.Rel, c.Index, c.Line, prevLine)
			}
			prevLine = c.Line
			if c.Offset < 0 || int(c.Offset) >= len(f.Text) || (c.Offset > 0 && f.Text[c.Offset-1] != '\n' && f.Text[c.Offset-1] != '\r' && c.Offset != 3) {
				t.Errorf("%s: cue %d offset %d is not at a line start", f.Rel, c.Index, c.Offset)
			}
			if len(c.Lines) != 0 && len(c.Lines) != strings.Count(c.Raw, "\n")+1 {
				t.Errorf("%s: cue %d has %d display lines for %d payload lines", f.Rel, c.Index, len(c.Lines), strings.Count(c.Raw, "\n")+1)
			}
			for _, p := range markup.Unbalanced(c.Raw) {
				markupProblems++
				if p.LineInPayload < 1 || p.LineInPayload > len(c.Lines) {
					t.Errorf("%s: cue %d: markup problem on payload line %d of %d", f.Rel, c.Index, p.LineInPayload, len(c.Lines))
				}
			}
			if c.Start > c.End {
				reversed++
				tl := cuetest.TimingLine(f.Text, &c)
				m := timingRE.FindStringSubmatch(tl)
				if m == nil || !reversedInSource(m) {
					t.Errorf("%s: cue %d read as %v --> %v but its timing line %q is not reversed", f.Rel, c.Index, c.Start, c.End, tl)
				}
			}
		}
		for _, d := range doc.Diagnostics {
			if d.Line < 1 || d.Line > nlines || d.Message == "" {
				t.Errorf("%s: bad diagnostic %+v", f.Rel, d)
			}
		}
		totalCues += len(doc.Cues)
	})
	t.Logf("%d cues read; %d have end before start, each confirmed against its source line; %d unbalanced-markup problems",
		totalCues, reversed, markupProblems)
}

func reversedInSource(m []string) bool {
	val := func(sign, h, mi, s, frac string) float64 {
		v := atof(h)*3600 + atof(mi)*60 + atof(s) + atof("0."+frac)
		if sign == "-" {
			return -v
		}
		return v
	}
	return val(m[1], m[2], m[3], m[4], m[5]) > val(m[6], m[7], m[8], m[9], m[10])
}

func atof(s string) float64 {
	var v, scale float64 = 0, 0
	for _, c := range s {
		switch {
		case c == '.':
			scale = 1
		case c >= '0' && c <= '9':
			v = v*10 + float64(c-'0')
			scale *= 10
		}
	}
	if scale > 0 {
		return v / scale
	}
	return v
}

func readCorpus(t *testing.T, rel string) *cue.Document {
	data, err := os.ReadFile(testcorpus.Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return Read(string(data))
}

// TestCorpusBadTimestamps: the file's own text says which cues are bad.
// Cue 2 (four millisecond digits) is skipped with a diagnostic at its
// timing line. Cue 3 ("02:00:08,90", two digits) is kept and reported
// (R001): the digits are milliseconds, 8.090 s, as ffmpeg, pysrt and
// python-srt read them; ExoPlayer drops the cue.
func TestCorpusBadTimestamps(t *testing.T) {
	doc := readCorpus(t, "srt/androidx-media/typical_bad_timestamps.srt")
	check(t, "typical_bad_timestamps", doc, []want{{"1", 1, 0, ms(1234), "This is the first subtitle."},
		{"3", 9, 2*cue.Hour + ms(4567), 2*cue.Hour + ms(8090), "This should be discarded (too few decimal places)."}})
	if got := diagLines(doc); len(got) != 2 || got[0] != 6 || got[1] != 10 {
		t.Errorf("diagnostics %+v, want one at line 6 (cue 2 skipped) and one at line 10 (short milliseconds)", doc.Diagnostics)
	}
}

func TestCorpusBlankLinesInsideCues(t *testing.T) {
	doc := readCorpus(t, "srt/jellyfin/example2.srt")
	if len(doc.Cues) == 0 || doc.Cues[0].ID != "311" {
		t.Fatalf("cues %+v", doc.Cues)
	}
	if got := doc.Cues[0].Text(); got != "Una vez que la gente se entere\n\nde que ustedes están aquí," {
		t.Errorf("cue 311 text %q", got)
	}
}

func TestCorpusMissingTimecode(t *testing.T) {
	doc := readCorpus(t, "srt/androidx-media/typical_missing_timecode.srt")
	check(t, "typical_missing_timecode", doc, []want{{"1", 1, 0, ms(1234), "This is the first subtitle."},
		{"3", 9, 2*cue.Hour + ms(4567), 2*cue.Hour + ms(8901), "This is the third subtitle."}})
	if got := diagLines(doc); len(got) != 3 || got[0] != 5 || got[1] != 14 || got[2] != 18 {
		t.Errorf("diagnostics %+v, want lines 5, 14, 18", doc.Diagnostics)
	}
}

// Every line of every SRT in the corpus (Russian, Arabic, Chinese,
// Korean and Spanish ones among them) is classified as the general
// tests classify it.
func TestCorpusClassifyAsGeneral(t *testing.T) {
	files, _ := cuetest.CorpusFiles(t, "srt")
	lines := 0
	for _, f := range files {
		for s := cue.NewLineScanner(f.Text); s.Scan(); {
			if l := s.Text(); l != "" {
				lines++
				if got, want := classify(l), classifyGeneral(l); got != want {
					t.Errorf("%s: %q classified %d, want %d", f.Rel, l, got, want)
				}
			}
		}
	}
	if lines == 0 {
		t.Fatal("no lines read")
	}
}
