package xmlscan

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// The differential tests: for each input, the token stream of Decoder and
// of encoding/xml's Decoder (configured as the TTML reader configured it:
// strict, pass-through CharsetReader) must be the same, with the same
// InputOffset before and after every token, and the same error at the
// same offset.

// maxSteps bounds a run, so that a decoder stuck in a loop fails the test
// instead of hanging it.
const maxSteps = 1 << 22

// describe renders a token with every field that matters, quoted, so that
// streams compare as strings and a mismatch reads plainly.
func describe(t xml.Token) string {
	switch t := t.(type) {
	case xml.StartElement:
		var b strings.Builder
		fmt.Fprintf(&b, "start {%q %q}", t.Name.Space, t.Name.Local)
		for _, a := range t.Attr {
			fmt.Fprintf(&b, " {%q %q}=%q", a.Name.Space, a.Name.Local, a.Value)
		}
		if t.Attr == nil {
			b.WriteString(" nil-attrs") // encoding/xml never gives nil
		}
		return b.String()
	case xml.EndElement:
		return fmt.Sprintf("end {%q %q}", t.Name.Space, t.Name.Local)
	case xml.CharData:
		return fmt.Sprintf("chardata %q", []byte(t))
	case xml.Comment:
		return fmt.Sprintf("comment %q", []byte(t))
	case xml.ProcInst:
		return fmt.Sprintf("procinst %q %q", t.Target, t.Inst)
	case xml.Directive:
		return fmt.Sprintf("directive %q", []byte(t))
	}
	return fmt.Sprintf("unknown %T %v", t, t)
}

func describeErr(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("syntax error line %d: %s", se.Line, se.Msg)
	}
	if err == io.EOF {
		return "EOF"
	}
	return "error: " + err.Error()
}

type tokenizer interface {
	Token() (xml.Token, error)
	InputOffset() int64
}

// stream lists what a tokenizer gives for src, one line per token, ending
// with the error or EOF.
func stream(d tokenizer) []string {
	var out []string
	for i := 0; i < maxSteps; i++ {
		before := d.InputOffset()
		tok, err := d.Token()
		after := d.InputOffset()
		if err != nil {
			if tok != nil {
				out = append(out, "token with error: "+describe(tok))
			}
			out = append(out, fmt.Sprintf("%d-%d %s", before, after, describeErr(err)))
			// Errors are sticky: the next call reports the same.
			if _, err2 := d.Token(); describeErr(err2) != describeErr(err) || d.InputOffset() != after {
				out = append(out, fmt.Sprintf("then %d %s", d.InputOffset(), describeErr(err2)))
			}
			return out
		}
		out = append(out, fmt.Sprintf("%d-%d %s", before, after, describe(tok)))
	}
	return append(out, "too many tokens")
}

func stdDecoder(src string) *xml.Decoder {
	d := xml.NewDecoder(strings.NewReader(src))
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return d
}

// viaNext reads with Next and the accessors, the way the TTML reader does:
// a start tag's name and attributes one by one, each attribute's value
// checked against where AttrSource says it is written.
type viaNext struct {
	d   *Decoder
	src string
}

func (v viaNext) InputOffset() int64 { return v.d.InputOffset() }

func (v viaNext) Token() (xml.Token, error) {
	k, err := v.d.Next()
	if (k == None) != (err != nil) {
		return nil, fmt.Errorf("kind %d with error %v", k, err)
	}
	switch k {
	case Start:
		t := xml.StartElement{Name: v.d.StartName(), Attr: []xml.Attr{}}
		for i := 0; i < v.d.NumAttr(); i++ {
			// From its parts, as the TTML reader takes it; the whole must agree.
			a := xml.Attr{Name: xml.Name{Space: v.d.AttrSpaceName(i), Local: v.d.AttrLocal(i)}, Value: v.d.AttrValue(i)}
			if whole := v.d.Attr(i); whole != a || v.d.AttrName(i) != a.Name {
				return nil, fmt.Errorf("attribute %d: parts %+v, Attr %+v, AttrName %+v", i, a, whole, v.d.AttrName(i))
			}
			lo, hi := v.d.AttrSource(i)
			if lo < 1 || hi >= len(v.src) || v.src[lo-1] != v.src[hi] || v.src[hi] != '"' && v.src[hi] != '\'' {
				return nil, fmt.Errorf("attribute %d's source [%d, %d) is not between quotes", i, lo, hi)
			}
			if raw := v.src[lo:hi]; !strings.ContainsAny(raw, "&\r") && raw != a.Value {
				return nil, fmt.Errorf("attribute %d's source %q is not its value %q", i, raw, a.Value)
			}
			t.Attr = append(t.Attr, a)
		}
		return t, nil
	case End:
		return v.d.EndElement(), nil
	case Text:
		return v.d.CharData(), nil
	case Other:
		return v.d.OtherToken(), nil
	}
	return nil, err
}

