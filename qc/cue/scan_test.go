package cue

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// scannedLine is what LineScanner reports for one line.
type scannedLine struct {
	text         string
	line, offset int
}

// referenceLines splits src the way the readers' line numbers are defined,
// one byte at a time: LF, CRLF and a lone CR each end a line, a leading
// UTF-8 BOM is not text, and text after the last terminator is a line.
func referenceLines(src string) []scannedLine {
	var out []scannedLine
	pos := 0
	if strings.HasPrefix(src, "\uFEFF") {
		pos = 3
	}
	for pos < len(src) {
		end := pos
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
		}
		out = append(out, scannedLine{src[pos:end], len(out) + 1, pos})
		switch {
		case end+1 < len(src) && src[end] == '\r' && src[end+1] == '\n':
			pos = end + 2
		default:
			pos = end + 1
		}
	}
	return out
}

func scanAll(src string) []scannedLine {
	var out []scannedLine
	for s := NewLineScanner(src); s.Scan(); {
		out = append(out, scannedLine{s.Text(), s.Line(), int(s.Offset())})
	}
	return out
}

// indexAll is scanAll through IndexLines, which splits in a loop of its own.
func indexAll(src string) []scannedLine {
	x := IndexLines(src)
	var out []scannedLine
	for i := range x.Len() {
		out = append(out, scannedLine{x.Text(i), i + 1, int(x.Offset(i))})
	}
	return out
}

// Every mix of line ends splits as the definition of a line says, in the
// scanner and in the index:
// lone CRs among LFs, CRLF, CR at the end, runs of empty lines, a BOM.
func TestLineScannerSplitsEveryMixOfLineEnds(t *testing.T) {
	cases := []string{
		"", "a", "a\n", "a\r", "a\r\n", "\n", "\r", "\r\n", "\r\r\n\n", "\n\r",
		"one\ntwo\r\nthree\rfour", "one\rtwo\rthree\n", "\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n",
		"\uFEFF", "x\r\r\r\ny", strings.Repeat("old mac\r", 1000),
	}
	rng := rand.New(rand.NewPCG(14, 1))
	pieces := []string{"\n", "\r", "\r\n", "a", "text of a cue ", "é", "", "\uFEFF", "--> ", "\n\n", "\t", "\x0b\x0c", "\x00",
		"00:00:01,000 --> 00:00:02,000", "a longer line of dialogue, forty bytes"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, src := range cases {
		if got, want := scanAll(src), referenceLines(src); !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", src, got, want)
		}
		if got, want := indexAll(src), referenceLines(src); !slices.Equal(got, want) {
			t.Fatalf("IndexLines %q:\n got %+v\nwant %+v", src, got, want)
		}
	}
}

// IndexLines records the same lines the scanner reports.
func TestIndexLinesMatchesScanner(t *testing.T) {
	src := "1\r\n00:00:01,000 --> 00:00:02,000\r\nHello\rthere\n\nlast"
	x := IndexLines(src)
	want := referenceLines(src)
	if x.Len() != len(want) {
		t.Fatalf("%d lines, want %d", x.Len(), len(want))
	}
	for i, w := range want {
		if x.Text(i) != w.text || x.Offset(i) != int64(w.offset) {
			t.Errorf("line %d: %q at %d, want %q at %d", i, x.Text(i), x.Offset(i), w.text, w.offset)
		}
	}
}

// go test ./qc/cue -run '^$' -bench LineScanner -cpu 1 (index-*: IndexLines,
// which splits the whole text in one walk)
func BenchmarkLineScanner(b *testing.B) {
	var sb strings.Builder
	for i := range 700 {
		sb.WriteString("12\n00:00:01,000 --> 00:00:02,000\n- A line of dialogue, not too long.\n")
		if i%3 == 0 {
			sb.WriteString("- And a second one.\n")
		}
		sb.WriteString("\n")
	}
	for _, eol := range []string{"LF", "CRLF"} {
		src := sb.String()
		if eol == "CRLF" {
			src = strings.ReplaceAll(src, "\n", "\r\n")
		}
		b.Run("index-"+eol, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if x := IndexLines(src); x.Len() == 0 {
					b.Fatal("no lines")
				}
			}
		})
		b.Run(eol, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				n := 0
				for s := NewLineScanner(src); s.Scan(); {
					n += len(s.Text())
				}
				if n == 0 {
					b.Fatal("no text")
				}
			}
		})
	}
}

// Join's copies (lines not separated by a plain LF) share blocks: every
// text joined earlier still reads the same after many more joins, through
// the index and through a copy of it, across block boundaries.
func TestJoinCopiesStayIntact(t *testing.T) {
	var sb strings.Builder
	for i := range 3000 {
		sb.WriteString("cue " + strings.Repeat("x", i%97) + "\r\nsecond line\r\n")
	}
	x := IndexLines(sb.String())
	y := x // a copy joins into the same blocks
	type joined struct{ got, want string }
	var all []joined
	for i := 0; i+1 < x.Len(); i += 2 {
		ix := &x
		if i%4 == 0 {
			ix = &y
		}
		all = append(all, joined{ix.Join(i, i+2), x.Text(i) + "\n" + x.Text(i+1)})
	}
	all = append(all, joined{x.Join(0, x.Len()), strings.ReplaceAll(strings.TrimSuffix(sb.String(), "\r\n"), "\r\n", "\n")})
	for i, j := range all {
		if j.got != j.want {
			t.Fatalf("join %d reads %q, want %q", i, j.got, j.want)
		}
	}
	if lf := IndexLines("a\nb\nc"); lf.Join(0, 3) != "a\nb\nc" || lf.joined != nil {
		t.Errorf("LF-separated lines are a substring of the source, not a copy")
	}
}

