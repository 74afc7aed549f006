package markup

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
)

func texts(ls []cue.Line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Text
	}
	return out
}

func TestSpaceBetweenTagsIsKept(t *testing.T) {
	for _, d := range []Dialect{SRT, WebVTT} {
		ls := Lines("<i>Hello</i> <b>world</b>", d)
		if len(ls) != 1 || ls[0].Text != "Hello world" {
			t.Fatalf("dialect %d: got %q", d, texts(ls))
		}
		want := []cue.Span{sp(0, 5, cue.Italic), sp(6, 11, cue.Bold)}
		if !reflect.DeepEqual(ls[0].Spans, want) {
			t.Errorf("dialect %d: spans %v, want %v", d, ls[0].Spans, want)
		}
		if !ls[0].Italic() {
			t.Errorf("dialect %d: line not reported italic", d)
		}
	}
}

func TestDisplayText(t *testing.T) {
	cases := []struct {
		name string
		d    Dialect
		raw  string
		want []string
	}{
		{"plain two lines", SRT, "Hello\nworld", []string{"Hello", "world"}},
		{"empty line inside cue is kept", SRT, "Hello\n\nworld", []string{"Hello", "", "world"}},
		{"srt entity", SRT, "Tom &amp; Jerry &lt;3 &#233;t&#xE9;", []string{"Tom & Jerry <3 été"}},
		{"srt bare ampersands stay", SRT, "AT&T R&D this&nothing &amp no;", []string{"AT&T R&D this&nothing &amp no;"}},
		{"srt partial reference stays", SRT, "&notit;", []string{"&notit;"}},
		{"srt less-than is text", SRT, "a < b <3 <", []string{"a < b <3 <"}},
		{"srt tag case-insensitive", SRT, "<I>x</I>", []string{"x"}},
		{"srt font tag", SRT, `<font color="#ff0000">red</font> text`, []string{"red text"}},
		{"srt unknown tag is markup", SRT, "<bold>x</bold>", []string{"x"}},
		{"srt override blocks", SRT, `{\an8}Top {\pos(10,20)}line`, []string{"Top line"}},
		{"srt override with space is text", SRT, `This { \an2} is`, []string{`This { \an2} is`}},
		{"srt braces without backslash are text", SRT, "{music}", []string{"{music}"}},
		{"srt unterminated block is text", SRT, `{\an8 oops`, []string{`{\an8 oops`}},
		{"webvtt entity table", WebVTT, "&amp &copy; &notit; a&lrm;b &#32;", []string{"& © ¬it; a\u200eb  "}},
		{"webvtt voice", WebVTT, "<v Bob Smith>Hi</v> there", []string{"Hi there"}},
		{"webvtt class and lang", WebVTT, "<c.yellow.bg>x</c> <lang en>y</lang>", []string{"x y"}},
		{"webvtt timestamp tag", WebVTT, "one <00:00:01.500>two", []string{"one two"}},
		{"webvtt ruby text left out", WebVTT, "<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>!", []string{"漢字!"}},
		{"webvtt rt outside ruby is text", WebVTT, "<rt>x</rt>", []string{"x"}},
		{"webvtt less-than swallows rest", WebVTT, "a < b", []string{"a "}},
		{"webvtt tag names are case-sensitive", WebVTT, "<I>x</I>", []string{"x"}},
		{"webvtt tag spanning lines", WebVTT, "<c></\nc>x", []string{"x"}},
		{"only markup", SRT, "<i></i>", []string{""}},
	}
	for _, c := range cases {
		got := texts(Lines(c.raw, c.d))
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Lines(%q) = %q, want %q", c.name, c.raw, got, c.want)
		}
	}
}

