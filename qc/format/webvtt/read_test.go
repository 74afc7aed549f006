package webvtt

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/cuetest"
)

// The shared reader-test helpers, under short names.
type want = cuetest.Want

var (
	ms        = cuetest.Ms
	diagLines = cuetest.DiagLines
)

func check(t *testing.T, name string, doc *cue.Document, ws []want) {
	t.Helper()
	cuetest.Check(t, "webvtt", name, doc, ws)
}

const basic = "WEBVTT\n\nintro\n00:01.000 --> 00:02.500 align:start\nHello\nworld\n\n00:00:03.000 --> 00:00:04.000\nBye\n"

func TestLineEndings(t *testing.T) {
	ws := []want{{"intro", 3, ms(1000), ms(2500), "Hello\nworld"}, {"", 8, ms(3000), ms(4000), "Bye"}}
	for name, text := range map[string]string{
		"LF":    basic,
		"CRLF":  strings.ReplaceAll(basic, "\n", "\r\n"),
		"CR":    strings.ReplaceAll(basic, "\n", "\r"),
		"mixed": "WEBVTT\r\n\rintro\n00:01.000 --> 00:02.500 align:start\r\nHello\rworld\n\r\n00:00:03.000 --> 00:00:04.000\rBye",
	} {
		doc := Read(text)
		check(t, name, doc, ws)
		if len(doc.Diagnostics) != 0 {
			t.Errorf("%s: unexpected diagnostics %+v", name, doc.Diagnostics)
		}
		if c := doc.Cues[0]; c.Raw != "Hello\nworld" || c.Settings != "align:start" || !strings.HasPrefix(text[c.Offset:], "intro") {
			t.Errorf("%s: cue 1 raw %q settings %q offset %d", name, c.Raw, c.Settings, c.Offset)
		}
		if c := doc.Cues[1]; !strings.HasPrefix(text[c.Offset:], "00:00:03.000") {
			t.Errorf("%s: cue 2 offset %d points at %q", name, c.Offset, text[c.Offset:])
		}
	}
}

func TestCRLFAcross4KiBBoundaries(t *testing.T) {
	text := cuetest.CRLFText(t, "WEBVTT\r\n\r\n", func(i int, start, end int64) string {
		return fmt.Sprintf("c%d\r\n%s --> %s line:90%%\r\n", i, vttTime(start), vttTime(end))
	})
	doc := Read(text)
	if len(doc.Cues) != cuetest.CRLFCues || len(doc.Diagnostics) != 0 {
		t.Fatalf("%d cues, diagnostics %+v", len(doc.Cues), doc.Diagnostics)
	}
	for i, c := range doc.Cues {
		if c.Text() != cuetest.CRLFCueText(i+1) || c.ID != fmt.Sprintf("c%d", i+1) || c.Line != 5*i+3 || !c.Lines[1].Italic() {
			t.Fatalf("cue %d: id %q line %d text %q", i+1, c.ID, c.Line, c.Text())
		}
	}
}

func vttTime(msec int64) string { return cuetest.Timestamp(msec, '.') }

func TestSpaceBetweenTags(t *testing.T) {
	doc := Read("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann><i>Hello</i> <b>world</b> &amp; more\n")
	l := doc.Cues[0].Lines[0]
	if l.Text != "Hello world & more" || !reflect.DeepEqual(l.Spans, []cue.Span{{Start: 0, End: 5, Style: cue.Italic}, {Start: 6, End: 11, Style: cue.Bold}}) {
		t.Errorf("got %q %+v", l.Text, l.Spans)
	}
}

