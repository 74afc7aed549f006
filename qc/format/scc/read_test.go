package scc

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func TestPopOnTwoRowsWithIndents(t *testing.T) {
	src := sccFile(
		// words: 0-1 RCL, 2-3 ENM, 4-5 PAC, 6-11 text, 12-13 PAC, 14-17 text, 18-19 EOC
		at("00:00:01:00", rcl, rcl, enm, enm, pac(14, 4), pac(14, 4), text("Hello there"),
			pac(15, 8), pac(15, 8), text("General"), eoc, eoc),
		at("00:00:05:00", edm, edm),
	)
	doc := Read(src)
	mustCues(t, doc, "Hello there\nGeneral")
	c := doc.Cues[0]
	if c.Start != ndf(30+18) || c.End != ndf(150) {
		t.Errorf("times %v-%v, want %v-%v (shown at the EOC's frame, gone at the EDM's)", c.Start, c.End, ndf(48), ndf(150))
	}
	if c.Region != "pop-on" || c.Settings != "rows=14,15 cols=4,8" || c.Line != 3 || c.Index != 1 {
		t.Errorf("region %q settings %q line %d index %d", c.Region, c.Settings, c.Line, c.Index)
	}
	if c.Raw != "    Hello there\n        General" {
		t.Errorf("raw %q keeps the indents", c.Raw)
	}
	if doc.Format != "scc" || doc.FrameRate != (cue.FrameRate{Num: 30000, Den: 1001}) || doc.TimePrecision != ndf(1) {
		t.Errorf("document %q %v %v", doc.Format, doc.FrameRate, doc.TimePrecision)
	}
	if len(doc.Diagnostics) != 0 {
		t.Errorf("clean file gave %v", doc.Diagnostics)
	}
}

func TestPopOnReplacedByNextEOC(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", rcl, pac(15, 0), text("one"), eoc),
		at("00:00:02:00", enm, rcl, pac(15, 0), text("two"), eoc),
		at("00:00:03:00", edm),
	))
	mustCues(t, doc, "one", "two")
	if doc.Cues[0].End != doc.Cues[1].Start || doc.Cues[1].Start != ndf(60+5) {
		t.Errorf("first ends %v, second starts %v; want both at the second EOC %v", doc.Cues[0].End, doc.Cues[1].Start, ndf(65))
	}
}

func TestRollUpTwoRows(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", ru2, ru2, cr, cr, pac(15, 0), pac(15, 0), text("ONE")),
		at("00:00:02:00", ru2, ru2, cr, cr, pac(15, 0), pac(15, 0), text("TWO")),
		at("00:00:03:00", ru2, ru2, cr, cr, pac(15, 0), pac(15, 0), text("THREE")),
		at("00:00:04:00", edm, edm),
	))
	mustCues(t, doc, "ONE", "TWO", "THREE")
	want := [][2]int64{
		{36, 92},  // appears with its first character; scrolled off by the second CR after it
		{66, 120}, // still on screen (top row) until the EDM
		{96, 120}, // base row until the EDM
	}
	for i, w := range want {
		c := doc.Cues[i]
		if c.Start != ndf(w[0]) || c.End != ndf(w[1]) || c.Region != "roll-up" {
			t.Errorf("cue %d %q: %v-%v %s, want %v-%v roll-up", i+1, c.Text(), c.Start, c.End, c.Region, ndf(w[0]), ndf(w[1]))
		}
	}
	if countCode(doc, CodeNeverErased) != 0 {
		t.Errorf("EDM erased everything: %v", doc.Diagnostics)
	}
}

func TestRollUpRowsLeftOnScreenAreNeverErased(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", ru2, cr, pac(15, 0), text("ONE")),
		at("00:00:02:00", ru2, cr, pac(15, 0), text("TWO")),
	))
	mustCues(t, doc, "ONE", "TWO")
	if n := countCode(doc, CodeNeverErased); n != 2 {
		t.Errorf("%d C008, want one per row still on screen: %v", n, doc.Diagnostics)
	}
}