func TestStyles(t *testing.T) {
	cases := []struct {
		name string
		d    Dialect
		raw  string
		want [][]cue.Span
	}{
		{"italic across lines", SRT, "<i>one\ntwo</i>", [][]cue.Span{{sp(0, 3, cue.Italic)}, {sp(0, 3, cue.Italic)}}},
		{"ass italic toggle", SRT, `{\i1}Hi{\i0} there`, [][]cue.Span{{sp(0, 2, cue.Italic)}}},
		{"ass bord is not bold", SRT, `{\bord2\blur1}x`, [][]cue.Span{nil}},
		{"ass reset", SRT, `{\i1\b1}a{\r}b`, [][]cue.Span{{sp(0, 1, cue.Italic|cue.Bold)}}},
		{"nested styles", SRT, "<i>a<b>b</b></i>", [][]cue.Span{{sp(0, 1, cue.Italic), sp(1, 2, cue.Italic|cue.Bold)}}},
		{"adjacent runs merge", SRT, "<i>a</i><i>b</i>", [][]cue.Span{{sp(0, 2, cue.Italic)}}},
		{"stray close ignored", SRT, "</i>a", [][]cue.Span{nil}},
		{"entity inside italic", SRT, "<i>a &amp; b</i>", [][]cue.Span{{sp(0, 5, cue.Italic)}}},
		{"webvtt mis-nested end ignored", WebVTT, "<i>a<b>b</i>c</b>d", [][]cue.Span{{sp(0, 1, cue.Italic), sp(1, 3, cue.Italic|cue.Bold), sp(3, 4, cue.Italic)}}},
		{"webvtt underline", WebVTT, "x<u>y</u>", [][]cue.Span{{sp(1, 2, cue.Underline)}}},
	}
	for _, c := range cases {
		ls := Lines(c.raw, c.d)
		var got [][]cue.Span
		for _, l := range ls {
			got = append(got, l.Spans)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: spans of %q = %v (text %q), want %v", c.name, c.raw, got, texts(ls), c.want)
		}
	}
}

func TestPlainTextIsNotCopied(t *testing.T) {
	raw := "Plain line one\nPlain line two"
	var d Decoder
	d.Dialect = SRT
	ls := d.Lines(raw)
	if unsafe.StringData(ls[0].Text) != unsafe.StringData(raw) {
		t.Error("plain line was copied")
	}
	// A line whose only markup is at its ends stays a substring too.
	raw = "<i>Hello there</i>"
	ls = d.Lines(raw)
	if ls[0].Text != "Hello there" || unsafe.StringData(ls[0].Text) != unsafe.StringData(raw[3:]) {
		t.Errorf("italic line %q was copied", ls[0].Text)
	}
	d.Lines("warm up the arenas")
	allocs := testing.AllocsPerRun(100, func() {
		d.Lines("Plain line one\nPlain line two")
		d.Lines("<i>Hello there</i>")
	})
	if allocs != 0 {
		t.Errorf("%v allocations per plain/italic cue, want 0", allocs)
	}
}

// A plain payload splits at every "\n", empty lines kept, however many
// lines it has (past the breaks noted while looking for markup too), in
// both dialects; "{music}" is text in both (in SRT through the markup path).
func TestPlainLinesSplitAtEveryBreak(t *testing.T) {
	for _, raw := range []string{"one", "a\nb", "\n", "a\n\nb\n", strings.Repeat("line\n", 12) + "last",
		strings.Repeat("\n", 9), "{music} a\nb"} {
		for _, d := range []Dialect{SRT, WebVTT} {
			want := strings.Split(raw, "\n")
			dec := Decoder{Dialect: d}
			if got := texts(dec.Lines(raw)); !reflect.DeepEqual(got, want) {
				t.Errorf("dialect %d: %q split into %q, want %q", d, raw, got, want)
			}
		}
	}
}