func TestEdgeFiles(t *testing.T) {
	for name, text := range map[string]string{"empty": "", "blank lines": "\n\n\r\n", "garbage": "hello\nworld\n", "BOM only": "\ufeff"} {
		doc := Read(text)
		if len(doc.Cues) != 0 || !signatureDiag(doc) {
			t.Errorf("%s: %+v", name, doc)
		}
	}
	for name, text := range map[string]string{"signature only": "WEBVTT", "signature and header": "WEBVTT - title\nKind: captions\nLanguage: en\n\n"} {
		doc := Read(text)
		if len(doc.Cues) != 0 || len(doc.Diagnostics) != 0 {
			t.Errorf("%s: %+v", name, doc)
		}
	}
	doc := Read("\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nHi")
	check(t, "BOM, no final newline", doc, []want{{"", 3, ms(1000), ms(2000), "Hi"}})
	if len(doc.Diagnostics) != 0 {
		t.Errorf("BOM: %+v", doc.Diagnostics)
	}
	big := strings.Repeat("x", 1<<20)
	doc = Read("WEBVTT\n\n00:01.000 --> 00:02.000\n" + big + "\n\n00:03.000 --> 00:04.000\nafter\n")
	if len(doc.Cues) != 2 || doc.Cues[0].Text() != big || doc.Cues[1].Text() != "after" {
		t.Errorf("1 MB line: %d cues", len(doc.Cues))
	}
}

func TestMissingSignatureStillReadsCues(t *testing.T) {
	doc := Read("00:01.000 --> 00:02.000\nNo header\n\n00:03.000 --> 00:04.000\nStill read\n")
	check(t, "no signature", doc, []want{{"", 1, ms(1000), ms(2000), "No header"}, {"", 4, ms(3000), ms(4000), "Still read"}})
	if !signatureDiag(doc) || len(doc.Diagnostics) != 1 {
		t.Errorf("diagnostics %+v", doc.Diagnostics)
	}
	doc = Read("WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n")
	if len(doc.Cues) != 1 || !signatureDiag(doc) || len(doc.Diagnostics) != 1 {
		t.Errorf("garbled signature: %+v", doc)
	}
}

func TestEmptyCueIsKept(t *testing.T) {
	doc := Read("WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\n")
	check(t, "empty", doc, []want{{"", 3, ms(1000), ms(2000), ""}, {"", 5, ms(3000), ms(4000), ""}})
	if doc.Cues[0].Lines != nil || doc.Cues[1].Lines != nil {
		t.Errorf("empty cues have lines")
	}
}

func TestBlocks(t *testing.T) {
	text := `WEBVTT

STYLE
::cue { color: yellow }

REGION
id:bottom width:40% lines:3 regionanchor:0%,100% viewportanchor:10%,90% scroll:up

NOTE a comment
spanning lines

1
00:00:01.000 --> 00:00:02.000 region:bottom align:left
In the region

2
00:00:03.000 --> 00:00:04.000 region:nowhere position:110% size:abc align:start
Bad settings kept raw
-->
Not text: the arrow line ended the cue

STYLE
::cue { color: red }

00:00:05.000 --> 00:00:06.000
Last
`
	doc, regions := ReadWithRegions(text)
	check(t, "blocks", doc, []want{{"1", 12, ms(1000), ms(2000), "In the region"}, {"2", 16, ms(3000), ms(4000), "Bad settings kept raw"},
		{"", 25, ms(5000), ms(6000), "Last"}})
	if len(regions) != 1 || regions[0].ID != "bottom" || regions[0].Width != 40 || regions[0].ViewportAnchorX != 10 || regions[0].Scroll != "up" {
		t.Errorf("regions %+v", regions)
	}
	if doc.Cues[0].Region != "bottom" || doc.Cues[1].Region != "" {
		t.Errorf("cue regions %q %q", doc.Cues[0].Region, doc.Cues[1].Region)
	}
	if doc.Cues[1].Settings != "region:nowhere position:110% size:abc align:start" {
		t.Errorf("settings %q", doc.Cues[1].Settings)
	}
	// Line 17 (cue 2's timing): position, size, unknown region; line 19:
	// the "-->" line starts a block that cannot be read; line 22: STYLE
	// after the cues.
	if got := diagLines(doc); !reflect.DeepEqual(got, []int{17, 17, 17, 19, 22}) {
		t.Errorf("diagnostic lines %v: %+v", got, doc.Diagnostics)
	}
}