// diff returns "" when the tokenizers agree on src (encoding/xml, and
// xmlscan through Token and through Next), else the first difference with
// some context.
func diff(src string) string {
	want := stream(stdDecoder(src))
	if d := diffStreams(want, stream(NewDecoder(src))); d != "" {
		return "Token: " + d
	}
	if d := diffStreams(want, stream(viaNext{NewDecoder(src), src})); d != "" {
		return "Next: " + d
	}
	return ""
}

func diffStreams(want, got []string) string {
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			var ctx string
			if i > 0 {
				ctx = "after " + want[i-1] + "\n"
			}
			return fmt.Sprintf("%stoken %d:\n encoding/xml: %s\n xmlscan:      %s", ctx, i, w, g)
		}
	}
	return ""
}

func checkSame(t *testing.T, name, src string) {
	t.Helper()
	if d := diff(src); d != "" {
		if len(src) > 300 {
			t.Errorf("%s (%d bytes):\n%s", name, len(src), d)
		} else {
			t.Errorf("%s %q:\n%s", name, src, d)
		}
	}
}

// edgeCases are small documents around every construct the tokenizer
// handles, well-formed and not.
var edgeCases = []string{
	``,
	` `,
	`text only`,
	`<a/>`,
	`<a></a>`,
	`<a>x</a>trailing`,
	`<a/><b/>`, // two roots: encoding/xml reads on
	"\ufeff<a/>",
	"\ufeff",
	"<a>\r\n\rx\r\r\ny\n\r</a>",
	"<a b=\"1\r\n2\r3\t4\n5\"/>",
	"<a b=\"&#13;&#10;&#9;\r&#13;\n\"/>",
	"<a>&#13;\n&#13;\r\n</a>",
	`<a>&lt;&gt;&amp;&apos;&quot;</a>`,
	`<a b="&lt;&gt;&amp;&apos;&quot;" c='"' d="'"/>`,
	`<a>&#65;&#x41;&#x6a;&#X41;</a>`,
	`<a>&#65;&#x41;&#x6a;&#x6A;&#0065;</a>`,
	`<a>&#0;</a>`,
	`<a>&#1;</a>`,
	`<a>&#x1F600;</a>`,
	`<a>&#xD800;</a>`,
	`<a>&#xFFFE;</a>`,
	`<a>&#xFFFF;</a>`,
	`<a>&#x10FFFF;</a>`,
	`<a>&#x110000;</a>`,
	`<a>&#99999999999999999999999;</a>`,
	`<a>&#;</a>`,
	`<a>&#x;</a>`,
	`<a>&#12</a>`,
	`<a>&#x12g;</a>`,
	`<a>&;</a>`,
	`<a>& </a>`,
	`<a>&nbsp;</a>`,
	`<a>&amp</a>`,
	`<a>&1a;</a>`,
	`<a>&a:b;</a>`,
	"<a>&é;</a>",
	`<a>&`,
	`<a>&#`,
	`<a>&#x`,
	`<a>&#1`,
	`<a>&am`,
	`<a>&amp`,
	`<a>&amp;`,
	`<a b="&nbsp;"/>`,
	`<a b="x<y"/>`,
	`<a b="x>y" c='a>b'/>`,
	`<a b="]]>"/>`,
	`<a>]]></a>`,
	`<a>]]</a>`,
	`<a>]&#93;></a>`,
	`<a>] ]></a>`,
	`<a>]]]></a>`,
	`<a><![CDATA[x<y&z]]></a>`,
	`<a><![CDATA[]]></a>`,
	`<a><![CDATA[]]]]><![CDATA[>]]></a>`,
	"<a><![CDATA[a\r\nb\rc]]></a>",
	"<a><![CDATA[a\r]]></a>",
	`<a><![CDATA[x</a>`,
	`<a><![CDAT[x]]></a>`,
	`<a><![cdata[x]]></a>`,
	`<a><!-- c --></a>`,
	`<a><!----></a>`,
	`<a><!---></a>`,
	`<a><!-- a -- b --></a>`,
	`<a><!-- a --->`,
	`<a><!- x --></a>`,
	`<a><!-- x`,
	`<a><!--`,
	`<?xml version="1.0" encoding="UTF-8"?><a/>`,
	`<?xml version='1.0' encoding='ISO-8859-1' standalone="yes"?><a/>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml version=1.1?><a/>`,
	`<?xml xversion="2.0"?><a/>`,
	`<?xml version="1.0"?><?xml version="1.1"?><a/>`,
	`<?xml?><a/>`,
	`<?xml-stylesheet href="a.css"?><a/>`,
	`<?pi?><a/>`,
	`<?pi   data ? > ?><a/>`,
	`<? pi?><a/>`,
	`<?1pi?><a/>`,
	`<?a:b:c x?><a/>`,
	`<?pi data`,
	`<?pi`,
	`<!DOCTYPE tt><a/>`,
	`<!DOCTYPE tt SYSTEM "x>y.dtd"><a/>`,
	`<!DOCTYPE tt [<!ENTITY e "v">]><a>&e;</a>`,
	`<!DOCTYPE tt [<!ENTITY e "<b/>">]><a/>`,
	`<!DOCTYPE tt [<!-- c > --><!ELEMENT a ANY>]><a/>`,
	`<!DOCTYPE tt [<!-- c`,
	`<!DOCTYPE tt [<!- x>]><a/>`,
	`<!DOCTYPE tt [<!x>]><a/>`,
	`<!DOCTYPE tt [<x]><a/>`,
	`<!DOCTYPE tt [<>]><a/>`,
	`<!DOCTYPE tt [<<!--x-->]><a/>`,
	`<!DOCTYPE tt '>' "'"><a/>`,
	`<!'x>' y><a/>`,
	`<!><a/>`,
	`<!>>`,
	"<!DOCTYPE \x00 x><a/>",
	`<!DOCTYPE tt`,
	`<!`,
	`<!-`,
	`<![`,
	`<![CDATA[`,
	`<`,
	`</`,
	`</a>`,
	`<a>`,
	`<a`,
	`<a `,
	`<a b`,
	`<a b=`,
	`<a b="`,
	`<a b="x`,
	`<a b="x"`,
	`<a b="x"/`,
	`<a/`,
	`<a></a`,
	`<a></a `,
	`<a></b>`,
	`<a></a b>`,
	`<a></ a>`,
	`<a><b></a></b>`,
	`<a:x xmlns:a="u"></b:x>`,
	`<a:x></x>`,
	`<x></a:x>`,
	`< a/>`,
	`<1a/>`,
	`<-a/>`,
	`<.a/>`,
	`<_a/>`,
	`<:a/>`,
	`<a:/>`,
	`<a:b:c/>`,
	`<a b:c:d="1"/>`,
	`<a 1b="1"/>`,
	`<a b="1"c="2"/>`,
	`<a b = "1" />`,
	"<a\tb\n=\r\n'1'\t/>",
	`<a b=1/>`,
	`<a b/>`,
	`<a b c="1"/>`,
	`<a b="1" b="2"/>`,
	`<a / >`,
	`<a/ >`,
	`<a//>`,
	`<a b="1"/ >`,
	`<a>x<b/>y</a>`,
	"<é/>",
	"<aé/>",
	"<a\u00b7/>",
	"<\u00b7a/>",
	"<a:é xmlns:a='u'/>",
	"<a é='1'/>",
	"<a\xff/>",
	"<a>\xff</a>",
	"<a>\xe2\x82</a>",
	"<a>\xe2\x82&#65;</a>",
	"<a>\xed\xa0\x80</a>",
	"<a>\xef\xbf\xbd</a>",
	"<a>\xef\xbf\xbe</a>",
	"<a>\x01</a>",
	"<a>\x01\xff</a>",
	"<a>\xff\x01</a>",
	"<a>\x01]]></a>",
	"<a>\x01&bad;</a>",
	"<a b='\x01'/>",
	"<a b='\xff'/>",
	"<a b='\x01",
	"<a b='ok",
	"<a>\x01",
	"<a>\x7f</a>",
	"<a>\u0085\u2028</a>",
	"<!-- \x01 \xff --><a/>",
	"<?pi \x01\xff?><a/>",
	"<a>日本語の字幕</a>",
	// Namespaces.
	`<a xmlns="u"><b/><c xmlns=""><d/></c><e/></a>`,
	`<a xmlns="u" xmlns:p="v"><p:b p:x="1" x="2" xml:lang="en" xmlns:q="w"><q:c/></p:b></a>`,
	`<p:a xmlns:p="u"><p:b xmlns:p="v"><p:c/></p:b><p:d/></p:a>`,
	`<p:a xmlns:p="u" xmlns:p="v"><p:b/></p:a>`,
	`<a xmlns:p="u"/><p:b/>`,
	`<q:a q:b="1"/>`,
	`<xml:a xml:b="1"/>`,
	`<a xmlns:xml="http://other" xml:b="1"/>`,
	`<xmlns:a xmlns:b="u"/>`,
	`<xmlns xmlns="u"/>`,
	`<a xmlns="u"><xmlns/></a>`,
	`<a xmlns:="u"/>`,
	`<a xmlns:p=""><p:b/></a>`,
	`<a xmlns="u"><b xmlns="v"></b><c/></a>`,
	`<a xmlns:p="u"><p:b></p:b></a>`,
	`<a xmlns:p="u"><b xmlns:p="v"></b><p:c/></a>`,
	`<a xmlns:p="&amp;&#x3c;"><p:b/></a>`,
	`<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="en"><body><p tts:color="red" begin="0s">x</p></body></tt>`,
}