// The word-at-a-time walk finds markup and line breaks wherever they fall
// in a word: plain payloads split as strings.Split does, and a payload
// with '<', '&' (or in SRT '{') anywhere goes to the markup path.
func TestPlainLinesFindMarkupAnywhere(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 8))
	pieces := []string{"a", "seven b", "한국어 텍스트", "\n", "<", "&", "{", "}", ">", "0123456789abcdef", " ", "\x00", "\xff"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		raw := b.String()
		for _, dialect := range []Dialect{SRT, WebVTT} {
			markupChars := "<&"
			if dialect == SRT {
				markupChars += "{"
			}
			d := Decoder{Dialect: dialect}
			lines, plain := d.plainLines(raw)
			if wantPlain := !strings.ContainsAny(raw, markupChars); plain != wantPlain {
				t.Fatalf("dialect %d, %q: plain = %v", dialect, raw, plain)
			}
			if plain && !reflect.DeepEqual(texts(lines), strings.Split(raw, "\n")) {
				t.Fatalf("dialect %d, %q: lines %q", dialect, raw, texts(lines))
			}
		}
	}
}

func TestArenaSlicesDoNotOverlap(t *testing.T) {
	var d Decoder
	d.Dialect = SRT
	a := d.Lines("<i>a</i>")
	b := d.Lines("<b>b</b>")
	a = append(a, cue.Line{Text: "extra"})
	a[0].Spans = append(a[0].Spans, cue.Span{Start: 9, End: 10})
	if b[0].Text != "b" || len(b[0].Spans) != 1 || b[0].Spans[0].Style != cue.Bold {
		t.Errorf("appending to one cue's lines changed another's: %+v", b)
	}
}

// Lines stitched from pieces ("- <i>Hi</i>") are copied into blocks one
// Decoder shares across cues: every text decoded earlier still reads the
// same after many more cues, across block boundaries, in both dialects.
func TestStitchedTextsStayIntact(t *testing.T) {
	for _, dialect := range []Dialect{SRT, WebVTT} {
		d := Decoder{Dialect: dialect}
		var got [][]cue.Line
		var raws []string
		for i := range 2000 {
			raw := "- <i>" + strings.Repeat("ab", i%150) + "</i>&amp;\n<b>x</b> <u>" + strings.Repeat("y", i%7) + "</u>"
			raws = append(raws, raw)
			got = append(got, d.Lines(raw))
		}
		for i, raw := range raws {
			want := Lines(raw, dialect)
			if len(got[i]) != len(want) {
				t.Fatalf("cue %d: %d lines, want %d", i, len(got[i]), len(want))
			}
			for k := range want {
				if got[i][k].Text != want[k].Text {
					t.Fatalf("dialect %d cue %d line %d reads %q after more cues, want %q", dialect, i, k, got[i][k].Text, want[k].Text)
				}
			}
		}
	}
}

func TestUnbalanced(t *testing.T) {
	cases := []struct {
		raw   string
		lines []int
		words []string
	}{
		{"<i>Hello</i> <b>world</b>", nil, nil},
		{"plain", nil, nil},
		{"<i>line one\nline two</i>", nil, nil},
		{"<i>Hello", []int{1}, []string{"<i>", "never closed"}},
		{"Hello\nworld</b>", []int{2}, []string{"stray </b>"}},
		{"<i><b>x</i></b>", []int{1}, []string{"mis-nested"}},
		{"one\n<I>two</i>", nil, nil},
		{"<v Bob>Hi there", nil, nil},
		{"<ruby>漢<rt>kan</ruby>", nil, nil},
		{`<font color="red">x`, []int{1}, []string{"<font>"}},
		{"a < b and <3", nil, nil},
		{"<br/>x<br>", nil, nil},
	}
	for _, c := range cases {
		probs := Unbalanced(c.raw)
		if len(probs) != len(c.lines) {
			t.Errorf("Unbalanced(%q) = %+v, want %d problems", c.raw, probs, len(c.lines))
			continue
		}
		for i, p := range probs {
			if p.LineInPayload != c.lines[i] {
				t.Errorf("Unbalanced(%q)[%d] on line %d, want %d", c.raw, i, p.LineInPayload, c.lines[i])
			}
			for _, w := range c.words {
				if !strings.Contains(p.Message, w) {
					t.Errorf("Unbalanced(%q)[%d] = %q, want it to mention %q", c.raw, i, p.Message, w)
				}
			}
		}
	}
}

