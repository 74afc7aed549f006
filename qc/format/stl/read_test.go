package stl

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"golang.org/x/text/unicode/norm"
)

func diagsOf(doc *cue.Document, code string) []cue.Diagnostic {
	var out []cue.Diagnostic
	for _, d := range doc.Diagnostics {
		if d.Rule == code {
			out = append(out, d)
		}
	}
	return out
}

func onlyCue(t *testing.T, doc *cue.Document) *cue.Cue {
	t.Helper()
	if len(doc.Cues) != 1 {
		t.Fatalf("want 1 cue, got %d: %+v", len(doc.Cues), doc.Cues)
	}
	return &doc.Cues[0]
}

func lineTexts(c *cue.Cue) []string {
	var s []string
	for _, l := range c.Lines {
		s = append(s, l.Text)
	}
	return s
}

func TestISO6937Diacritics(t *testing.T) {
	// é ñ ř ő, each a diacritic byte (acute C2h, tilde C4h, caron CFh,
	// double acute CDh) followed by its base letter.
	data := newSTL(t).sub(1, tc(0, 0, 1, 0), tc(0, 0, 3, 0),
		txt(0xC2, "e ", 0xC4, "n ", 0xCF, "r ", 0xCD, "o")...).bytes()
	c := onlyCue(t, Read(data))
	got := c.Text()
	if got != "é ñ ř ő" {
		t.Errorf("text = %q (% x), want \"é ñ ř ő\"", got, got)
	}
	if !norm.NFC.IsNormalString(got) || strings.ContainsAny(got, "\u0301\u0303\u030c\u030b") {
		t.Errorf("text %q is not precomposed NFC", got)
	}
}

func TestISO6937SpecialPositions(t *testing.T) {
	// 24h is the currency sign in the Tech 3264 table and A4h the dollar;
	// a diacritic before a space is the spacing accent (the space is part of
	// it); J with acute has no precomposed form and stays J + U+0301.
	data := newSTL(t).sub(1, tc(0, 0, 1, 0), tc(0, 0, 3, 0),
		txt("\x24", 0xA4, " ", 0xC2, " ", 0xC2, "J ", 0xD5, 0xE3)...).bytes()
	c := onlyCue(t, Read(data))
	if want := "¤$ ´J\u0301 ♪ª"; c.Text() != want {
		t.Errorf("text = %q, want %q", c.Text(), want)
	}
}

func TestCyrillicAndGreekTables(t *testing.T) {
	// "Привет" in ISO 8859-5 (CCT 01) and "Καλή" in ISO 8859-7 (CCT 03).
	ru := newSTL(t).set("CCT", "01").set("LC", "56").
		sub(1, tc(0, 0, 1, 0), tc(0, 0, 3, 0), 0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2).bytes()
	doc := Read(ru)
	if got := onlyCue(t, doc).Text(); got != "Привет" {
		t.Errorf("CCT 01 text = %q, want Привет", got)
	}
	if doc.Language != "ru" {
		t.Errorf("language = %q, want ru (LC 56)", doc.Language)
	}
	el := newSTL(t).set("CCT", "03").
		sub(1, tc(0, 0, 1, 0), tc(0, 0, 3, 0), 0xCA, 0xE1, 0xEB, 0xDE).bytes()
	if got := onlyCue(t, Read(el)).Text(); got != "Καλή" {
		t.Errorf("CCT 03 text = %q, want Καλή", got)
	}
}