// deep nests n elements with a namespace declaration every few levels.
func deep(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i%7 == 0 {
			fmt.Fprintf(&b, `<p:s xmlns:p="u%d">`, i)
		} else {
			b.WriteString("<p:s>")
		}
	}
	b.WriteString("deep")
	b.WriteString(strings.Repeat("</p:s>", n))
	return b.String()
}

func TestEdgeCases(t *testing.T) {
	for _, src := range edgeCases {
		checkSame(t, "edge case", src)
	}
	checkSame(t, "deep nesting", deep(20000))
	checkSame(t, "deep unclosed", deep(20000)[:len(deep(20000))/2])
	checkSame(t, "many attributes", "<a "+strings.Repeat(`x="1" `, 10000)+"/>")
	checkSame(t, "long text", "<a>"+strings.Repeat("long &amp; text\r\n", 50000)+"</a>")
}

// TestEdgeCasesCanFail shows the comparison notices a difference: a
// decoder that reads a well-formed document differently is reported.
func TestEdgeCasesCanFail(t *testing.T) {
	src := `<a xmlns="u">x</a>`
	want := stream(stdDecoder(src))
	got := stream(NewDecoder(src + " "))
	if strings.Join(want, "\n") == strings.Join(got, "\n") {
		t.Fatal("different inputs gave the same stream")
	}
}