func TestBadTimingResyncs(t *testing.T) {
	text := "WEBVTT\n\n00:00.000 --> 00:01.000\nOne\n\n00:02.00 --> 00:03.000\nSkipped\n\nid\n00:61.000 --> 00:62.000\nSkipped\n\n" +
		"00:04.000 --> 00:05.000\nFour\n\n00:06.000 -->\n\n00:07.000 --> 00:08.000\nSeven\n"
	doc := Read(text)
	check(t, "bad timing", doc, []want{{"", 3, 0, ms(1000), "One"}, {"", 13, ms(4000), ms(5000), "Four"}, {"", 18, ms(7000), ms(8000), "Seven"}})
	if got := diagLines(doc); !reflect.DeepEqual(got, []int{6, 10, 16}) {
		t.Errorf("diagnostics %+v", doc.Diagnostics)
	}
}

func TestBlankLineEndsCue(t *testing.T) {
	doc := Read("WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n\nworld\n")
	check(t, "blank", doc, []want{{"", 3, ms(1000), ms(2000), "Hello"}})
	if got := diagLines(doc); !reflect.DeepEqual(got, []int{6}) {
		t.Errorf("the orphaned text is not reported: %+v", doc.Diagnostics)
	}
}

func TestTimestamps(t *testing.T) {
	cases := []struct {
		line       string
		start, end cue.Time
		ok         bool
	}{
		{"00:01.000 --> 00:02.000", ms(1000), ms(2000), true},
		{"01:00:00.000 --> 100:00:00.000", cue.Hour, 100 * cue.Hour, true},
		{"00:00:05.000 --> 00:00:04.000", ms(5000), ms(4000), true},
		{"\t00:01.000\t-->\t00:02.000\t", ms(1000), ms(2000), true},
		{"00:01.000-->00:02.000", ms(1000), ms(2000), true},
		{"00:01,000 --> 00:02,000", 0, 0, false},
		{"00:01.00 --> 00:02.000", 0, 0, false},
		{"00:60.000 --> 00:61.000", 0, 0, false},
		{"0:01.000 --> 0:02.000", 0, 0, false},
		{"00:01.000 -> 00:02.000", 0, 0, false},
		{"99999999999999999999:00:00.000 --> 00:01.000", 0, 0, false},
	}
	for _, c := range cases {
		doc := Read("WEBVTT\n\n" + c.line + "\ntext\n")
		if !c.ok {
			if len(doc.Cues) != 0 || len(doc.Diagnostics) == 0 || doc.Diagnostics[0].Line != 3 {
				t.Errorf("%q accepted: %+v %+v", c.line, doc.Cues, doc.Diagnostics)
			}
			continue
		}
		if len(doc.Cues) != 1 || doc.Cues[0].Start != c.start || doc.Cues[0].End != c.end {
			t.Errorf("%q: %+v %+v", c.line, doc.Cues, doc.Diagnostics)
		}
	}
}

func TestNULs(t *testing.T) {
	doc := Read("WEBVTT\n\n\x00id\n00:01.000 --> 00:02.000\na\x00b\n")
	if len(doc.Cues) != 1 || doc.Cues[0].ID != "\ufffdid" || doc.Cues[0].Raw != "a\ufffdb" || len(doc.Diagnostics) != 0 {
		t.Errorf("%+v %+v", doc.Cues, doc.Diagnostics)
	}
}

func TestParseSettings(t *testing.T) {
	st, probs := ParseSettings("vertical:rl line:-2,end position:25%,line-left size:50% align:end region:r bogus")
	want := Settings{Vertical: "rl", Line: -2, SnapToLines: true, LineAlign: "end", Position: 25, PositionAlign: "line-left",
		Size: 50, Align: "end", Region: "r"}
	if st != want || len(probs) != 1 || !strings.Contains(probs[0], "bogus") {
		t.Errorf("got %+v %q", st, probs)
	}
	st, probs = ParseSettings("region:r line:10%")
	if st.Region != "" || st.Line != 10 || st.SnapToLines || len(probs) != 1 {
		t.Errorf("line after region: %+v %q", st, probs)
	}
	if st, probs := ParseSettings(""); st != DefaultSettings() || probs != nil {
		t.Errorf("empty: %+v %q", st, probs)
	}
}