func TestExtensionBlocksJoined(t *testing.T) {
	in, out := tc(0, 0, 5, 0), tc(0, 0, 7, 0)
	data := newSTL(t).
		block(tti{sgn: 1, sn: 7, ebn: 0x00, in: in, out: out, text: txt(0x0D, 0x0B, 0x0B, "Hello ")}).
		block(tti{sgn: 1, sn: 7, ebn: 0xFE, in: in, out: out, text: txt("user data, not text")}).
		block(tti{sgn: 1, sn: 7, ebn: 0x01, in: in, out: out, text: txt("big")}).
		block(tti{sgn: 1, sn: 7, ebn: 0xFF, in: in, out: out, text: txt(" world", 0x0A, 0x0A)}).
		sub(8, tc(0, 0, 8, 0), tc(0, 0, 9, 0), txt("Next")...).
		bytes()
	doc := Read(data)
	if len(doc.Cues) != 2 {
		t.Fatalf("want 2 cues (extension blocks joined, user data skipped), got %d", len(doc.Cues))
	}
	c := doc.Cues[0]
	if c.ID != "7" || c.Text() != "Hello big world" || c.Line != 1 || c.Offset != 1024 {
		t.Errorf("joined cue = id %q text %q line %d offset %d; want 7, \"Hello big world\", 1, 1024",
			c.ID, c.Text(), c.Line, c.Offset)
	}
	if n := doc.Cues[1]; n.Line != 5 || n.Offset != 1024+4*128 || n.Index != 2 {
		t.Errorf("second cue line %d offset %d index %d; want block 5 at 1536, index 2", n.Line, n.Offset, n.Index)
	}
	if len(doc.Diagnostics) != 0 {
		t.Errorf("unexpected diagnostics: %+v", doc.Diagnostics)
	}
}

func TestBrokenExtensionChain(t *testing.T) {
	data := newSTL(t).
		block(tti{sn: 1, ebn: 0x00, in: tc(0, 0, 1, 0), out: tc(0, 0, 2, 0), text: txt("Orphan")}).
		sub(2, tc(0, 0, 3, 0), tc(0, 0, 4, 0), txt("Whole")...).
		block(tti{sn: 3, ebn: 0x00, in: tc(0, 0, 5, 0), out: tc(0, 0, 6, 0), text: txt("Cut off")}).
		bytes()
	doc := Read(data)
	if got := len(doc.Cues); got != 3 {
		t.Fatalf("want 3 cues (text of broken chains kept), got %d", got)
	}
	if doc.Cues[0].Text() != "Orphan" || doc.Cues[2].Text() != "Cut off" {
		t.Errorf("texts %q, %q", doc.Cues[0].Text(), doc.Cues[2].Text())
	}
	e := diagsOf(doc, "")
	if len(e) != 2 || e[0].Cue != 1 || e[1].Cue != 3 {
		t.Errorf("want E000 at cues 1 and 3, got %+v", e)
	}
}

func TestCommentFlag(t *testing.T) {
	long := strings.Repeat("x", 50)
	data := newSTL(t).
		block(tti{sn: 1, ebn: 0xFF, cf: 1, in: tc(0, 0, 1, 0), out: tc(0, 0, 2, 0), text: txt("Note: " + long)}).
		sub(2, tc(0, 0, 3, 0), tc(0, 0, 4, 0), txt("Shown")...).
		bytes()
	doc := Read(data)
	if len(doc.Cues) != 2 || !doc.Cues[0].Comment || doc.Cues[1].Comment {
		t.Fatalf("comment flags = %v; want first cue a comment, second not", doc.Cues)
	}
	if got := diagsOf(doc, CodeRowTooLong); len(got) != 0 {
		t.Errorf("a comment is not displayed, its row length must not be checked: %+v", got)
	}
}

func TestItalicsAndUnderlineSpans(t *testing.T) {
	data := newSTL(t).set("DSC", "0").sub(1, tc(0, 0, 1, 0), tc(0, 0, 3, 0),
		txt(0x80, "Hello", 0x81, ", ", 0x82, "world", 0x83, 0x8A, 0x80, "one", 0x8A, "two", 0x81)...).bytes()
	c := onlyCue(t, Read(data))
	if got := lineTexts(c); len(got) != 3 || got[0] != "Hello, world" || got[1] != "one" || got[2] != "two" {
		t.Fatalf("lines = %q; want [Hello, world] [one] [two] (style codes take no space)", got)
	}
	want0 := []cue.Span{{Start: 0, End: 5, Style: cue.Italic}, {Start: 7, End: 12, Style: cue.Underline}}
	if !equalSpans(c.Lines[0].Spans, want0) {
		t.Errorf("line 1 spans = %+v, want %+v", c.Lines[0].Spans, want0)
	}
	// Italics switched on in row 2 carry into row 3 until switched off.
	for i := 1; i < 3; i++ {
		want := []cue.Span{{Start: 0, End: 3, Style: cue.Italic}}
		if !equalSpans(c.Lines[i].Spans, want) {
			t.Errorf("line %d spans = %+v, want %+v", i+1, c.Lines[i].Spans, want)
		}
	}
	if !c.Lines[2].Italic() {
		t.Error("line 3 should report italic")
	}
}

