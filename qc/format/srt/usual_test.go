package srt

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/cuetest"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// sameReading fails t unless Read (through readUsual) and the general
// reading alone make the same document of text: every cue with its
// lines, spans and source ranges, and every diagnostic. Both documents
// are recycled afterwards, so that the next texts are read into recycled
// arrays of other sizes.
func sameReading(t *testing.T, name, text string) {
	t.Helper()
	got, want := read(text, true), read(text, false)
	defer got.Recycle()
	defer want.Recycle()
	if got.Format != want.Format || got.TimePrecision != want.TimePrecision {
		t.Fatalf("%s: format %q/%v, want %q/%v", name, got.Format, got.TimePrecision, want.Format, want.TimePrecision)
	}
	for i := range min(len(got.Cues), len(want.Cues)) {
		if g, w := got.Cues[i], want.Cues[i]; !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: cue %d:\n got %+v\nwant %+v", name, i+1, g, w)
		}
	}
	if len(got.Cues) != len(want.Cues) {
		t.Fatalf("%s: %d cues, want %d", name, len(got.Cues), len(want.Cues))
	}
	// (Compared as lists: a recycled document's empty list is not nil.)
	if len(got.Diagnostics)+len(want.Diagnostics) > 0 && !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
		t.Fatalf("%s: diagnostics\n got %+v\nwant %+v", name, got.Diagnostics, want.Diagnostics)
	}
}

// usualReach reports how many cues readUsual makes of text and whether it
// reads the whole text (false for a text with CRs, which it leaves alone).
func usualReach(text string) (cues int, done bool) {
	if strings.IndexByte(text, '\r') >= 0 {
		return 0, false
	}
	r := reader{doc: cue.NewDocument(), src: text}
	r.dec.Doc = r.doc
	defer r.doc.Recycle()
	_, done = r.readUsual()
	return len(r.doc.Cues), done
}

// The generated episodes, clean and finding-dense, in every language:
// read whole by readUsual, and as the general reading reads them.
func TestUsualReadsEpisodesAsGeneral(t *testing.T) {
	for i, lang := range gen.Languages() {
		for _, defects := range []gen.CueDefects{{}, {Overlap: 40, TooShort: 60, TooFast: 60, LineTooLong: 40}} {
			text := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: uint64(i + 1), Format: "srt", Language: lang, Defects: defects}))
			name := fmt.Sprintf("%s %+v", lang, defects)
			for _, text := range []string{text, bom + text} {
				if cues, done := usualReach(text); !done || cues != cuetest.EpisodeCues {
					t.Errorf("%s %.20q: readUsual made %d cues, done %v; want the whole episode", name, text, cues, done)
				}
				sameReading(t, name, text)
			}
			sameReading(t, name+" CRLF", strings.ReplaceAll(text, "\n", "\r\n"))
			sameReading(t, name+" CR", strings.ReplaceAll(text, "\n", "\r"))
		}
	}
}

// Every SRT file of the shared corpus.
func TestUsualReadsCorpusAsGeneral(t *testing.T) {
	files, _ := cuetest.CorpusFiles(t, "srt")
	usual := 0
	for _, f := range files {
		sameReading(t, f.Rel, f.Text)
		sameReading(t, f.Rel+" as LF", strings.ReplaceAll(f.Text, "\r\n", "\n"))
		sameReading(t, f.Rel+" as CRLF", strings.ReplaceAll(strings.ReplaceAll(f.Text, "\r\n", "\n"), "\n", "\r\n"))
		if _, done := usualReach(strings.ReplaceAll(f.Text, "\r\n", "\n")); done {
			usual++
		}
	}
	t.Logf("%d corpus files, %d read whole by readUsual once their CRLFs are LFs", len(files), usual)
}

// Random texts of cues written every way the general reading knows, most
// of them the usual way, so that readUsual reads some cues of a text and
// then stops at the unusual one: wherever it stops, what it read and what
// the general reading reads on from there must be the general reading of
// the whole text.
func TestUsualReadsRandomAsGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 14))
	var partial, whole, cues int
	for i := range 30_000 {
		text := randomSRT(rng)
		sameReading(t, "random "+strconv.Itoa(i)+" "+strconv.Quote(text), text)
		n, done := usualReach(text)
		cues += n
		switch {
		case done:
			whole++
		case n > 0:
			partial++
		}
	}
	// The test is worth something only if both outcomes are common.
	if whole < 3000 || partial < 3000 {
		t.Fatalf("readUsual read %d texts whole and stopped inside %d: the generator misses a case", whole, partial)
	}
	t.Logf("readUsual: %d texts whole, %d in part, %d cues", whole, partial, cues)
}

