package ttml

import "testing"

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