func equalSpans(a, b []cue.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLineBreaksAndTeletextCodes(t *testing.T) {
	// Teletext double height: each row wrapped in 0Dh 0Bh 0Bh … 0Ah 0Ah,
	// rows separated by 8Ah 8Ah and padded with spaces; a colour code
	// between two words reads as a space.
	data := newSTL(t).sub(1, tc(0, 0, 1, 0), tc(0, 0, 3, 0),
		txt("   ", 0x0D, 0x0B, 0x0B, "Line one", 0x0A, 0x0A, "  ", 0x8A, 0x8A,
			0x0D, 0x06, 0x0B, 0x0B, "Black", 0x01, "red", 0x0A, 0x0A, 0x8A, 0x8A)...).bytes()
	c := onlyCue(t, Read(data))
	if got := lineTexts(c); len(got) != 2 || got[0] != "Line one" || got[1] != "Black red" {
		t.Errorf("lines = %q; want [Line one] [Black red]", got)
	}
}

func TestUnknownDFC(t *testing.T) {
	data := newSTL(t).set("DFC", "STL99.01").sub(1, tc(0, 0, 1, 12), tc(0, 0, 2, 0), txt("x")...).bytes()
	doc := Read(data)
	if !doc.FrameRate.IsZero() {
		t.Errorf("frame rate = %v; an unknown DFC must not declare one", doc.FrameRate)
	}
	if got := diagsOf(doc, CodeUnknownFrameRate); len(got) != 1 || !strings.Contains(got[0].Message, "STL99.01") {
		t.Errorf("want one S005 naming the DFC, got %+v", got)
	}
	if len(diagsOf(doc, CodeNonstandardFrameRate)) != 0 {
		t.Error("an unknown DFC is S005, not also S009")
	}
	// Times are still computed, at 25 fps: 1 s + 12 frames = 1.48 s.
	if want := cue.Second + 12*cue.Second/25; doc.Cues[0].Start != want {
		t.Errorf("start = %v, want %v", doc.Cues[0].Start, want)
	}
}

func TestFrameRates(t *testing.T) {
	for _, tt := range []struct {
		dfc      string
		rate     cue.FrameRate
		standard bool
	}{
		{"STL25.01", cue.FrameRate{Num: 25, Den: 1}, true},
		{"STL30.01", cue.FrameRate{Num: 30, Den: 1}, true},
		{"STL23.01", cue.FrameRate{Num: 24000, Den: 1001}, false},
		{"STL24.01", cue.FrameRate{Num: 24, Den: 1}, false},
		{"STL29.01", cue.FrameRate{Num: 30000, Den: 1001}, false},
		{"STL50.01", cue.FrameRate{Num: 50, Den: 1}, false},
	} {
		data := newSTL(t).set("DFC", tt.dfc).sub(1, tc(1, 2, 3, 12), tc(1, 2, 4, 0), txt("x")...).bytes()
		doc := Read(data)
		if doc.FrameRate != tt.rate {
			t.Errorf("%s: frame rate %v, want %v", tt.dfc, doc.FrameRate, tt.rate)
		}
		if got := len(diagsOf(doc, CodeNonstandardFrameRate)) == 0; got != tt.standard {
			t.Errorf("%s: S009 reported = %v, want %v", tt.dfc, !got, !tt.standard)
		}
		// 01:02:03 plus 12 frames, exact in flicks.
		want := cue.Time(3723)*cue.Second + tt.rate.Frames(12)
		if doc.Cues[0].Start != want {
			t.Errorf("%s: start %d flicks, want %d", tt.dfc, doc.Cues[0].Start, want)
		}
		if doc.TimePrecision != tt.rate.Frames(1) {
			t.Errorf("%s: time precision %v, want one frame", tt.dfc, doc.TimePrecision)
		}
		if want := strings.ToLower(tt.dfc); doc.Profile != want {
			t.Errorf("profile %q, want %q", doc.Profile, want)
		}
	}
}

func TestInvalidTimecode(t *testing.T) {
	data := newSTL(t).sub(1, tc(0, 0, 1, 27), tc(0, 61, 2, 0), txt("x")...).bytes()
	doc := Read(data)
	if got := diagsOf(doc, CodeTimecodeInvalid); len(got) != 2 {
		t.Errorf("want S008 for frame 27 at 25 fps and for minute 61, got %+v", got)
	}
}

func TestBlockCountMismatch(t *testing.T) {
	data := newSTL(t).set("TNB", "00005").set("TNS", "3    ").set("TNG", "002").
		sub(1, tc(0, 0, 1, 0), tc(0, 0, 2, 0), txt("a")...).
		sub(2, tc(0, 0, 3, 0), tc(0, 0, 4, 0), txt("b")...).bytes()
	doc := Read(data)
	got := diagsOf(doc, CodeBlockCountMismatch)
	if len(got) != 3 {
		t.Fatalf("want S002 for TNB, TNS and TNG, got %+v", got)
	}
	if !strings.Contains(got[0].Message, "5") || !strings.Contains(got[0].Message, "2") {
		t.Errorf("TNB message should give both counts: %q", got[0].Message)
	}
	// Consistent counts, written space-padded on either side, are fine.
	ok := newSTL(t).set("TNB", "    1").set("TNS", "1    ").
		sub(1, tc(0, 0, 1, 0), tc(0, 0, 2, 0), txt("a")...).bytes()
	if got := Read(ok).Diagnostics; len(got) != 0 {
		t.Errorf("space-padded counts flagged: %+v", got)
	}
}

func TestRowLongerThanMNC(t *testing.T) {
	data := newSTL(t).set("MNC", "10").set("MNR", "02").sub(3, tc(0, 0, 1, 0), tc(0, 0, 2, 0),
		txt(0x0D, 0x0B, 0x0B, "Ten chars!", 0x0A, 0x0A, 0x8A, 0x8A, 0x0D, 0x0B, 0x0B, "Eleven char", 0x8A, "x")...).bytes()
	doc := Read(data)
	got := diagsOf(doc, CodeRowTooLong)
	if len(got) != 1 || !strings.Contains(got[0].Message, "row 2") || got[0].Cue != 1 || got[0].Line != 1 {
		t.Errorf("want one S003 for row 2 of cue 1 (control codes not counted), got %+v", got)
	}
	if rows := diagsOf(doc, CodeTooManyRows); len(rows) != 1 {
		t.Errorf("3 rows with MNR 2: want one S007, got %+v", rows)
	}
}

func TestCueBeforeProgramme(t *testing.T) {
	build := func(tcs string) []byte {
		return newSTL(t).set("TCP", "10000000").set("TCS", tcs).
			sub(1, tc(9, 59, 59, 24), tc(10, 0, 1, 0), txt("early")...).
			sub(2, tc(10, 0, 2, 0), tc(10, 0, 3, 0), txt("on time")...).bytes()
	}
	doc := Read(build("1"))
	got := diagsOf(doc, CodeCueBeforeProgramme)
	if len(got) != 1 || got[0].Cue != 1 || !strings.Contains(got[0].Message, "10:00:00:00") {
		t.Errorf("want one S004 at cue 1 naming TCP, got %+v", got)
	}
	if doc.Cues[0].Start != 10*cue.Hour-cue.Second/25 {
		t.Errorf("TCP must not be subtracted: start = %v", doc.Cues[0].Start)
	}
	if got := diagsOf(Read(build("0")), CodeCueBeforeProgramme); len(got) != 0 {
		t.Errorf("TCS 0 says the timecodes are not for use; no S004 expected, got %+v", got)
	}
}

func TestTruncatedFile(t *testing.T) {
	data := newSTL(t).sub(1, tc(0, 0, 1, 0), tc(0, 0, 2, 0), txt("kept")...).
		sub(2, tc(0, 0, 3, 0), tc(0, 0, 4, 0), txt("lost")...).bytes()
	data = data[:len(data)-91] // 37 bytes of block 2 remain
	doc := Read(data)
	if len(doc.Cues) != 1 || doc.Cues[0].Text() != "kept" {
		t.Fatalf("complete blocks must still be read: %+v", doc.Cues)
	}
	got := diagsOf(doc, CodeTruncated)
	if len(got) != 1 || got[0].Line != 2 || got[0].Offset != 1024+128 {
		t.Errorf("want S006 at block 2 (offset 1152), got %+v", got)
	}
}

func TestNotSTL(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 2000)...)
	srt := []byte(strings.Repeat("1\n00:00:01,000 --> 00:00:02,000\nHello\n\n", 40))
	for name, data := range map[string][]byte{"empty": nil, "short": []byte("850STL25.01"), "png": png, "srt": srt} {
		doc := Read(data)
		if len(doc.Cues) != 0 || len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Rule != "" {
			t.Errorf("%s: want no cues and one E000, got %d cues, %+v", name, len(doc.Cues), doc.Diagnostics)
		}
		if doc.Format != "stl" {
			t.Errorf("%s: format %q", name, doc.Format)
		}
		if _, err := ReadHeader(data); err == nil {
			t.Errorf("%s: ReadHeader accepted it", name)
		}
	}
}