// randomSRT writes a text of up to a dozen cues, each piece drawn from
// the usual spelling (most of the time) or one of its variants.
func randomSRT(rng *rand.Rand) string {
	var b strings.Builder
	if rng.IntN(10) == 0 {
		b.WriteString(bom)
	}
	eol := "\n"
	switch rng.IntN(6) {
	case 0:
		eol = "\r\n"
	case 1:
		eol = "\r"
	}
	line := func(s string) {
		b.WriteString(s)
		if rng.IntN(200) == 0 {
			b.WriteString(pick(rng, []string{"\n", "\r\n", "\r", "\r\r\n", "\n\r"})) // a stray line end
		} else {
			b.WriteString(eol)
		}
	}
	for range rng.IntN(4) {
		line("") // blank lines before the first cue
	}
	if rng.IntN(30) == 0 {
		line(pick(rng, payloadLines)) // text before the first cue
	}
	n := rng.IntN(13)
	for i := range n {
		if c := counterLine(rng, i+1); c != "\x00none" {
			line(c)
		}
		line(timingLine(rng))
		for range payloadCount(rng) {
			line(payloadLine(rng))
		}
		for range blankCount(rng) {
			if rng.IntN(40) == 0 {
				line(pick(rng, []string{" ", "\t", "\u3000", bom}))
			} else {
				line("")
			}
		}
	}
	text := b.String()
	if rng.IntN(4) == 0 {
		text = strings.TrimSuffix(text, eol) // no line end after the last line
	}
	return text
}

func pick(rng *rand.Rand, from []string) string { return from[rng.IntN(len(from))] }

// counterLine is cue i's counter: its number most of the time; "\x00none"
// for no counter line at all.
func counterLine(rng *rand.Rand, i int) string {
	switch rng.IntN(40) {
	case 0:
		return "\x00none"
	case 1:
		return " " + strconv.Itoa(i)
	case 2:
		return strconv.Itoa(i) + " "
	case 3:
		return "#" + strconv.Itoa(i)
	case 4:
		return bom + strconv.Itoa(i)
	case 5:
		return "1234567890123" // 13 digits: no number
	case 6:
		return "123456789012"
	case 7:
		return "0"
	}
	return strconv.Itoa(i)
}

func timingLine(rng *rand.Rand) string {
	clock := func(h, m, s, ms int, sep string) string {
		return fmt.Sprintf("%02d:%02d:%02d%s%03d", h, m, s, sep, ms)
	}
	random := func() string {
		return clock(rng.IntN(100), rng.IntN(60), rng.IntN(60), rng.IntN(1000), ",")
	}
	if rng.IntN(4) != 0 {
		return random() + " --> " + random()
	}
	return pick(rng, []string{
		clock(0, 61, 1, 0, ",") + " --> " + random(), // canonical shape, minutes of 60 or more
		random() + " --> " + clock(1, 2, 60, 5, ","),
		clock(0, 0, 1, 0, ".") + " --> " + clock(0, 0, 2, 0, "."),
		clock(0, 0, 1, 0, ":") + " --> " + random(),
		random() + " --> " + random() + " X1:10 X2:20 Y1:1 Y2:2",
		random() + " --> " + random() + " ",
		" " + random() + " --> " + random(),
		random() + "-->" + random(),
		random() + " -> " + random(),
		random() + " --> ",
		"-" + random() + " --> " + random(),
		"0:00:01,000 --> 0:00:02,000",
		"00:01,500 --> 00:02,000",
		"00:00:01,0000 --> 00:00:02,000",
		"00:00:01,50 --> 00:00:02,5",
		"00/00/01,000 --> 00:00:02,000",
		"00:00:01,000 --> 00:00:02,000\x00",
		"-->",
		"garbage --> 1",
		"12:30 -> 13:00",
		bom + random() + " --> " + random(),
	})
}

func payloadCount(rng *rand.Rand) int {
	switch rng.IntN(30) {
	case 0:
		return 0
	case 1:
		return 5 + rng.IntN(8) // more lines than readUsual notes the ends of
	}
	return 1 + rng.IntN(3)
}

func blankCount(rng *rand.Rand) int {
	switch rng.IntN(20) {
	case 0:
		return 0
	case 1:
		return 2 + rng.IntN(3)
	}
	return 1
}

// payloadLine is a line of text, with markup now and then, or, rarely,
// one that the general reading takes for something else.
func payloadLine(rng *rand.Rand) string {
	if rng.IntN(6) == 0 {
		return pick(rng, payloadOddLines)
	}
	return pick(rng, payloadLines)
}

var payloadLines = []string{
	"Hello there.", "- Hi!", "- Who's there?", "I told you so", "Wait", "...and then", "\"Quoted\"", "'Tis",
	"¿Qué pasa?", "¡Hola!", "Привет, мир.", "- Да.", "مرحبا بكم", "你好，世界。", "こんにちは", "안녕하세요", "Ça va ?",
	"Grüße", "İstanbul", "Olá, tudo bem?", "-- Stop", "5 apples", "1:00 is late", "9 to 5",
	"<i>Italic</i>", "<b>Bold</b> and <u>under</u>", "Tom &amp; Jerry", "{\\an8}On top", "<font color=\"red\">Red</font>",
	"<i>Open", "Close</i>", "a < b", "R&D",
}

var payloadOddLines = []string{
	"", " ", "\t", "\u3000", "\u00a0", bom, bom + "text", "\u3000全角", " leading space", "trailing ", "1984", "42",
	"00:00:05,000 --> 00:00:06,000", "Go --> there", "12:30 -> 13:00", "--> x", "a\x00b", "\u00a0nbsp", "-",
	"99", "1 2", "\u2028sep", "\x85next", "a\tb", "tab\t", "\v", "a\fb", "\x0e\x0d",
}

// FuzzUsualReadsAsGeneral is the random test's comparison on any text.
func FuzzUsualReadsAsGeneral(f *testing.F) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		f.Add(randomSRT(rng))
	}
	f.Add(basic)
	f.Fuzz(func(t *testing.T, text string) { sameReading(t, strconv.Quote(text), text) })
}