func TestPaintOn(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", rdc, rdc, pac(15, 0), pac(15, 0), text("Hi "), text("there")),
		at("00:00:03:00", edm, edm),
	))
	mustCues(t, doc, "Hi there")
	c := doc.Cues[0]
	if c.Region != "paint-on" || c.Start != ndf(34) || c.End != ndf(90) {
		t.Errorf("%s %v-%v, want paint-on from the first character %v to the EDM %v", c.Region, c.Start, c.End, ndf(34), ndf(90))
	}
}

func TestPaintOnOverwriteStartsANewCaption(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", rdc, pac(15, 0), text("Lorem")),
		at("00:00:02:00", rdc, pac(15, 0), text("Ipsum")),
		at("00:00:03:00", edm),
	))
	mustCues(t, doc, "Lorem", "Ipsum")
	if doc.Cues[0].End != doc.Cues[1].Start || doc.Cues[1].Start != ndf(62) {
		t.Errorf("first %v-%v, second from %v; want the switch at the first overwritten character %v",
			doc.Cues[0].Start, doc.Cues[0].End, doc.Cues[1].Start, ndf(62))
	}
}

func TestPaintOnCorrectingItsOwnTextIsOneCaption(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", rdc, pac(15, 0), text("Helo"), bs, text("lo")),
		at("00:00:03:00", edm),
	))
	mustCues(t, doc, "Hello")
}

func TestDoubledControlCodesRunOnce(t *testing.T) {
	// EOC sent twice back to back is one EOC: executed twice it would swap
	// the caption straight back into hiding.
	doc := Read(sccFile(
		at("00:00:01:00", rcl, rcl, pac(15, 0), pac(15, 0), text("AB"), eoc, eoc),
		at("00:00:02:00", edm, edm),
	))
	mustCues(t, doc, "AB")

	// With padding between them, they are two commands.
	doc = Read(sccFile(
		at("00:00:01:00", rcl, pac(15, 0), text("AB"), eoc, pad, eoc),
		at("00:00:02:00", edm),
	))
	mustCues(t, doc, "AB")
	if c := doc.Cues[0]; c.Start != ndf(33) || c.End != ndf(35) {
		t.Errorf("shown %v-%v, want hidden again by the second EOC: %v-%v", c.Start, c.End, ndf(33), ndf(35))
	}

	// Special characters are control pairs too: three sends are two notes.
	doc = Read(sccFile(
		at("00:00:01:00", rcl, pac(15, 0), word(0x11, 0x37), word(0x11, 0x37), word(0x11, 0x37), eoc),
		at("00:00:02:00", edm),
	))
	mustCues(t, doc, "♪♪")
}

func TestCharacterSets(t *testing.T) {
	// Standard set: not ASCII at ten positions.
	std := word(0x2A, 0x5C) + " " + word(0x5E, 0x5F) + " " + word(0x60, 0x7B) + " " +
		word(0x7C, 0x7D) + " " + word(0x7E, 0x7F)
	var special []string
	for b := byte(0x30); b <= 0x3F; b++ {
		special = append(special, word(0x11, b))
	}
	doc := Read(sccFile(
		at("00:00:01:00", rcl, pac(14, 0), std, pac(15, 0), strings.Join(special, " "), eoc),
		at("00:00:03:00", edm),
	))
	// 0x11 0x39 is a transparent space: a gap between à and è.
	mustCues(t, doc, "áéíóúç÷Ññ█\n®°½¿™¢£♪à èâêîôû")

	// Extended characters replace the fallback character sent before them.
	doc = Read(sccFile(
		at("00:00:01:00", rcl, pac(15, 0), text("MA"), word(0x13, 0x30), text("RTHA u"), word(0x12, 0x25),
			text("ber "), text("!"), word(0x12, 0x27), text("Hola"), eoc),
		at("00:00:03:00", edm),
	))
	mustCues(t, doc, "MÄRTHA über ¡Hola")
}