// samples are whole documents: the generated 700-cue TTML episode, the
// repository's TTML fixtures and, when present, the shared corpus.
func samples(t *testing.T) map[string]string {
	out := map[string]string{
		"generated episode": string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Format: "ttml", Language: "en"})),
		"generated ja":      string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 2, Format: "ttml", Language: "ja"})),
	}
	root := testcorpus.RepoRoot(t)
	dirs := []string{filepath.Join(root, "fixtures"), filepath.Join(root, "qc", "format", "ttml", "testdata")}
	if c := filepath.Join(root, "..", "shared", "corpus"); isDir(c) {
		dirs = append(dirs, c)
	}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttml", ".xml", ".dfxp", ".itt":
				b, err := os.ReadFile(p)
				if err != nil {
					t.Error(err)
					return nil
				}
				rel, _ := filepath.Rel(root, p)
				out[rel] = string(b)
			}
			return nil
		})
	}
	return out
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func TestSamples(t *testing.T) {
	all := samples(t)
	corpus := 0
	for name, src := range all {
		checkSame(t, name, src)
		// As the TTML reader sees it: without the byte order mark.
		if s, ok := strings.CutPrefix(src, "\ufeff"); ok {
			checkSame(t, name+" without BOM", s)
		}
		if strings.HasPrefix(name, "../shared/") {
			corpus++
		}
	}
	t.Logf("%d documents, %d from the shared corpus", len(all), corpus)
}

// TestTruncations compares every prefix of a few rich documents, so that
// every place a document can end early is covered.
func TestTruncations(t *testing.T) {
	docs := []string{
		"\ufeff<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!DOCTYPE tt [<!-- x --><!ENTITY a 'b>'>]>\r\n" +
			`<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="en">` +
			"<!-- comment --><?pi data?><body><p begin='0s' tts:color=\"a&amp;b&#x41;\">x &lt; y<![CDATA[<z>]]>\r\n</p><br/></body></tt>\n",
	}
	for _, src := range docs {
		for i := 0; i <= len(src); i++ {
			checkSame(t, fmt.Sprintf("prefix %d", i), src[:i])
		}
	}
}

