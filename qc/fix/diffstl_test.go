package fix

import (
	"bytes"
	"strings"
	"testing"
)

// stlFile is a GSI block (code table 00) and one TTI block per text.
func stlFile(texts ...string) []byte {
	gsi := bytes.Repeat([]byte{' '}, gsiSize)
	copy(gsi, "850STL25.01 00")
	out := gsi
	for i, t := range texts {
		b := make([]byte, ttiSize)
		b[1], b[3] = byte(i+1), 0xFF
		copy(b[5:13], []byte{0, 0, byte(i + 1), 0, 0, 0, byte(i + 2), 0})
		copy(b[tfStart:], bytes.Repeat([]byte{0x8F}, ttiSize-tfStart))
		copy(b[tfStart:], t)
		out = append(out, b...)
	}
	return out
}

func TestDiffSTLShowsBlocksAsText(t *testing.T) {
	a := stlFile("\x0d\x8a\x8aOne\x8aline two", "Two", "Three")
	b := bytes.Clone(a)
	at := gsiSize + ttiSize // block 2
	b[at+12] = 10           // its out-time frames
	copy(b[at+tfStart:], "Tw!")
	var out strings.Builder
	if err := Diff(&out, &File{Path: "x.stl", Format: "stl", Original: a, Fixed: b}); err != nil {
		t.Fatal(err)
	}
	want := `--- a/x.stl
+++ b/x.stl
@@ TTI block 2, subtitle 2 @@
-00:00:02:00 --> 00:00:03:00
+00:00:02:00 --> 00:00:03:10
-Two
+Tw!
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	// A timing change alone keeps the text as context; bytes no line shows
	// (here the GSI) are in hex.
	b = bytes.Clone(a)
	b[gsiSize+12] = 20
	b[15] = '1'
	out.Reset()
	Diff(&out, &File{Path: "x.stl", Format: "stl", Original: a, Fixed: b})
	want = `--- a/x.stl
+++ b/x.stl
@@ GSI header @@
-0000h 38 35 30 53 54 4C 32 35 2E 30 31 20 30 30 20 20
+0000h 38 35 30 53 54 4C 32 35 2E 30 31 20 30 30 20 31
@@ TTI block 1, subtitle 1 @@
-00:00:01:00 --> 00:00:02:00
+00:00:01:00 --> 00:00:02:20
 <0Dh>
 One
 line two
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	if s := out.String(); strings.IndexByte(s, 0x00) >= 0 || strings.IndexByte(s, 0x8f) >= 0 { // STL's filler and unused bytes
		t.Errorf("raw bytes in the diff: %q", out.String())
	}
}

func TestDiffDecodesLegacyText(t *testing.T) {
	// UTF-16LE with a BOM, transcoded to UTF-8 and one word changed.
	src := "1\n00:00:01,000 --> 00:00:02,000\nCafé\n"
	var u16 []byte
	u16 = append(u16, 0xFF, 0xFE)
	for _, r := range src {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	fixed := "\ufeff" + strings.Replace(src, "Café", "Café!", 1)
	var out strings.Builder
	Diff(&out, &File{Path: "x.srt", Format: "srt", Encoding: "UTF-16LE", Original: u16, Fixed: []byte(fixed)})
	want := `# x.srt is UTF-16LE; shown decoded as UTF-8 (the copy is UTF-8)
--- a/x.srt
+++ b/x.srt
@@ -1,3 +1,3 @@
 ` + "\ufeff" + `1
 00:00:01,000 --> 00:00:02,000
-Café
+Café!
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestTrimCommonKeepsCharactersWhole(t *testing.T) {
	for _, c := range []struct{ a, b, wa, wb string }{
		{"Non !! Oui<8Fh>", "Non ! Oui<8Fh>", "!", ""},
		{"Bonjour ?", "Bonjour\u00a0?", " ", "\u00a0"},
		{"cafe\u0301 ?", "cafe ?", "e\u0301", "e"}, // the mark stays with its letter
		{"a<0Ah>b", "a<0Bh>b", "<0Ah>", "<0Bh>"},   // a control code is one character
		{"same", "same", "", ""},
	} {
		if ga, gb := trimCommon(c.a, c.b); ga != c.wa || gb != c.wb {
			t.Errorf("trimCommon(%q, %q) = %q, %q; want %q, %q", c.a, c.b, ga, gb, c.wa, c.wb)
		}
	}
}

// A file whose last block is cut short is still shown, in hex.
func TestDiffSTLShortBlockInHex(t *testing.T) {
	a := append(stlFile("One"), 1, 2, 3)
	b := append(stlFile("One"), 1, 9)
	var out strings.Builder
	Diff(&out, &File{Path: "x.stl", Format: "stl", Original: a, Fixed: b})
	want := "--- a/x.stl\n+++ b/x.stl\n@@ TTI block 2 (incomplete) @@\n-0480h 01 02 03\n+0480h 01 09\n"
	if out.String() != want {
		t.Errorf("got\n%q\nwant\n%q", out.String(), want)
	}
}

// A file named by an absolute path gets the headers git gives it: "a/tmp/x.srt",
// not "a//tmp/x.srt", which patch -p1 would not find.
func TestDiffHeadersOfAnAbsolutePath(t *testing.T) {
	var out strings.Builder
	src := "1\n00:00:01,000 --> 00:00:02,000\nHi\n"
	Diff(&out, &File{Path: "/tmp/ep/x.srt", Format: "srt", Original: []byte(src), Fixed: []byte(strings.Replace(src, "Hi", "Hi.", 1))})
	if !strings.HasPrefix(out.String(), "--- a/tmp/ep/x.srt\n+++ b/tmp/ep/x.srt\n") {
		t.Errorf("headers:\n%s", out.String())
	}
}