func TestMidRowItalicsBecomeSpans(t *testing.T) {
	italics := word(0x11, 0x2E)
	white := word(0x11, 0x20)
	doc := Read(sccFile(
		at("00:00:01:00", rcl, pac(14, 0), italics, text("All"), white, text("plain"),
			pacItalic(15), text("whole"), eoc),
		at("00:00:03:00", edm),
	))
	mustCues(t, doc, "All plain\nwhole")
	l := doc.Cues[0].Lines
	// The leading mid-row code is positioning, not text; the one between
	// words shows as a space and belongs to neither styled run.
	if len(l[0].Spans) != 1 || l[0].Spans[0] != (cue.Span{Start: 0, End: 3, Style: cue.Italic}) {
		t.Errorf("row 14 spans %v, want italics on \"All\" only", l[0].Spans)
	}
	if len(l[1].Spans) != 1 || l[1].Spans[0] != (cue.Span{Start: 0, End: 5, Style: cue.Italic}) || !l[1].Italic() {
		t.Errorf("row 15 spans %v, want the italic PAC to style the row", l[1].Spans)
	}
}

func TestBackspaceAndDeleteToEndOfRow(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", rcl, pac(15, 0), text("Catz"), bs, text("s!"), pac(14, 0), text("gone soon"),
			pac(14, 4), der, eoc),
		at("00:00:03:00", edm),
	))
	mustCues(t, doc, "gone\nCats!")
}

func TestDropFrameConversion(t *testing.T) {
	cases := []struct {
		tc     string
		frames int64
	}{
		{"00:00:59;29", 1799},
		{"00:01:00;02", 1800}, // ;00 and ;01 do not exist in minute 1
		{"00:09:59;29", 17981},
		{"00:10:00;00", 17982}, // every tenth minute keeps them
		{"01:00:00;00", 107892},
		{"01:00:00:00", 108000}, // non-drop-frame counts every label
		{"00:01:00.02", 1800},   // '.' and ',' are drop-frame spellings too
		{"00:01:00,02", 1800},
	}
	for _, c := range cases {
		tc, ok := parseTimecode(c.tc)
		if !ok || tc.frames() != c.frames {
			t.Errorf("%s: %d frames (ok %v), want %d", c.tc, tc.frames(), ok, c.frames)
		}
		if tc.valid() != "" {
			t.Errorf("%s reported invalid: %s", c.tc, tc.valid())
		}
	}
	// Exactness: 00:01:00;02 is frame 1800 = 60.06 s, and one frame after 00:00:59;29.
	doc := Read(sccFile(
		at("00:00:59;29", rcl, pac(15, 0), text("A"), eoc),
		at("00:01:00;02", rcl, pac(15, 0), text("B"), eoc),
		at("00:01:10;00", edm),
	))
	mustCues(t, doc, "A", "B")
	if s := doc.Cues[1].Start - 3*ndf(1); s != cue.Second*6006/100 {
		t.Errorf("00:01:00;02 is at %d flicks, want exactly 60.06 s", s)
	}
	if gap := (doc.Cues[1].Start - doc.Cues[0].Start) - ndf(1); gap != 0 {
		t.Errorf("00:00:59;29 and 00:01:00;02 are %d flicks off one frame apart", gap)
	}
	for _, bad := range []string{"00:01:00;00", "00:01:00;01", "00:00:00;30", "00:60:00;00"} {
		if tc, ok := parseTimecode(bad); !ok || tc.valid() == "" {
			t.Errorf("%s accepted as a real timecode", bad)
		}
	}
	if _, ok := parseTimecode("1:2"); ok {
		t.Error("1:2 parsed as a timecode")
	}
}

func TestImpossibleTimecodeIsReportedAndPlaced(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01;45", rcl, pac(15, 0), text("A"), eoc),
		at("00:00:05;00", edm),
	))
	mustCues(t, doc, "A")
	if countCode(doc, "E000") != 1 || doc.Diagnostics[0].Line != 3 {
		t.Errorf("want one E000 at line 3: %v", doc.Diagnostics)
	}
}

