package ttml

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// timeAttrs is how fixes found a <p>'s begin and end values before the
// reader recorded where the XML scanner met them: a scan of the start tag's
// text. It stays here as the reference the recorded places must agree with.
//
// timeAttrs calls fn with the name and the value's span of each begin= or
// end= attribute in a start tag (a name after white space, then =, then a
// quoted value, white space allowed around =), skipping other attributes'
// values: "end='3s'" inside a description is text, not the element's end.
// Written to be plainly right, byte by byte, not fast.
func timeAttrs(tag string, fn func(name string, vs, ve int)) {
	for i := 0; i < len(tag); i++ {
		if q := tag[i]; q == '"' || q == '\'' {
			k := strings.IndexByte(tag[i+1:], q)
			if k < 0 {
				return
			}
			i += k + 1
			continue
		}
		if i > 0 && !xmlSpace(tag[i-1]) {
			continue
		}
		for _, name := range []string{"begin", "end"} {
			if !strings.HasPrefix(tag[i:], name) {
				continue
			}
			j := i + len(name)
			for j < len(tag) && xmlSpace(tag[j]) {
				j++
			}
			if j >= len(tag) || tag[j] != '=' {
				break
			}
			j++
			for j < len(tag) && xmlSpace(tag[j]) {
				j++
			}
			if j >= len(tag) || (tag[j] != '"' && tag[j] != '\'') {
				break
			}
			k := strings.IndexByte(tag[j+1:], tag[j])
			if k < 0 {
				break
			}
			fn(name, j+1, j+1+k)
			i = j + 1 + k
			break
		}
	}
}

// xmlSpace is what the tag scanner takes for white space (\s in Go's
// regular expressions: tab, newline, form feed, carriage return, space).
func xmlSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// The attribute scanner finds the element's own begin= and end= values, and
// never text inside another attribute's value.
func TestTimeAttrs(t *testing.T) {
	type hit struct {
		name, value string
	}
	for _, c := range []struct {
		tag  string
		want []hit
	}{
		{`<p begin="00:00:01.000" end="00:00:02.000">`, []hit{{"begin", "00:00:01.000"}, {"end", "00:00:02.000"}}},
		{"<p xml:id=\"a\" begin = '1s'\tend=\n\"2s\" region=\"r1\">", []hit{{"begin", "1s"}, {"end", "2s"}}},
		{`<p tt:begin="1s" end="2s">`, []hit{{"end", "2s"}}},
		{`<p begin="1s" end="2s" ttm:desc="the end='3s'">`, []hit{{"begin", "1s"}, {"end", "2s"}}},
		{`<p title='a begin="9s" b' begin="1s">`, []hit{{"begin", "1s"}}},
		{`<p begin="1s" beginning="x" endless='y' end="">`, []hit{{"begin", "1s"}, {"end", ""}}},
		{`<p begin=1s end="2s">`, []hit{{"end", "2s"}}},
		{`<p begin="unterminated>`, nil},
		{``, nil},
	} {
		var got []hit
		timeAttrs(c.tag, func(name string, vs, ve int) { got = append(got, hit{name, c.tag[vs:ve]}) })
		if len(got) != len(c.want) {
			t.Errorf("%q: got %v, want %v", c.tag, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: got %v, want %v", c.tag, got, c.want)
			}
		}
	}
}

// A paragraph's begin and end are found in its own start tag, not earlier
// on its line: an apostrophe in the paragraph before it once hid them and
// left that paragraph's values in their place.
func TestTimeSourcesFromTheParagraphsOwnTag(t *testing.T) {
	src := `<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div>
<p begin="1s" end="2s">It's</p><p begin="3s" end="4s">b</p><p begin="5s" end="6s">c</p>
</div></body></tt>`
	d := Read(src)
	want := [][2]string{{"1s", "2s"}, {"3s", "4s"}, {"5s", "6s"}}
	if len(d.Cues) != len(want) {
		t.Fatalf("cues: %+v", d.Cues)
	}
	for i, c := range d.Cues {
		got := [2]string{src[c.StartSrc.From:c.StartSrc.To], src[c.EndSrc.From:c.EndSrc.To]}
		if got != want[i] {
			t.Errorf("cue %d: begin/end written as %q, want %q", i+1, got, want[i])
		}
	}
}

// The places the reader records for a cue's begin and end values are the
// ones the tag scan finds in the paragraph's start tag, on every TTML file
// of the corpus and the test data and on tags written to trip a scanner.
func TestTimeSourcesAgreeWithTheTagScan(t *testing.T) {
	docs := map[string]string{}
	for i, tag := range []string{
		`<p begin="1s" end="2s">`,
		"<p xml:id=\"a\" begin = '1s'\tend=\n\"2s\" region=\"r1\">",
		`<p begin="1s" end="2s" ttm:desc="the end='3s'">`,
		`<p title='a begin="9s" b' begin="1s" end="2s">`,
		`<p begin="1s" xml:id="x"end="2s">`,
		`<p begin="1s" end="2s" end="3s">`,
		`<p begin="1s" end="2s"end="3s">`,
		`<p begin="0&#x31;s" end="2s">`,
	} {
		docs[fmt.Sprint("tag ", i)] = doc(``, ``, `<div xmlns:ttm="http://www.w3.org/ns/ttml#metadata">`+tag+`x</p></div>`)
	}
	files, _ := filepath.Glob("testdata/*")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			docs[f] = string(b)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", "..", "..", "shared", "corpus", "MANIFEST.tsv")); err == nil {
		for _, rel := range corpusTTML(t) {
			src, _ := readCorpus(t, rel)
			docs[rel] = src
		}
	}
	checked := 0
	for name, src := range docs {
		for _, c := range Read(src).Cues {
			if c.StartSrc == (cue.Range{}) && c.EndSrc == (cue.Range{}) {
				continue // not rewritable: nothing recorded either way
			}
			tagFrom := strings.LastIndexByte(src[:c.TextSrc.From], '<')
			var want [2]cue.Range
			timeAttrs(src[tagFrom:c.TextSrc.From], func(name string, vs, ve int) {
				rg := cue.Range{From: int64(tagFrom + vs), To: int64(tagFrom + ve)}
				if name == "begin" {
					want[0] = rg
				} else {
					want[1] = rg
				}
			})
			if got := [2]cue.Range{c.StartSrc, c.EndSrc}; got != want {
				t.Errorf("%s cue %d: begin/end at %v, the tag scan finds %v", name, c.Index, got, want)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d cues checked", checked)
	}
}
