package ssa

import (
	"bytes"
	"io"
	"log"
	"strings"
	"testing"

	"github.com/asticode/go-astisub"

	"github.com/exportqc/exportqc/qc/cue"
)

const assHead = `[Script Info]
ScriptType: v4.00+
PlayResX: 1920
PlayResY: 1080

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, Bold, Italic, Underline, Alignment, MarginL, MarginR, MarginV
Style: Default,Arial,50,&H00FFFFFF,0,0,0,2,10,10,10
Style: Sign,Arial,40,&H00FFFFFF,0,1,0,8,10,10,10

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
`

// script appends Dialogue lines (or anything else) to the standard head.
// The first added line is line 13.
func script(lines ...string) string { return assHead + strings.Join(lines, "\n") + "\n" }

func dlg(start, end, style, text string) string {
	return "Dialogue: 0," + start + "," + end + "," + style + ",,0,0,0,," + text
}

func mustTexts(t *testing.T, doc *cue.Document, want ...string) {
	t.Helper()
	var got []string
	for i := range doc.Cues {
		got = append(got, doc.Cues[i].Text())
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("cues %q, want %q (diagnostics %v)", got, want, doc.Diagnostics)
	}
}

func TestReadASS(t *testing.T) {
	doc := Read(script(
		dlg("0:00:01.50", "0:00:03.25", "Default", "Hello, {\\i1}brave{\\i0} world"),
		"Comment: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,not shown",
		dlg("0:00:04.00", "0:00:06.00", "Default", "{\\an8}Top line\\Nsecond line"),
		dlg("1:02:03.04", "1:02:05.00", "Sign", "A\\hB {\\pos(960, 100)}sign"),
	))
	mustTexts(t, doc, "Hello, brave world", "Top line\nsecond line", "A\u00a0B sign")
	if doc.Format != "ssa" || doc.Profile != "ass" || doc.TimePrecision != 10*cue.Millisecond {
		t.Errorf("document %q %q %v", doc.Format, doc.Profile, doc.TimePrecision)
	}
	c := doc.Cues[0]
	if c.Start != 1500*cue.Millisecond || c.End != 3250*cue.Millisecond || c.Line != 13 || c.Index != 1 {
		t.Errorf("cue 1: %v-%v line %d index %d", c.Start, c.End, c.Line, c.Index)
	}
	if c.Raw != "Hello, {\\i1}brave{\\i0} world" {
		t.Errorf("raw %q is not the Text field as written", c.Raw)
	}
	if sp := c.Lines[0].Spans; len(sp) != 1 || sp[0] != (cue.Span{Start: 7, End: 12, Style: cue.Italic}) {
		t.Errorf("spans %v, want italics on \"brave\"", sp)
	}
	if c := doc.Cues[1]; c.Line != 15 || c.Settings != "an:8" || len(c.Lines) != 2 {
		t.Errorf("cue 2: line %d settings %q lines %d (the Comment event is not a cue)", c.Line, c.Settings, len(c.Lines))
	}
	c = doc.Cues[2]
	if c.Start != cue.Hour+2*cue.Minute+3*cue.Second+40*cue.Millisecond || c.Settings != "pos:960,100" {
		t.Errorf("cue 3: start %v settings %q", c.Start, c.Settings)
	}
	// Style Sign has Italic=1: renderers (unlike the library) take any
	// non-zero value as on.
	if !c.Lines[0].Italic() {
		t.Errorf("cue 3 in style Sign is not italic: %v", c.Lines[0].Spans)
	}
	if len(doc.Diagnostics) != 0 {
		t.Errorf("clean script gave %v", doc.Diagnostics)
	}
}

func TestReadSSAv4(t *testing.T) {
	doc := Read(`[Script Info]
ScriptType: v4.00

[V4 Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding
Style: Default,Arial,20,16777215,65535,65535,-2147483640,-1,0,1,3,0,2,30,30,30,0,0

[Events]
Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: Marked=0,0:00:01.18,0:00:06.85,Default,,0000,0000,0000,,Like an angel, with pity
`)
	mustTexts(t, doc, "Like an angel, with pity")
	if doc.Profile != "ssa" || doc.Cues[0].Start != 1180*cue.Millisecond {
		t.Errorf("profile %q start %v", doc.Profile, doc.Cues[0].Start)
	}
	if sp := doc.Cues[0].Lines[0].Spans; len(sp) != 1 || sp[0].Style != cue.Bold {
		t.Errorf("Bold=-1 style: spans %v", sp)
	}
}