func TestMixedTimecodes(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01;00", rcl, pac(15, 0), text("A"), eoc),
		at("00:00:02;00", edm),
		at("00:00:03:00", rcl, pac(15, 0), text("B"), eoc),
		at("00:00:04:00", edm),
	))
	if countCode(doc, CodeMixedTimecode) != 1 {
		t.Fatalf("want one C004: %v", doc.Diagnostics)
	}
	for _, d := range doc.Diagnostics {
		if d.Rule == CodeMixedTimecode && d.Line != 7 {
			t.Errorf("C004 at line %d, want 7 (first non-drop-frame line)", d.Line)
		}
	}
	if doc := Read(sccFile(at("00:00:01;00", edm), at("00:00:02;00", edm))); countCode(doc, CodeMixedTimecode) != 0 {
		t.Errorf("drop-frame only: %v", doc.Diagnostics)
	}
}

func TestRowTooLong(t *testing.T) {
	long := "This caption row has more than thirty-two characters"
	doc := Read(sccFile(
		at("00:00:01:00", rcl, pac(14, 0), text("short"), pac(15, 0), text(long), eoc),
		at("00:00:05:00", edm),
	))
	mustCues(t, doc, "short\n"+long)
	if countCode(doc, CodeRowTooLong) != 1 || doc.Diagnostics[0].Cue != 1 {
		t.Errorf("want one C001 on cue 1: %v", doc.Diagnostics)
	}
	// Exactly 32 is fine.
	doc = Read(sccFile(at("00:00:01:00", rcl, pac(15, 0), text(strings.Repeat("x", 32)), eoc), at("00:00:05:00", edm)))
	if len(doc.Diagnostics) != 0 {
		t.Errorf("32 characters: %v", doc.Diagnostics)
	}
}

func TestTextPushedPastColumn32(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", rcl, pac(15, 28), to1, text("ABCDEFGH"), eoc),
		at("00:00:05:00", edm),
	))
	mustCues(t, doc, "ABCDEFGH")
	if countCode(doc, CodeBadRowPlacement) != 1 || countCode(doc, CodeRowTooLong) != 0 {
		t.Errorf("want C003 only: %v", doc.Diagnostics)
	}
	if s := doc.Cues[0].Settings; s != "rows=15 cols=29" {
		t.Errorf("settings %q", s)
	}
}

func TestTooManyRows(t *testing.T) {
	words := []string{rcl}
	for r := 11; r <= 15; r++ {
		words = append(words, pac(r, 0), text("row"))
	}
	words = append(words, eoc)
	doc := Read(sccFile(at("00:00:01:00", words...), at("00:00:05:00", edm)))
	if countCode(doc, CodeTooManyRows) != 1 || len(doc.Cues) != 1 || len(doc.Cues[0].Lines) != 5 {
		t.Errorf("want one C002 on a 5-row cue: %v %v", doc.Diagnostics, texts(doc))
	}
}

func TestNeverShownAndNeverErased(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", rcl, pac(15, 0), text("lost"), enm),
		at("00:00:02:00", rcl, pac(15, 0), text("shown"), eoc),
		at("00:00:03:00", rcl, pac(15, 0), text("pending")),
	))
	mustCues(t, doc, "shown")
	if countCode(doc, CodeNeverShown) != 2 || countCode(doc, CodeNeverErased) != 1 {
		t.Fatalf("want two C006 (erased by ENM, file ends) and one C008: %v", doc.Diagnostics)
	}
	// The last line is 6 words (RCL, PAC, 4 text pairs): the data ends at frame 96.
	if end := doc.Cues[0].End; end != ndf(90+6) {
		t.Errorf("never-erased caption ends %v, want the end of the data %v", end, ndf(96))
	}
}

func TestTimecodesNotIncreasing(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:05:00", edm),
		at("00:00:04:00", edm),
		at("00:00:06:00", rcl, rcl, rcl), // 3 words: frames 180-182
		at("00:00:06:01", edm),           // starts while the line before is still being sent
	))
	var lines []int
	for _, d := range doc.Diagnostics {
		if d.Rule == CodeTimecodeOrder {
			lines = append(lines, d.Line)
		}
	}
	if len(lines) != 2 || lines[0] != 5 || lines[1] != 9 {
		t.Errorf("C007 at lines %v, want 5 and 9: %v", lines, doc.Diagnostics)
	}
}

