package srt

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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
	cuetest.Check(t, "srt", name, doc, ws)
}

const basic = "1\n00:00:01,000 --> 00:00:02,500\nHello\nworld\n\n2\n00:00:03,000 --> 00:00:04,000\nBye\n"

func TestLineEndings(t *testing.T) {
	ws := []want{{"1", 1, ms(1000), ms(2500), "Hello\nworld"}, {"2", 6, ms(3000), ms(4000), "Bye"}}
	for name, text := range map[string]string{
		"LF":    basic,
		"CRLF":  strings.ReplaceAll(basic, "\n", "\r\n"),
		"CR":    strings.ReplaceAll(basic, "\n", "\r"),
		"mixed": "1\r\n00:00:01,000 --> 00:00:02,500\rHello\nworld\r\n\r2\n00:00:03,000 --> 00:00:04,000\r\nBye",
	} {
		doc := Read(text)
		check(t, name, doc, ws)
		if len(doc.Diagnostics) != 0 {
			t.Errorf("%s: unexpected diagnostics %+v", name, doc.Diagnostics)
		}
		if got := doc.Cues[1].Offset; text[got] != '2' {
			t.Errorf("%s: cue 2 offset %d points at %q", name, got, text[got:])
		}
		if doc.Cues[0].Raw != "Hello\nworld" {
			t.Errorf("%s: raw %q", name, doc.Cues[0].Raw)
		}
	}
}

// TestCRLFAcross4KiBBoundaries reads 1,000 CRLF cues, some of whose CRLF
// pairs straddle a 4096-byte boundary (where go-astisub loses text), and
// checks that every cue's text survives.
func TestCRLFAcross4KiBBoundaries(t *testing.T) {
	text := cuetest.CRLFText(t, "", func(i int, start, end int64) string {
		return fmt.Sprintf("%d\r\n%s --> %s\r\n", i, srtTime(start), srtTime(end))
	})
	doc := Read(text)
	if len(doc.Cues) != cuetest.CRLFCues || len(doc.Diagnostics) != 0 {
		t.Fatalf("%d cues, diagnostics %+v", len(doc.Cues), doc.Diagnostics)
	}
	for i, c := range doc.Cues {
		if c.Text() != cuetest.CRLFCueText(i+1) || c.Line != 5*i+1 || c.Start != ms(int64(i+1)*3000) || !c.Lines[1].Italic() {
			t.Fatalf("cue %d: line %d start %v text %q", i+1, c.Line, c.Start, c.Text())
		}
	}
}

func srtTime(msec int64) string { return cuetest.Timestamp(msec, ',') }

func TestBlankLineInsideCueKeepsText(t *testing.T) {
	doc := Read("1\n00:00:01,000 --> 00:00:02,000\nHello\n\nworld\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n")
	check(t, "blank inside", doc, []want{{"1", 1, ms(1000), ms(2000), "Hello\n\nworld"}, {"2", 7, ms(3000), ms(4000), "Next"}})
	if n := len(doc.Cues[0].Lines); n != 3 {
		t.Errorf("cue 1 has %d lines, want 3 (with the empty one)", n)
	}
	// Several blank lines, then a cue without a counter: still a new cue.
	doc = Read("1\n00:00:01,000 --> 00:00:02,000\nA\n\n\n\n00:00:03,000 --> 00:00:04,000\nB\n\n\n")
	check(t, "blanks then bare timing", doc, []want{{"1", 1, ms(1000), ms(2000), "A"}, {"", 7, ms(3000), ms(4000), "B"}})
}

func TestSpaceBetweenTags(t *testing.T) {
	doc := Read("1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i> <b>world</b>\n")
	l := doc.Cues[0].Lines[0]
	if l.Text != "Hello world" || !reflect.DeepEqual(l.Spans, []cue.Span{sp(0, 5, cue.Italic), sp(6, 11, cue.Bold)}) {
		t.Errorf("got %q %+v", l.Text, l.Spans)
	}
	if doc.Cues[0].Raw != "<i>Hello</i> <b>world</b>" {
		t.Errorf("raw %q", doc.Cues[0].Raw)
	}
}