func TestStyleUndefined(t *testing.T) {
	doc := Read(script(
		dlg("0:00:01.00", "0:00:02.00", "Missing", "one"),
		dlg("0:00:02.00", "0:00:03.00", "*Default", "two"),
		dlg("0:00:03.00", "0:00:04.00", "default", "three"),
		dlg("0:00:04.00", "0:00:05.00", "Missing", "four"),
		dlg("0:00:05.00", "0:00:06.00", "**Sign", "five"),
		dlg("0:00:06.00", "0:00:07.00", "sign", "six"),
	))
	a001 := filter(doc, CodeStyleUndefined)
	if len(a001) != 2 {
		t.Fatalf("want A001 for Missing and sign (names are case-sensitive): %v", doc.Diagnostics)
	}
	if a001[0].Line != 13 || a001[0].Cue != 1 || !strings.Contains(a001[0].Message, "used by 2") {
		t.Errorf("first A001 %+v: want line 13, cue 1, 2 uses", a001[0])
	}
	if a001[1].Line != 18 {
		t.Errorf("second A001 at line %d, want 18", a001[1].Line)
	}
	if !doc.Cues[4].Lines[0].Italic() || doc.Cues[5].Lines[0].Italic() {
		t.Errorf("\"**Sign\" should resolve to the italic style, \"sign\" fall back to Default")
	}
}

func TestFormatMismatch(t *testing.T) {
	doc := Read(`[Script Info]
ScriptType: v4.00+

[V4+ Styles]
Format: Name, Fontname, Fontsize, Italic
Style: Short,Arial
Style: Long,Arial,40,-1,extra,values
Dialogue: 0,0:00:01.00,0:00:02.00,Long,,0,0,0,,misplaced

[Events]
Dialogue: 0,0:00:00.00,0:00:01.00,Long,,0,0,0,,before Format
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:02.00,Long,,0,0,0,,kept, with a comma
Dialogue: 0,0:00:02.00,Long,lost
Dialogue: 0,0:00:03.00,0:00:04.00,Short,,0,0,0,,also kept
`)
	mustTexts(t, doc, "kept, with a comma", "also kept")
	lines := map[int]string{}
	for _, d := range doc.Diagnostics {
		lines[d.Line] = d.Rule
	}
	for line, code := range map[int]string{6: CodeFormatMismatch, 7: CodeFormatMismatch, 8: CodeInvalidLine,
		11: CodeFormatMismatch, 14: CodeFormatMismatch} {
		if lines[line] != code {
			t.Errorf("line %d: %q, want %s (all: %v)", line, lines[line], code, doc.Diagnostics)
		}
	}
	// The long style keeps its declared fields, so its italics still apply,
	// and the short one, unreadable, is still a defined name.
	if !doc.Cues[0].Lines[0].Italic() || countCode(doc, CodeStyleUndefined) != 0 {
		t.Errorf("style Long: spans %v; A001 %v", doc.Cues[0].Lines[0].Spans, filter(doc, CodeStyleUndefined))
	}
	if doc.Cues[1].Start != 3*cue.Second {
		t.Errorf("times shifted after a dropped line: %v", doc.Cues[1].Start)
	}

	doc = Read("[Events]\nFormat: Start, End, Text, Style\nDialogue: 0:00:01.00,0:00:02.00,x,Default\n")
	if countCode(doc, CodeFormatMismatch) != 1 {
		t.Errorf("Text not last: %v", doc.Diagnostics)
	}
}

func TestInvalidLinesAndSections(t *testing.T) {
	doc := Read(`[Script Info]
ScriptType: v4.00+
this line means nothing

[Fonts]
fontname: a.ttf
M3-4-5

[Custom Stuff]
Foo: bar

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,text
`)
	mustTexts(t, doc, "text")
	a003 := filter(doc, CodeInvalidLine)
	if len(a003) != 2 || a003[0].Line != 3 || a003[1].Line != 9 {
		t.Errorf("want A003 at lines 3 (stray text) and 9 (unknown section), not for [Fonts]: %v", doc.Diagnostics)
	}
}