func TestInvalidWordsOneFindingPerLine(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", rcl, "942x", "zz", word(0x16, 0x20), pac(15, 0), text("ok"), eoc),
		at("00:00:02:00", edm),
	))
	mustCues(t, doc, "ok")
	if countCode(doc, CodeInvalidCode) != 1 || !strings.Contains(doc.Diagnostics[0].Message, "3 invalid") {
		t.Errorf("want one C005 naming 3 words: %v", doc.Diagnostics)
	}
	// The bad words still take their frames: the EOC is word 6.
	if doc.Cues[0].Start != ndf(30+6) {
		t.Errorf("start %v, want %v", doc.Cues[0].Start, ndf(36))
	}
}

func TestParityNotedOnce(t *testing.T) {
	// Text written without parity bits: 'H' (0x48) and 'i' (0x69) both have
	// even parity, so all four bytes are counted, in one diagnostic.
	doc := Read(sccFile(at("00:00:01:00", rcl, pac(15, 0), "4869", "6969", eoc), at("00:00:02:00", edm)))
	mustCues(t, doc, "Hiii")
	if countCode(doc, CodeInvalidCode) != 1 || !strings.Contains(doc.Diagnostics[0].Message, "4 byte") {
		t.Errorf("want one parity note counting 4 bytes: %v", doc.Diagnostics)
	}
}

func TestOtherChannelsAreSkippedAndCounted(t *testing.T) {
	rcl2 := word(0x1C, 0x20)
	doc := Read(sccFile(
		at("00:00:01:00", rcl2, word(0x1C, 0x70), text("CC2 text"), word(0x1C, 0x2F),
			rcl, pac(15, 0), text("CC1"), eoc),
		at("00:00:02:00", edm),
	))
	mustCues(t, doc, "CC1")
	if countCode(doc, CodeOtherChannelData) != 1 {
		t.Errorf("want one C009: %v", doc.Diagnostics)
	}
}

func TestHeader(t *testing.T) {
	body := "00:00:01:00\t" + strings.Join([]string{rcl, pac(15, 0), text("A"), eoc}, " ") + "\n"
	doc := Read("\n" + body)
	mustCues(t, doc, "A")
	if countCode(doc, "E000") != 1 || !strings.Contains(doc.Diagnostics[0].Message, "missing") {
		t.Errorf("want a missing-header E000: %v", doc.Diagnostics)
	}
	if doc := Read("Scenarist_SCC V1.0\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n")); countCode(doc, "E000") != 0 || len(doc.Cues) != 1 {
		t.Errorf("CRLF file: %v %v", texts(doc), doc.Diagnostics)
	}
	if doc := Read(""); countCode(doc, "E000") != 1 {
		t.Errorf("empty input: %v", doc.Diagnostics)
	}
	if doc := Read("Scenarist_SCC V1.0\n\nnot a caption line\n"); countCode(doc, "E000") != 1 || doc.Diagnostics[0].Line != 3 {
		t.Errorf("garbage line: %v", doc.Diagnostics)
	}
}

func TestRollUpBaseRowTooHigh(t *testing.T) {
	doc := Read(sccFile(
		at("00:00:01:00", ru3, cr, pac(1, 0), text("TOP")),
		at("00:00:02:00", edm),
	))
	mustCues(t, doc, "TOP")
	if countCode(doc, CodeBadRowPlacement) != 1 {
		t.Errorf("want C003 for RU3 on row 1: %v", doc.Diagnostics)
	}
	// 0x10 0x60-0x7F would be "row 12" of the 0x10 pair, which CEA-608 leaves undefined.
	doc = Read(sccFile(at("00:00:01:00", rcl, word(0x10, 0x70), text("x"), eoc), at("00:00:02:00", edm)))
	if countCode(doc, CodeBadRowPlacement) != 1 {
		t.Errorf("want C003 for an undefined PAC row: %v", doc.Diagnostics)
	}
}

func TestDiagnosticOffsetsPointAtTheWord(t *testing.T) {
	src := sccFile(at("00:00:01:00", rcl, "9x9x", eoc))
	doc := Read(src)
	for _, d := range doc.Diagnostics {
		if d.Rule == CodeInvalidCode && !strings.HasPrefix(src[d.Offset:], "9x9x") {
			t.Errorf("offset %d points at %q", d.Offset, src[d.Offset:])
		}
	}
}