func TestASSAlignment(t *testing.T) {
	cases := map[string]int{`{\an8}Top`: 8, `x{\pos(1,2)\an7}y`: 7, "none": 0, `{\an}x`: 0, `{\an2}a{\an8}b`: 2, `{ \an8}`: 0}
	for raw, want := range cases {
		if got := ASSAlignment(raw); got != want {
			t.Errorf("ASSAlignment(%q) = %d, want %d", raw, got, want)
		}
	}
}

func sp(start, end int, st cue.Style) cue.Span { return cue.Span{Start: start, End: end, Style: st} }

func TestWebVTTTextProblems(t *testing.T) {
	cases := map[string][]int{
		"a < b":                          {1},
		"ok\nx <3 y":                     {2},
		"<i>fine</i> <v Bob>hi</v>":      nil,
		"<00:00:01.000>timed":            nil,
		"a &lt; b":                       nil,
		"one\n<c.x>two</c> and <> three": {2},
		"unclosed <i tag":                {1},
	}
	for raw, lines := range cases {
		probs := WebVTTTextProblems(raw)
		var got []int
		for _, p := range probs {
			got = append(got, p.LineInPayload)
			if !strings.Contains(p.Message, "&lt;") {
				t.Errorf("%q: message %q", raw, p.Message)
			}
		}
		if !reflect.DeepEqual(got, lines) {
			t.Errorf("WebVTTTextProblems(%q) on lines %v, want %v: %+v", raw, got, lines, probs)
		}
	}
}

func TestUnknownTags(t *testing.T) {
	cases := map[string][]string{
		"<i>fine</i> <font color=red>x</font> <v Bob>y": nil,
		"Not opened tag showed as text.</xxxxx>":        {"<xxxxx>"},
		"<yyyy>a\n<YYYY>b<br/>":                         {"<yyyy>", "<br>"},
		"a < b":                                         nil,
	}
	for raw, want := range cases {
		var got []string
		for _, p := range UnknownTags(raw) {
			got = append(got, p.Message[:strings.IndexByte(p.Message, '>')+1])
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("UnknownTags(%q) = %v, want %v", raw, got, want)
		}
	}
}

func TestPackageLinesAllocatesExactly(t *testing.T) {
	ls := Lines("<i>a</i>\nb", SRT)
	if cap(ls) != 2 || cap(ls[0].Spans) != 1 {
		t.Errorf("cap %d lines, %d spans", cap(ls), cap(ls[0].Spans))
	}
}

// Balance gives each fault with the tag's offsets, which L005's fix edits
// at; Unbalanced words the same faults.
func TestBalanceOffsets(t *testing.T) {
	raw := "</b>a <I>b\n<u>c"
	got := Balance(raw)
	if len(got) != 3 {
		t.Fatalf("%d issues: %+v", len(got), got)
	}
	want := []struct {
		kind       IssueKind
		name, text string
		line       int
	}{{Stray, "b", "</b>", 1}, {Unclosed, "i", "<I>", 1}, {Unclosed, "u", "<u>", 2}}
	for i, w := range want {
		is := got[i]
		if is.Kind != w.kind || is.Tag.Name != w.name || raw[is.Tag.Start:is.Tag.End] != w.text || is.Tag.Line != w.line {
			t.Errorf("issue %d = %+v, want %v %s %q on line %d", i, is, w.kind, w.name, w.text, w.line)
		}
	}
	if got[1].Tag.Written != "I" {
		t.Errorf("written name %q, want I", got[1].Tag.Written)
	}
	mis := Balance("<i><b>x</i></b>")
	if len(mis) == 0 || mis[0].Kind != Misnested || mis[0].Open.Name != "i" || mis[0].Inner.Name != "b" {
		t.Errorf("mis-nested: %+v", mis)
	}
	if n := len(Unbalanced(raw)); n != len(got) {
		t.Errorf("Unbalanced gives %d problems, Balance %d issues", n, len(got))
	}
}