func TestNeverPanicsOnFragments(t *testing.T) {
	for _, s := range []string{"W", "WEBVTT\n-->", "WEBVTT\n\n-->", "WEBVTT\n\nREGION", "WEBVTT\n\nSTYLE\n", "WEBVTT\n\n1\n00:", "\r\r\r",
		"WEBVTT\n\n00:00.000 --> 00:01.000 line:", "WEBVTT\n\n00:00.000 --> 00:01.000\n<", "WEBVTT\n\n00:00.000 --> 00:01.000\n&#", "\x00"} {
		Read(s)
	}
}

func TestUnescapedLessThan(t *testing.T) {
	doc := Read("WEBVTT\n\n00:01.000 --> 00:02.000\nfine\nx < y\n")
	if len(doc.Cues) != 1 || doc.Cues[0].Text() != "fine\nx " {
		t.Fatalf("cues %+v", doc.Cues)
	}
	if got := diagLines(doc); !reflect.DeepEqual(got, []int{5}) || doc.Diagnostics[0].Cue != 1 {
		t.Errorf("diagnostics %+v", doc.Diagnostics)
	}
}

func TestDiagnosticsAreCapped(t *testing.T) {
	doc := Read("WEBVTT\n\n" + strings.Repeat("00:00.000 --> 00:01.000 a:b c:d\nx\n\n", 400))
	if len(doc.Cues) != 400 || len(doc.Diagnostics) != maxDiags+1 || !strings.Contains(doc.Diagnostics[maxDiags].Message, "300 more") {
		t.Fatalf("%d cues, %d diagnostics, last %+v", len(doc.Cues), len(doc.Diagnostics), doc.Diagnostics[len(doc.Diagnostics)-1])
	}
}

func TestStrayTextReportedWithoutSignature(t *testing.T) {
	doc := Read("00:01.000 --> 00:02.000\nA\n\nstray one\nstray two\n\n00:03.000 --> 00:04.000\nB\n")
	if len(doc.Cues) != 2 {
		t.Fatalf("cues %+v", doc.Cues)
	}
	if got := diagLines(doc); !reflect.DeepEqual(got, []int{1, 4}) || !strings.Contains(doc.Diagnostics[1].Message, "lines 4-5") {
		t.Errorf("diagnostics %+v", doc.Diagnostics)
	}
}

func TestHeaderLanguage(t *testing.T) {
	doc := Read("WEBVTT\nKind: captions\nLanguage: es-419\n\n00:01.000 --> 00:02.000\nHola\n")
	if doc.Language != "es-419" || len(doc.Cues) != 1 {
		t.Errorf("language %q, %d cues", doc.Language, len(doc.Cues))
	}
	if doc := Read("WEBVTT\n\nLanguage: fr\n00:01.000 --> 00:02.000\nx\n"); doc.Language != "" {
		t.Errorf("a cue identifier was taken for the header: %q", doc.Language)
	}
}

// Setting values read without strconv.ParseFloat (whole numbers) read as
// it reads them, and values of 16 or more digits, signs or dots still go
// through it.
func TestSettingNumbersReadAsParseFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 5))
	for range 5000 {
		digits := make([]byte, 1+rng.IntN(18))
		for k := range digits {
			digits[k] = byte('0' + rng.IntN(10))
		}
		s := string(digits)
		want, _ := strconv.ParseFloat(s, 64)
		if v, ok := smallInteger(s); ok && v != want || !ok && len(s) <= 15 {
			t.Fatalf("%q: smallInteger %v %v, ParseFloat %v", s, v, ok, want)
		}
		if v, pct, ok := lineNumber("-" + s); !ok || pct || v != -want+0 {
			t.Fatalf("line:-%s reads %v %v %v, want %v", s, v, pct, ok, -want)
		}
		if v, ok := percentage(s + "%"); ok != (want <= 100) || ok && v != want {
			t.Fatalf("%s%% reads %v %v, want %v", s, v, ok, want)
		}
	}
}

