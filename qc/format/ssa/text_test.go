package ssa

import (
	"reflect"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func TestParseText(t *testing.T) {
	styles := map[string]styleDef{"Alt": {name: "Alt", style: cue.Italic}}
	type line struct {
		text  string
		spans []cue.Span
	}
	it := func(a, b int) []cue.Span { return []cue.Span{{Start: a, End: b, Style: cue.Italic}} }
	cases := []struct {
		name     string
		raw      string
		base     cue.Style
		want     []line
		settings string
	}{
		{"override tags are not text", `{\fs20\c&H00FF00&}Hello {\bord2}world`, 0, []line{{"Hello world", nil}}, ""},
		{"comments in braces", `Hello{ a note }, you`, 0, []line{{"Hello, you", nil}}, ""},
		{"italic toggles", `{\i1}In{\i0} out {\i1}in`, 0, []line{{"In out in", []cue.Span{{Start: 0, End: 2, Style: cue.Italic}, {Start: 7, End: 9, Style: cue.Italic}}}}, ""},
		{"\\i alone restores the style", `{\i0}plain {\i}styled`, cue.Italic, []line{{"plain styled", it(6, 12)}}, ""},
		{"iclip is not italics", `{\iclip(0,0,10,10)}clipped`, 0, []line{{"clipped", nil}}, ""},
		{"bold weights", `{\b700}heavy{\b400} light{\be1} blur`, 0, []line{{"heavy light blur", []cue.Span{{Start: 0, End: 5, Style: cue.Bold}}}}, ""},
		{"reset to a named style", `{\rAlt}alt{\r}base`, 0, []line{{"altbase", it(0, 3)}}, ""},
		{"hard and soft breaks", `one\Ntwo\nthree`, 0, []line{{"one", nil}, {"two", nil}, {"three", nil}}, ""},
		{"hard space", `a\hb`, 0, []line{{"a\u00a0b", nil}}, ""},
		{"edge spaces trimmed around breaks", `{\i1}one \N two`, 0, []line{{"one", it(0, 3)}, {"two", it(0, 3)}}, ""},
		{"unknown escape stays", `C:\path`, 0, []line{{`C:\path`, nil}}, ""},
		{"unclosed brace is text", `a {b`, 0, []line{{"a {b", nil}}, ""},
		{"drawing commands are not text", `{\p1}m 0 0 l 100 0 100 100{\p0}label`, 0, []line{{"label", nil}}, ""},
		{"only tags: no lines", `{\an8\pos(1,2)}`, 0, nil, "an:8 pos:1,2"},
		{"first alignment wins", `{\an8}a{\an2}b`, 0, []line{{"ab", nil}}, "an:8"},
		{"legacy alignment", `{\a6}top centre`, 0, []line{{"top centre", nil}}, "an:8"},
		{"transform contents ignored", `{\t(0,500,\i1\fs40)}x`, 0, []line{{"x", nil}}, ""},
		{"multibyte text keeps rune boundaries", `{\i1}日本{\i0}語`, 0, []line{{"日本語", it(0, 6)}}, ""},
	}
	for _, c := range cases {
		got := parseText(c.raw, c.base, styles)
		var lines []line
		for _, l := range got.lines {
			lines = append(lines, line{l.Text, l.Spans})
		}
		if !reflect.DeepEqual(lines, c.want) || got.settings != c.settings {
			t.Errorf("%s: %q -> %+v %q, want %+v %q", c.name, c.raw, lines, got.settings, c.want, c.settings)
		}
	}
}