func TestEdgeFiles(t *testing.T) {
	for name, text := range map[string]string{"empty": "", "blank lines": "\n\n  \r\n\t\n", "BOM only": "\ufeff"} {
		doc := Read(text)
		if len(doc.Cues) != 0 || len(doc.Diagnostics) != 0 {
			t.Errorf("%s: %+v", name, doc)
		}
	}
	doc := Read("\ufeff1\n00:00:01,000 --> 00:00:02,000\nHi")
	check(t, "BOM, no final newline", doc, []want{{"1", 1, ms(1000), ms(2000), "Hi"}})
	if doc.Cues[0].Offset != 3 {
		t.Errorf("offset %d, want 3 (after the BOM)", doc.Cues[0].Offset)
	}
	doc = Read("HTTP/1.1 403 Forbidden\nServer: nginx\n\n<html>\n<body>no</body>\n")
	if len(doc.Cues) != 0 || len(doc.Diagnostics) == 0 || doc.Diagnostics[0].Line != 1 {
		t.Errorf("garbage: %+v", doc)
	}
	big := strings.Repeat("x", 1<<20)
	doc = Read("1\n00:00:01,000 --> 00:00:02,000\n" + big + "\n\n2\n00:00:03,000 --> 00:00:04,000\nafter\n")
	if len(doc.Cues) != 2 || doc.Cues[0].Text() != big || doc.Cues[1].Text() != "after" {
		t.Errorf("1 MB line: %d cues", len(doc.Cues))
	}
}

func TestEmptyCueIsKept(t *testing.T) {
	doc := Read("1\n00:00:01,000 --> 00:00:02,000\n\n\n2\n00:00:03,000 --> 00:00:04,000\nText\n\n3\n00:00:05,000 --> 00:00:06,000\n")
	check(t, "empty", doc, []want{{"1", 1, ms(1000), ms(2000), ""}, {"2", 5, ms(3000), ms(4000), "Text"}, {"3", 9, ms(5000), ms(6000), ""}})
	if doc.Cues[0].Lines != nil || doc.Cues[2].Lines != nil {
		t.Errorf("empty cues have lines: %+v / %+v", doc.Cues[0].Lines, doc.Cues[2].Lines)
	}
}

func TestBadTimingResyncs(t *testing.T) {
	text := "1\n00:00:00,000 --> 00:00:01,234\nFirst.\n\n2\n00:00:02,345 --> 00:00:03,4560\nDiscarded.\n\n" +
		"3\n02:00:04,567 --> 02:00:08,901\nThird.\n\n4\n             --> 02:00:10,901\nNo start.\n\n5\n02:00:12,901 -->\nNo end.\n\n" +
		"6\n-->\n\n7\n00:00:20,000 --> 00:00:21,000\nSeventh.\n"
	doc := Read(text)
	check(t, "bad timing", doc, []want{{"1", 1, 0, ms(1234), "First."}, {"3", 9, 2*cue.Hour + ms(4567), 2*cue.Hour + ms(8901), "Third."},
		{"7", 24, ms(20000), ms(21000), "Seventh."}})
	if got := diagLines(doc); !reflect.DeepEqual(got, []int{6, 14, 18, 22}) {
		t.Errorf("diagnostics on lines %v, want [6 14 18 22]: %+v", got, doc.Diagnostics)
	}
}