func TestUndefinedCharacter(t *testing.T) {
	data := newSTL(t).sub(4, tc(0, 0, 1, 0), tc(0, 0, 2, 0), txt("a", 0xD8, "b")...).bytes()
	doc := Read(data)
	if got := onlyCue(t, doc).Text(); got != "a\uFFFDb" {
		t.Errorf("text %q, want a U+FFFD b", got)
	}
	if e := diagsOf(doc, ""); len(e) != 1 || !strings.Contains(e[0].Message, "D8h") {
		t.Errorf("want one E000 naming byte D8h, got %+v", e)
	}
}

func TestHeaderFields(t *testing.T) {
	data := newSTL(t).set("OPT", "Caf\x82 \x9c").set("LC", "0F").set("TCP", "10000512").
		set("CPN", "850").set("MNC", "38").set("DSC", "0").
		sub(1, tc(0, 0, 1, 0), tc(0, 0, 2, 0), txt("x")...).bytes()
	h, err := ReadHeader(data)
	if err != nil {
		t.Fatal(err)
	}
	// Code page 850: 82h is é and 9Ch is £.
	if h.OPT != "Café £" || h.Language != "fr" || h.MNC != 38 || h.DSC != '0' {
		t.Errorf("header = OPT %q lang %q MNC %d DSC %q", h.OPT, h.Language, h.MNC, h.DSC)
	}
	if want := 10*cue.Hour + 5*cue.Second + 12*cue.Second/25; !h.TCPValid || h.TCP != want {
		t.Errorf("TCP = %v (valid %v), want %v", h.TCP, h.TCPValid, want)
	}
	if v, _ := h.Field("OPT"); len([]rune(v)) != 32 {
		t.Errorf("Field keeps the padding: %q", v)
	}
	var zero Header
	if v, ok := zero.Field("OPT"); !ok || len(v) != 32 {
		t.Errorf("zero Header Field(OPT) = %q, %v", v, ok)
	}
	bad := newSTL(t).set("CPN", "ABC").set("DSC", "7").set("CCT", "09").set("LC", "ZZ").
		set("TCS", "x").set("TCP", "25000000").set("MNR", "ab").set("CD", "241399").bytes()
	doc := Read(bad)
	if got := len(diagsOf(doc, CodeHeaderInvalid)); got != 8 {
		t.Errorf("want 8 S001 (CPN DSC CCT LC TCS TCP MNR CD), got %d: %+v", got, doc.Diagnostics)
	}
}
