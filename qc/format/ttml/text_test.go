package ttml

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// one reads a document whose body holds a single timed <p> and returns it.
func one(t *testing.T, head, p string) cue.Cue {
	t.Helper()
	d := Read(doc(``, head, `<div><p begin="1s" end="2s">`+p+`</p></div>`))
	wantNoDiags(t, d)
	if len(d.Cues) != 1 {
		t.Fatalf("want one cue, got %v", cueTimes(d))
	}
	return d.Cues[0]
}

func lineTexts(c cue.Cue) []string {
	var out []string
	for _, l := range c.Lines {
		out = append(out, l.Text)
	}
	return out
}

func TestWhitespaceCollapsesByDefault(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		// astisub joins these lines into "Helloworld, howare you".
		{"\n        Hello\n        world, how\n        are you\n      ", []string{"Hello world, how are you"}},
		{"<span>Hello</span> <span>world</span>", []string{"Hello world"}},
		{"<span>Hello <span>big</span> world</span>", []string{"Hello big world"}},
		{"  a \t\t b  <br/>  c  ", []string{"a b", "c"}},
		{"one<br/>\n   two<br/>", []string{"one", "two"}},
		{"<br/>second line", []string{"", "second line"}},
		{"a<br/><br/>c", []string{"a", "", "c"}},
		{"<span> lead</span> <span> </span> trail ", []string{"lead trail"}},
		{"Fish &amp; chips &lt;3 &#x2014; &#233;t&#xE9;", []string{"Fish & chips <3 — été"}},
		{"non\u00a0breaking\u3000space", []string{"non\u00a0breaking\u3000space"}},
	}
	for _, c := range cases {
		got := lineTexts(one(t, "", c.in))
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %q want %q", c.in, got, c.want)
		}
	}
}

func TestXMLSpacePreserve(t *testing.T) {
	c := one(t, "", `<span xml:space="preserve">  two  spaces
next line</span>`)
	if got := lineTexts(c); !reflect.DeepEqual(got, []string{"  two  spaces", "next line"}) {
		t.Errorf("preserve: %q", got)
	}
	// Inherited from div, switched back on a span.
	d := Read(doc(``, ``, `<div xml:space="preserve"><p begin="0s" end="1s"> a  <span xml:space="default"> b   c </span></p></div>`))
	if got := d.Cues[0].Text(); got != " a  b c" {
		t.Errorf("mixed: %q", got)
	}
}

func TestRawIsInnerXML(t *testing.T) {
	c := one(t, "", `Hi <span tts:fontStyle="italic">there</span><br/>&amp; you`)
	if c.Raw != `Hi <span tts:fontStyle="italic">there</span><br/>&amp; you` {
		t.Errorf("Raw %q", c.Raw)
	}
}

func TestItalicsBoldUnderline(t *testing.T) {
	head := `<styling>
      <style xml:id="it" tts:fontStyle="italic"/>
      <style xml:id="bold" tts:fontWeight="bold"/>
      <style xml:id="chained" style="it" tts:textDecoration="underline"/>
      <style xml:id="upright" tts:fontStyle="normal"/>
    </styling>
    <layout><region xml:id="slanted" tts:fontStyle="italic"/>
      <region xml:id="nested"><style tts:fontWeight="bold"/></region></layout>`
	sp := func(start, end int, s cue.Style) cue.Span { return cue.Span{Start: start, End: end, Style: s} }
	cases := []struct {
		name string
		p    string
		want []cue.Span
	}{
		{"inline", `a <span tts:fontStyle="italic">bc</span> d`, []cue.Span{sp(2, 4, cue.Italic)}},
		{"oblique", `<span tts:fontStyle="oblique">x</span>`, []cue.Span{sp(0, 1, cue.Italic)}},
		{"referenced", `<span style="it">ab</span>`, []cue.Span{sp(0, 2, cue.Italic)}},
		{"two references", `<span style="it bold">ab</span>`, []cue.Span{sp(0, 2, cue.Italic|cue.Bold)}},
		{"later reference wins", `<span style="it upright">ab</span>`, nil},
		{"inline beats reference", `<span style="it" tts:fontStyle="normal">ab</span>`, nil},
		{"chained", `<span style="chained">ab</span>`, []cue.Span{sp(0, 2, cue.Italic|cue.Underline)}},
		{"nested override", `<span style="it">a<span tts:fontStyle="normal">b</span>c</span>`,
			[]cue.Span{sp(0, 1, cue.Italic), sp(2, 3, cue.Italic)}},
		{"merged runs", `<span style="it">a</span><span tts:fontStyle="italic">b</span>`, []cue.Span{sp(0, 2, cue.Italic)}},
		{"multibyte offsets", `é<span style="it">ü</span>`, []cue.Span{sp(2, 4, cue.Italic)}},
		{"underline token list", `<span tts:textDecoration="underline lineThrough">u</span>`, []cue.Span{sp(0, 1, cue.Underline)}},
		{"IMSC shear", `<span tts:shear="16.6667%">ja</span>`, []cue.Span{sp(0, 2, cue.Italic)}},
		{"zero shear", `<span tts:shear="0%">ja</span>`, nil},
		{"trailing space trimmed from span", `<span style="it">end </span>`, []cue.Span{sp(0, 3, cue.Italic)}},
	}
	for _, c := range cases {
		cu := one(t, head, c.p)
		var got []cue.Span
		for _, l := range cu.Lines {
			got = append(got, l.Spans...)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: spans %v want %v (text %q)", c.name, got, c.want, cu.Text())
		}
	}

	// Inheritance from region, body and div.
	d := Read(doc(``, head, `
    <div region="slanted"><p begin="0s" end="1s">region</p></div>
    <div style="bold"><p begin="1s" end="2s" region="nested">div bold <span tts:fontWeight="normal">normal</span></p></div>
    <div tts:fontStyle="italic"><p begin="2s" end="3s" style="upright">p overrides div</p></div>`))
	wantNoDiags(t, d)
	if !d.Cues[0].Lines[0].Italic() {
		t.Error("region fontStyle not inherited")
	}
	if got := d.Cues[1].Lines[0].Spans; !reflect.DeepEqual(got, []cue.Span{sp(0, 9, cue.Bold)}) {
		t.Errorf("div/nested-region bold: %v", got)
	}
	if d.Cues[2].Lines[0].Spans != nil {
		t.Errorf("p style must override div: %v", d.Cues[2].Lines[0].Spans)
	}
}