func TestTolerantTimestamps(t *testing.T) {
	cases := []struct {
		line       string
		start, end cue.Time
		settings   string
	}{
		{"00:00:01.500 --> 00:00:02.250", ms(1500), ms(2250), ""},
		{"00:01,234 --> 00:02,000", ms(1234), ms(2000), ""},
		{"00:00:02 --> 00:00:03", ms(2000), ms(3000), ""},
		{"0:00:04,5 --> 0:00:05,25", ms(4005), ms(5025), ""}, // digits are milliseconds
		{"  00:00:01,000    -->    00:00:02,000  ", ms(1000), ms(2000), ""},
		{"00:00:01,000-->00:00:02,000", ms(1000), ms(2000), ""},
		{"00:02:12.16 --> 00:02:14,000 X1:100 X2:600 Y1:40 Y2:80", ms(132016), ms(134000), "X1:100 X2:600 Y1:40 Y2:80"},
		{"00:00:01:500 --> 00:00:02:000", ms(1500), ms(2000), ""},
		{"100:00:00,000 --> 100:00:01,000", 100 * cue.Hour, 100*cue.Hour + ms(1000), ""},
		{"-00:00:02,345 --> 00:00:01,234", -ms(2345), ms(1234), ""},
		{"00:00:05,000 --> 00:00:04,000", ms(5000), ms(4000), ""},
		{"00:00:013,567 --> 00:00:14,901", ms(13567), ms(14901), ""},
		{"00:07:02,636 - > 00:07:04,792", ms(422636), ms(424792), ""},
		{"0:00:01,000 -> 0:00:02,000", ms(1000), ms(2000), ""},
		{"00:00:01,000 —> 00:00:02,000", ms(1000), ms(2000), ""},
	}
	for _, c := range cases {
		doc := Read("1\n" + c.line + "\ntext\n")
		if len(doc.Cues) != 1 {
			t.Errorf("%q: %d cues, diagnostics %+v", c.line, len(doc.Cues), doc.Diagnostics)
			continue
		}
		got := doc.Cues[0]
		if got.Start != c.start || got.End != c.end || got.Settings != c.settings {
			t.Errorf("%q: %v --> %v %q, want %v --> %v %q", c.line, got.Start, got.End, got.Settings, c.start, c.end, c.settings)
		}
	}
}

func TestDeviationsReportedOncePerKind(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&b, "%d\n00:00:0%d.000 --> 00:00:0%d.500\nText\n\n", i, i, i)
	}
	doc := Read(b.String())
	if len(doc.Cues) != 5 || len(doc.Diagnostics) != 1 {
		t.Fatalf("%d cues, diagnostics %+v", len(doc.Cues), doc.Diagnostics)
	}
	d := doc.Diagnostics[0]
	if d.Line != 2 || !strings.Contains(d.Message, "5 timing lines") || !strings.Contains(d.Message, "'.'") {
		t.Errorf("diagnostic %+v", d)
	}
	doc = Read("1\n00:00:75,000 --> 00:01:20,000\nx\n")
	if len(doc.Cues) != 1 || doc.Cues[0].Start != ms(75000) || len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Cue != 1 {
		t.Errorf("seconds 75: %+v %+v", doc.Cues, doc.Diagnostics)
	}
}

func TestCounters(t *testing.T) {
	// No counter, garbled counter, counter right after text with no blank line.
	doc := Read("00:00:01,000 --> 00:00:02,000\nA\n\nabc\n00:00:03,000 --> 00:00:04,000\nB\n3\n00:00:05,000 --> 00:00:06,000\nC\nD\n00:00:07,000 --> 00:00:08,000\nE\n")
	check(t, "counters", doc, []want{{"", 1, ms(1000), ms(2000), "A"}, {"abc", 4, ms(3000), ms(4000), "B"},
		{"3", 7, ms(5000), ms(6000), "C\nD"}, {"", 11, ms(7000), ms(8000), "E"}})
	if got := diagLines(doc); !reflect.DeepEqual(got, []int{4}) {
		t.Errorf("diagnostics %+v", doc.Diagnostics)
	}
}

func TestMissingTimingLine(t *testing.T) {
	doc := Read("1\n00:00:00,000 --> 00:00:01,234\nFirst\n\n2\nSecond\nSecond b\n\n3\n02:00:04,567 --> 02:00:08,901\nThird\n\n4\n")
	check(t, "missing timing", doc, []want{{"1", 1, 0, ms(1234), "First"}, {"3", 9, 2*cue.Hour + ms(4567), 2*cue.Hour + ms(8901), "Third"}})
	if got := diagLines(doc); !reflect.DeepEqual(got, []int{5, 13}) {
		t.Errorf("diagnostics %+v", doc.Diagnostics)
	}
}

func TestArrowInTextIsText(t *testing.T) {
	doc := Read("1\n00:00:01,000 --> 00:00:02,000\nGo --> there\n12:30 -> meeting\n")
	check(t, "arrow", doc, []want{{"1", 1, ms(1000), ms(2000), "Go --> there\n12:30 -> meeting"}})
	if len(doc.Diagnostics) != 0 {
		t.Errorf("diagnostics %+v", doc.Diagnostics)
	}
}