func TestLibraryRejectionsCostOneLine(t *testing.T) {
	doc := Read(strings.Replace(script(
		dlg("0:00:01.00", "0:00:02.00", "Default", "one"),
		dlg("0:00:04:56", "0:00:08:90", "Default", "bad times"),
		dlg("0:00:09.00", "0:00:10.00", "Default", "three"),
	), "PlayResY: 1080", "PlayResY: 1080.0", 1))
	mustTexts(t, doc, "one", "three")
	var lines []int
	for _, d := range filter(doc, "") {
		lines = append(lines, d.Line)
	}
	if len(lines) != 2 || lines[0]+lines[1] != 4+14 || lines[0]*lines[1] != 4*14 {
		t.Fatalf("want E000 at lines 14 (bad time) and 4 (float PlayResY): %v", doc.Diagnostics)
	}
	if doc.Cues[1].Start != 9*cue.Second || doc.Cues[1].Line != 15 {
		t.Errorf("cue after the rejected line: %v line %d", doc.Cues[1].Start, doc.Cues[1].Line)
	}
}

func TestLibraryPanicIsRecovered(t *testing.T) {
	orig := readSSA
	defer func() { readSSA = orig }()
	readSSA = func(r io.Reader, o astisub.SSAOptions) (*astisub.Subtitles, error) {
		b, _ := io.ReadAll(r)
		if bytes.Contains(b, []byte("BOOM")) {
			panic("index out of range")
		}
		return orig(bytes.NewReader(b), o)
	}
	doc := Read(script(
		dlg("0:00:01.00", "0:00:02.00", "Default", "one"),
		dlg("0:00:02.00", "0:00:03.00", "Default", "BOOM"),
		dlg("0:00:03.00", "0:00:04.00", "Default", "three"),
	))
	mustTexts(t, doc, "one", "three")
	e000 := filter(doc, "")
	if len(e000) != 1 || e000[0].Line != 14 || !strings.Contains(e000[0].Message, "crashed") {
		t.Errorf("want one E000 naming the crash at line 14: %v", doc.Diagnostics)
	}

	// A failure that is not the doing of single lines keeps nothing partial.
	readSSA = func(io.Reader, astisub.SSAOptions) (*astisub.Subtitles, error) { panic("always") }
	doc = Read(script(dlg("0:00:01.00", "0:00:02.00", "Default", "one")))
	if len(doc.Cues) != 0 || countCode(doc, "") == 0 {
		t.Errorf("always-panicking library: %d cues, %v", len(doc.Cues), doc.Diagnostics)
	}
}

func TestEventCountMismatch(t *testing.T) {
	orig := readSSA
	defer func() { readSSA = orig }()
	readSSA = func(r io.Reader, o astisub.SSAOptions) (*astisub.Subtitles, error) {
		s, err := orig(r, o)
		if s != nil && len(s.Items) > 0 {
			s.Items = s.Items[:len(s.Items)-1]
		}
		return s, err
	}
	doc := Read(script(
		dlg("0:00:01.00", "0:00:02.00", "Default", "one"),
		dlg("0:00:02.00", "0:00:03.00", "Default", "two"),
	))
	mustTexts(t, doc, "one")
	if len(filter(doc, "")) != 1 {
		t.Errorf("want one E000 about the mismatch: %v", doc.Diagnostics)
	}
}

func TestLibraryNeverLogs(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(io.Discard)
	Read("[Script Info]\nnonsense\n[Weird]\nx\n[Events]\nFormat: Start, End, Style, Text\nDialogue: 0:00:01.00,0:00:02.00,Default,x\n")
	if buf.Len() != 0 {
		t.Errorf("library logged: %q", buf.String())
	}
}

func TestGarbageAndEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "garbage", "[Events]\nDialogue: x", "\ufeff[Script Info]\n"} {
		doc := Read(src)
		if len(doc.Cues) != 0 {
			t.Errorf("%q gave cues %v", src, doc.Cues)
		}
	}
}