const smallTTML = `<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="en"><head><styling><style xml:id="s" tts:color="white"/></styling></head><body><div><p begin="00:00:01.000" end="00:00:02.000" style="s">Hello &amp; <span tts:fontStyle="italic">world</span><br/>line 2</p><!-- note --><p begin="1s" end="2s"><![CDATA[a<b]]></p></div></body></tt>`

// TestMutations compares many deterministic random edits of the edge cases
// and of a small TTML document: inserted markup bytes, deletions,
// duplicated runs.
func TestMutations(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	bases := append([]string{smallTTML}, edgeCases...)
	for i := 0; i < n; i++ {
		src := mutate(rng, bases[rng.IntN(len(bases))])
		if d := diff(src); d != "" {
			t.Fatalf("mutation %d %q:\n%s", i, src, d)
		}
	}
}

const alphabet = "<>/&;#x\"'=?!-[]:CDATA \t\r\nabxmlns\x00\x01\xc3\xa9\xff"

func mutate(rng *rand.Rand, s string) string {
	b := []byte(s)
	for k := 1 + rng.IntN(3); k > 0; k-- {
		switch op := rng.IntN(4); {
		case op == 0 || len(b) == 0:
			p := rng.IntN(len(b) + 1)
			b = append(b[:p], append([]byte{alphabet[rng.IntN(len(alphabet))]}, b[p:]...)...)
		case op == 1:
			p := rng.IntN(len(b))
			b = append(b[:p], b[p+1:]...)
		case op == 2:
			p := rng.IntN(len(b))
			b[p] = alphabet[rng.IntN(len(alphabet))]
		default:
			p := rng.IntN(len(b))
			q := p + rng.IntN(min(8, len(b)-p)+1)
			r := rng.IntN(len(b) + 1)
			run := append([]byte(nil), b[p:q]...)
			b = append(b[:r], append(run, b[r:]...)...)
		}
	}
	return string(b)
}

// FuzzDifferential compares the two tokenizers on any input. `go test`
// runs the seeds; `go test -fuzz FuzzDifferential` explores.
func FuzzDifferential(f *testing.F) {
	for _, s := range edgeCases {
		f.Add(s)
	}
	f.Add(deep(50))
	f.Add(smallTTML)
	f.Fuzz(func(t *testing.T, src string) {
		if d := diff(src); d != "" {
			t.Fatalf("%q:\n%s", src, d)
		}
	})
}

// smallTTMLUTF8 is smallTTML with text and attribute values in Cyrillic,
// Japanese and Arabic, the text the word skip passes over once it has met
// a non-ASCII byte.
const smallTTMLUTF8 = `<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="ru"><body><div><p begin="00:00:01.000" end="00:00:02.000" title="дом">Дом под горой &amp; <span tts:fontStyle="italic">お母さんと約束したんだ。</span><br/>هل رأيت أخي؟ ＜ok＞</p><p begin="1s" end="2s">昨日の夜、どこにいたの？ — «да»</p></div></body></tt>`

// TestMutationsUTF8 compares random edits of smallTTMLUTF8 with bytes
// that end or break a multi-byte character, the noncharacters U+FFFE and
// U+FFFF, a surrogate's encoding and markup among them.
func TestMutationsUTF8(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	const utf8Alphabet = "<>&;\"'=\r\n\x01\xef\xbf\xbe\xbd\xed\xa0\x80\xc3\xa9\xf4\x90д"
	rng := rand.New(rand.NewPCG(8, 13))
	for i := 0; i < n; i++ {
		b := []byte(smallTTMLUTF8)
		for k := 1 + rng.IntN(3); k > 0; k-- {
			p := rng.IntN(len(b))
			run := utf8Alphabet[rng.IntN(len(utf8Alphabet)):]
			run = run[:1+rng.IntN(min(3, len(run)))]
			if rng.IntN(2) == 0 {
				b = append(b[:p], append([]byte(run), b[p:]...)...)
			} else {
				b = append(b[:p], append([]byte(run), b[min(len(b), p+len(run)):]...)...)
			}
		}
		if d := diff(string(b)); d != "" {
			t.Fatalf("mutation %d %q:\n%s", i, b, d)
		}
	}
}