// Plain is false exactly for the lines a markup decoder must read: with a
// tag, a character reference, an override block or a NUL (a tab is no
// mark: the decoder takes it as it is too); any
// range holding one such line is not plain. Lines past the 64th test the
// marks beyond their first word.
func TestPlainMarksLinesWithMarkupOrNUL(t *testing.T) {
	lines := []struct {
		text  string
		plain bool
	}{
		{"\ufeffplain first line", true},
		{"<i>tag</i>", false},
		{"plain à é 한국어", true},
		{"fish &amp; chips", false},
		{"{\\an8}top", false},
		{"tab\there", true},
		{"nul\x00byte", false},
		{"", true},
		{"a > b", true},
		{"ends with <", false},
	}
	var b strings.Builder
	for range 8 { // past the first word of marks
		for _, l := range lines {
			b.WriteString(l.text + "\r\n")
		}
	}
	x := IndexLines(b.String())
	if x.Len() != 8*len(lines) {
		t.Fatalf("%d lines, want %d", x.Len(), 8*len(lines))
	}
	for i := range x.Len() {
		if got, want := x.Plain(i, i+1), lines[i%len(lines)].plain; got != want {
			t.Errorf("line %d %q: Plain %v, want %v", i, x.Text(i), got, want)
		}
	}
	if x.Plain(0, 3) || !x.Plain(2, 3) || !x.Plain(7, 9) || x.Plain(7, 10) {
		t.Error("a range is plain only when all its lines are")
	}
}

// lineAt finds the line holding any byte from any line it starts from,
// as a walk line by line does.
func TestLineAtAsAWalk(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		b.WriteString(strings.Repeat("x", i%7) + "\n")
	}
	x := IndexLines(b.String())
	for from := 0; from < x.Len(); from += 13 {
		for p := int(x.lines[from].off); p < b.Len(); p++ {
			want := from
			for want+1 < x.Len() && int(x.lines[want+1].off) <= p {
				want++
			}
			if got := lineAt(x.lines, from, p); got != want {
				t.Fatalf("from line %d, byte %d: line %d, want %d", from, p, got, want)
			}
		}
	}
}

// Join of a text without CRs (a substring, taken without testing the
// line ends) equals the general join, for every range of lines of random
// texts; texts with CRs take the general join and equal the lines joined
// by "\n".
func TestJoinOfLFTextsAsTheGeneralJoin(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 3))
	pieces := []string{"\n", "\n\n", "a", "text of a cue ", "é", "\uFEFF", "\x00", "<i>", "\t", "\r", "\r\n"}
	for round := range 1500 {
		var b strings.Builder
		for range rng.IntN(30) {
			p := pieces[rng.IntN(len(pieces))]
			if round%2 == 0 && strings.Contains(p, "\r") {
				continue // half the texts hold no CR
			}
			b.WriteString(p)
		}
		src := b.String()
		x := IndexLines(src)
		if x.noCR != !strings.Contains(src, "\r") {
			t.Fatalf("%q: noCR %v", src, x.noCR)
		}
		for a := 0; a <= x.Len(); a++ {
			for e := a; e <= x.Len(); e++ {
				var want string
				if a < e {
					want = x.joinLines(a, e)
				}
				texts := make([]string, 0, e-a)
				for k := a; k < e; k++ {
					texts = append(texts, x.Text(k))
				}
				if got := x.Join(a, e); got != want || got != strings.Join(texts, "\n") {
					t.Fatalf("%q: Join(%d, %d) = %q, want %q", src, a, e, got, want)
				}
			}
		}
	}
}

// The split of texts without CRs (LFs alone) gives the general split's
// lines, for random texts of LFs, runs of them, the controls next to LF
// (0x09, 0x0B after an LF, which the word test may flag, 0x0C), NULs and
// a BOM, from the start and past it.
func TestLFSplitAsTheGeneralSplit(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	pieces := []string{"\n", "\n\n", "\n\x0b", "\x0b", "\t", "\x0c", "\x00", "a", "\uFEFF", "é",
		"00:00:01,000 --> 00:00:02,000", "a longer line of dialogue, forty bytes", "\x7f\x80\xff"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		for _, start := range []int{0, min(3, len(src))} {
			got, want := appendLFLines(nil, src, start), appendLines(nil, src, start)
			if !slices.Equal(got, want) {
				t.Fatalf("%q from %d:\n got %v\nwant %v", src, start, got, want)
			}
		}
		if got, want := indexAll(src), referenceLines(src); !slices.Equal(got, want) {
			t.Fatalf("IndexLines %q:\n got %+v\nwant %+v", src, got, want)
		}
	}
}