func TestOverrideBlocks(t *testing.T) {
	doc := Read("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}On top\n{\\i1}slanted{\\i0}\n")
	c := doc.Cues[0]
	if c.Text() != "On top\nslanted" || !c.Lines[1].Italic() || c.Lines[0].Italic() {
		t.Errorf("got %q %+v", c.Text(), c.Lines)
	}
}

func TestNeverPanicsOnFragments(t *testing.T) {
	for _, s := range []string{"1", "-->", "1\n-->", "0:", "00:00:01,", "1\n00:00:01,000 -->", "\r", "\r\n\r\n", "99999999999999:00:00,000 --> 0:0:0,0\nx",
		"00:00:00,000 --> 00:00:00,000 \x00", "\xff\xfe", "1\n00:00:01,000 --> 00:00:02,000\n<i", "{\\", "&#", "&#x;"} {
		Read(s)
	}
}

func sp(start, end int, st cue.Style) cue.Span { return cue.Span{Start: start, End: end, Style: st} }

func TestDiagnosticsAreCapped(t *testing.T) {
	doc := Read(strings.Repeat("7\n\n", 2000) + "1\n00:00:01.000 --> 00:00:02.000\nlast\n")
	n := len(doc.Diagnostics)
	if len(doc.Cues) != 1 || n != maxDiags+2 {
		t.Fatalf("%d cues, %d diagnostics", len(doc.Cues), n)
	}
	if d := doc.Diagnostics[maxDiags]; d.Line != 2*maxDiags+1 || !strings.Contains(d.Message, "1500 more") {
		t.Errorf("closing diagnostic %+v", d)
	}
	if d := doc.Diagnostics[n-1]; !strings.Contains(d.Message, "'.'") {
		t.Errorf("the timestamp deviation is not reported after the cap: %+v", d)
	}
}

// The diagnostics a canonical rewrite answers (timestamp spellings, a
// counter that is no number) carry cue.KindSpelling, which the rules that
// report them key their fix on; others carry no kind.
func TestSpellingKind(t *testing.T) {
	doc := Read("1\n00:00:01.000 -> 00:00:03.5\nOne.\n\nx\n00:00:05,000 --> 00:00:07,000\nTwo.\n\n3\n00:00:09,000 --> 00:00:08,000\nThree.\n\n4\n00:00:aa,000 --> 00:00:bb,000\nFour.\n")
	spelling, other := 0, 0
	for _, d := range doc.Diagnostics {
		switch {
		case d.Kind == cue.KindSpelling:
			spelling++
		case d.Kind != "":
			t.Errorf("unknown kind %q: %+v", d.Kind, d)
		case strings.Contains(d.Message, "counter line") || strings.Contains(d.Message, " with "):
			t.Errorf("spelling diagnostic without its kind: %+v", d)
		default:
			other++
		}
	}
	if spelling < 2 || other == 0 {
		t.Errorf("%d spelling and %d other diagnostics: %+v", spelling, other, doc.Diagnostics)
	}
}

// Files joined together keep their byte-order marks: one before a timing
// line (a cue without a counter) or a counter is read past, so no cue is
// lost or merged into the one before, the timestamps' places in the source
// still point at them (for fixes), and each is reported as E002.
func TestJoinedFilesBOM(t *testing.T) {
	src := "1\n00:00:01,000 --> 00:00:02,000\nOne\n\n\ufeff00:00:03,000 --> 00:00:04,000\nTwo\n\n\ufeff1\n00:00:05,000 --> 00:00:06,000\nThree\n"
	doc := Read(src)
	check(t, "joined", doc, []want{{"1", 1, ms(1000), ms(2000), "One"}, {"", 5, ms(3000), ms(4000), "Two"},
		{"1", 8, ms(5000), ms(6000), "Three"}})
	c := doc.Cues[1]
	if got := src[c.StartSrc.From:c.StartSrc.To] + "|" + src[c.EndSrc.From:c.EndSrc.To]; got != "00:00:03,000|00:00:04,000" {
		t.Errorf("cue 2's timestamps are at %q", got)
	}
	var lines []int
	for _, d := range doc.Diagnostics {
		if d.Rule != CodeByteOrderMark || !strings.Contains(d.Message, "byte-order mark") {
			t.Errorf("diagnostic %+v", d)
		}
		lines = append(lines, d.Line)
	}
	if !reflect.DeepEqual(lines, []int{5, 8}) {
		t.Errorf("BOM reported at lines %v, want 5 and 8", lines)
	}
	// One at the very start is the file's own (E002 from the decoder).
	if doc := Read("\ufeff" + basic); len(doc.Diagnostics) != 0 || len(doc.Cues) != 2 {
		t.Errorf("leading BOM: %d cues, diagnostics %+v", len(doc.Cues), doc.Diagnostics)
	}
}