func TestRubyAnnotationsAreNotLineText(t *testing.T) {
	c := one(t, `<styling><style xml:id="rt" tts:ruby="text"/></styling>`,
		`<span tts:ruby="container"><span tts:ruby="base">利用許諾</span><span tts:ruby="text">ライセンス</span></span>と<span tts:ruby="container"><span tts:ruby="base">漢字</span><span style="rt">かんじ</span></span>`)
	if got := c.Text(); got != "利用許諾と漢字" {
		t.Errorf("got %q", got)
	}
}

func TestNestedDivsAndParagraphPlacement(t *testing.T) {
	// astisub loses p in nested divs and directly in body.
	d := Read(doc(``, ``, `
    <p begin="0s" end="1s">directly in body</p>
    <div><div><div><p begin="1s" end="2s">three divs down</p></div></div></div>`))
	wantNoDiags(t, d)
	wantCues(t, d, "00:00:00.000-00:00:01.000 directly in body", "00:00:01.000-00:00:02.000 three divs down")
}

func TestMetadataAndForeignContentAreNotText(t *testing.T) {
	d := Read(doc(``, ``, `<div><p begin="0s" end="1s" xmlns:x="urn:x"><metadata>meta</metadata>shown<x:note>hidden</x:note> <set tts:color="red"/>too</p></div>`))
	wantNoDiags(t, d)
	wantCues(t, d, "00:00:00.000-00:00:01.000 shown too")
}

// Cues share the blocks their lines and spans are cut from: growing one
// cue's lines or spans must not write over the next cue's.
func TestCueLinesDoNotShareCapacity(t *testing.T) {
	d := Read(`<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="en"><body><div>
<p begin="1s" end="2s"><span tts:fontStyle="italic">one</span></p>
<p begin="3s" end="4s"><span tts:fontWeight="bold">two</span><br/>three</p>
</div></body></tt>`)
	if len(d.Cues) != 2 {
		t.Fatalf("cues: %+v", d.Cues)
	}
	first := d.Cues[0]
	first.Lines = append(first.Lines, cue.Line{Text: "added"})
	first.Lines[0].Spans = append(first.Lines[0].Spans, cue.Span{Start: 0, End: 1, Style: cue.Bold})
	second := d.Cues[1]
	if len(second.Lines) != 2 || second.Lines[0].Text != "two" || second.Lines[1].Text != "three" {
		t.Errorf("second cue's lines changed: %+v", second.Lines)
	}
	if !reflect.DeepEqual(second.Lines[0].Spans, []cue.Span{{Start: 0, End: 3, Style: cue.Bold}}) {
		t.Errorf("second cue's spans changed: %+v", second.Lines[0].Spans)
	}
}

// phraseEnd, eight bytes at a time, ends a phrase where a byte-by-byte
// reading does, at every start of random texts of words, single and double
// spaces, tabs, line ends and non-ASCII letters.
func TestPhraseEndMatchesByteByByte(t *testing.T) {
	slow := func(data string, j int) int {
		for j < len(data) {
			if c := data[j]; !isXMLSpace(c) {
				j++
			} else if c == ' ' && j+1 < len(data) && !isXMLSpace(data[j+1]) {
				j += 2
			} else {
				break
			}
		}
		return j
	}
	rng := rand.New(rand.NewPCG(14, 3))
	pieces := []string{"word", "a", "é", "字幕", " ", " ", "  ", "\t", "\n", "\r", "!", "~\u00a0"}
	for round := 0; round < 5000; round++ {
		var b strings.Builder
		for n := rng.IntN(30); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		data := b.String()
		for j := 0; j < len(data); j++ {
			if isXMLSpace(data[j]) {
				continue // a phrase starts at a character
			}
			if got, want := phraseEnd(data, j+1), slow(data, j+1); got != want {
				t.Fatalf("%q from %d: phrase ends at %d, want %d", data, j, got, want)
			}
		}
	}
}