// Lines reserved up front are handed out without allocating, and lines
// past the reservation still come (from blocks of their own).
func TestReserveHoldsTheLinesOfAFile(t *testing.T) {
	d := Decoder{Dialect: SRT}
	allocs := testing.AllocsPerRun(1, func() {
		d.Reserve(1500) // three arena blocks' worth
		for range 500 {
			d.Lines("one\ntwo\nthree")
		}
	})
	if allocs != 1 {
		t.Errorf("%v allocations for 1,500 reserved lines, want the one reservation", allocs)
	}
	if got := texts(d.Lines("past\nthe end")); !reflect.DeepEqual(got, []string{"past", "the end"}) {
		t.Errorf("lines past the reservation read %q", got)
	}
}

// L005 balances every payload that holds a tag: a well-formed one (nearly
// all of them) must cost no allocation.
func TestBalanceOfWellFormedPayloadDoesNotAllocate(t *testing.T) {
	raw := "<i>- Where were you?</i>\n<b><font color=\"#ffff00\">- Out.</font></b>"
	if issues := Balance(raw); issues != nil {
		t.Fatalf("issues in a well-formed payload: %+v", issues)
	}
	if allocs := testing.AllocsPerRun(100, func() { Balance(raw) }); allocs != 0 {
		t.Errorf("Balance made %.1f allocations for a well-formed payload", allocs)
	}
	deep := "<i><b><u><s><font>deep</font></s></u></b></i>" // more open tags than the stack array holds
	if issues := Balance(deep); issues != nil {
		t.Fatalf("issues in a deeply nested payload: %+v", issues)
	}
}

// IndexLines gives, for every range of lines the index calls plain, the
// lines Lines gives for their join: in both dialects, with LF, CRLF and
// lone CR line ends, empty lines included.
func TestIndexLinesAsLinesOfTheJoin(t *testing.T) {
	src := "one\n\ntwo words\r\n<i>three</i>\rfour &amp; five\n{\\i1}six\nseven { brace\n\nà é 한국어\r\nlast"
	ix := cue.IndexLines(src)
	for _, d := range []Dialect{SRT, WebVTT} {
		for a := 0; a <= ix.Len(); a++ {
			for b := a; b <= ix.Len(); b++ {
				if !ix.Plain(a, b) {
					continue
				}
				want := Lines(ix.Join(a, b), d)
				dec := Decoder{Dialect: d}
				if got := dec.IndexLines(&ix, a, b); !reflect.DeepEqual(got, want) {
					t.Errorf("dialect %d, lines [%d, %d): %q, want %q", d, a, b, texts(got), texts(want))
				}
			}
		}
	}
	if ix.Plain(3, 4) || ix.Plain(4, 5) || ix.Plain(5, 6) || ix.Plain(6, 7) {
		t.Error("lines with markup taken as plain")
	}
}

// IndexLines sets only the text of the lines it carves out of a recycled
// document, where styled lines with spans were before: the lines it
// returns hold no spans of theirs, and equal Lines of the join.
func TestIndexLinesInARecycledDocument(t *testing.T) {
	styled := strings.Repeat("<i>one</i>\n<b>two</b> {\\an8}\n", 40)
	plain := strings.Repeat("three\nfour\r\n\nfive\n", 40)
	for range 3 {
		doc := cue.NewDocument()
		dec := Decoder{Dialect: SRT, Doc: doc}
		dec.Reserve(200)
		if ls := dec.Lines(styled); len(ls) == 0 || len(ls[0].Spans) == 0 {
			t.Fatal("styled lines without spans")
		}
		doc.Recycle()
		doc = cue.NewDocument()
		dec = Decoder{Dialect: SRT, Doc: doc}
		dec.Reserve(200)
		ix := cue.IndexLines(plain)
		for a := 0; a+3 <= ix.Len(); a += 3 {
			want := Lines(ix.Join(a, a+3), SRT)
			if got := dec.IndexLines(&ix, a, a+3); !reflect.DeepEqual(got, want) {
				t.Fatalf("lines [%d, %d): %+v, want %+v", a, a+3, got, want)
			}
		}
		doc.Recycle()
	}
}