// classify's shortcut for lines that start with a letter or a tag gives
// the general answer for every line, whatever its first bytes: spaces of
// any kind, BOMs, digits, dashes, arrows, tags, letters beyond ASCII.
func TestClassifyShortcutAsGeneral(t *testing.T) {
	pieces := []string{" ", "\t", "\u3000", "\u00a0", bom, "1", "12", ":", ",", ".", "-", "-->", "->", ">", "<i>", "A", "z", "é",
		"~", "00:00:01,000", " --> ", "00:00:02,000", "X1:10", "\x7f", "{", "!",
		// Lines beyond ASCII: letters, the spaces trim removes, bytes
		// that are no character.
		"Привет", "مرحبا", "日本", "¿", "¡", "\u0085", "\u1680", "\u2000", "\u200a", "\u2028", "\u202f", "\u205f",
		"\xc2", "\xe2\x80", "\xe3", "\xef\xbb", "\x80", "\xff"}
	rng := rand.New(rand.NewPCG(14, 11))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		line := b.String()
		if got, want := classify(line), classifyGeneral(line); got != want {
			t.Fatalf("%q: classified %d, want %d", line, got, want)
		}
	}
}

// Each kind of timestamp deviation is counted over the file and reported
// once, at the first line that has it, in the order of the kinds; a line
// with several counts for each.
func TestDeviationsCountedPerKind(t *testing.T) {
	doc := Read("1\n00:00:01.000 --> 00:00:02.000\na\n\n2\n00:03,000 --> 00:00:04.5\nb\n\n3\n00:00:05.000 --> 00:00:06,000\nc\n")
	want := []struct {
		line   int
		prefix string
	}{{2, "3 timing lines with '.' before"}, {6, "1 timing line with no hours"}, {6, "1 timing line with fewer than 3"}}
	if len(doc.Diagnostics) != len(want) {
		t.Fatalf("%d diagnostics, want %d: %+v", len(doc.Diagnostics), len(want), doc.Diagnostics)
	}
	for i, w := range want {
		if d := doc.Diagnostics[i]; d.Line != w.line || !strings.HasPrefix(d.Message, w.prefix) {
			t.Errorf("diagnostic %d: line %d %q, want line %d %q...", i, d.Line, d.Message, w.line, w.prefix)
		}
	}
}

// Whatever character beyond ASCII starts a line, classify agrees with
// the general tests: alone, before a counter's digits, a timing line or
// text, and before spaces. Every rune trim removes is one
// mayStartTrimmed may see (else lines led by it would be taken for text).
func TestClassifyEveryLeadingCharacter(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if !keptAtEdge(r) && !mayStartTrimmed(s) {
			t.Fatalf("U+%04X is trimmed but mayStartTrimmed(%q) is false", r, s)
		}
		if r > 0x4000 && r != 0xFEFF && r%97 != 0 {
			continue // one in 97 of the rest: each lead byte is still met
		}
		for _, tail := range []string{"", "12", "00:00:01,000 --> 00:00:02,000", " x", "  "} {
			line := s + tail
			if got, want := classify(line), classifyGeneral(line); got != want {
				t.Fatalf("%q: classified %d, want %d", line, got, want)
			}
		}
	}
	for c := 0x80; c < 0x100; c++ { // lead bytes alone and cut short
		for _, line := range []string{string([]byte{byte(c)}), string([]byte{byte(c), '1'}), string([]byte{byte(c), 0x80, '1'}),
			string([]byte{byte(c), 0x80}), string([]byte{byte(c), 0x9A, 0x80}), string([]byte{byte(c), 0xBB, 'x'}), string([]byte{byte(c), 0x80, 0x80})} {
			if got, want := classify(line), classifyGeneral(line); got != want {
				t.Fatalf("%q: classified %d, want %d", line, got, want)
			}
		}
	}
}