// Cues that repeat the previous cue's settings (read once, see settings)
// still each get their own problems and legacy counts, and a change of
// settings is read anew.
func TestRepeatedSettingsReportedPerCue(t *testing.T) {
	src := "WEBVTT\n\n" +
		"00:00:01.000 --> 00:00:02.000 size:50 align:middle\nA\n\n" +
		"00:00:03.000 --> 00:00:04.000 size:50 align:middle\nB\n\n" +
		"00:00:05.000 --> 00:00:06.000 align:start\nC\n\n" +
		"00:00:07.000 --> 00:00:08.000 size:50 align:middle\nD\n"
	doc := Read(src)
	var cues []int
	for _, d := range doc.Diagnostics {
		if strings.Contains(d.Message, `"size:50" is ignored`) {
			cues = append(cues, d.Cue)
		}
	}
	if !reflect.DeepEqual(cues, []int{1, 2, 4}) {
		t.Errorf("size:50 reported for cues %v, want 1, 2 and 4: %+v", cues, doc.Diagnostics)
	}
	last := doc.Diagnostics[len(doc.Diagnostics)-1]
	if !strings.Contains(last.Message, "align:middle ×3") {
		t.Errorf("legacy align:middle not counted on each of the three cues: %q", last.Message)
	}
}

// The fixed-place reading of "HH:MM:SS.mmm" gives what the digit-by-digit
// one gives, and leaves it every other form: random canonical timestamps,
// each with one byte changed or a byte after it, read at offset 0 and 3.
func TestCanonicalTimestampReadsAsTheGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 4))
	fast := 0
	for range 300 {
		base := fmt.Sprintf("%02d:%02d:%02d.%03d", rng.IntN(100), rng.IntN(60), rng.IntN(60), rng.IntN(1000))
		cases := []string{base, base + "0", base + " -->", base[:11], "1" + base}
		for i := range base {
			for _, c := range []byte("069:.-a ") {
				cases = append(cases, base[:i]+string(c)+base[i+1:])
			}
		}
		for _, c := range cases {
			for _, s := range []string{c, "-> " + c} {
				p := len(s) - len(c)
				v, ok := canonicalTimestamp(s, p)
				if !ok {
					continue
				}
				fast++
				if gv, gp, gerr := collectTimestamp(s, p); gv != v || gp != p+12 || gerr != "" {
					t.Errorf("%q at %d: %d to %d; the general path reads %d to %d (%q)", s, p, v, p+12, gv, gp, gerr)
				}
			}
		}
	}
	if fast < 300*2*2 {
		t.Errorf("only %d fast readings: the test does not test", fast)
	}
}

// The fixed-place reading of a canonical timing line gives what the step
// by step one gives: canonical lines with and without settings, each with
// one byte changed.
func TestCanonicalTimingReadsAsTheGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 5))
	for range 200 {
		ts := func() string {
			return fmt.Sprintf("%02d:%02d:%02d.%03d", rng.IntN(100), rng.IntN(60), rng.IntN(60), rng.IntN(1000))
		}
		base := ts() + " --> " + ts()
		cases := []string{base, base + " line:0 align:start ", base + "\t", base + "0", base + "x"}
		for i := range base {
			for _, c := range []byte("05:.- \t") {
				cases = append(cases, base[:i]+string(c)+base[i+1:])
			}
		}
		for _, c := range cases {
			got, gerr := parseTiming(c)
			want, werr := collectTiming(c)
			if got != want || gerr != werr {
				t.Errorf("%q: %+v %q, the general path %+v %q", c, got, gerr, want, werr)
			}
		}
	}
}
