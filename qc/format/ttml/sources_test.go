package ttml

import (
	"regexp"
	"testing"
)

// The hand-written attribute scanner finds exactly what the regular
// expression it replaced found, on tags that are and are not what it is
// for (prefixed names, names inside values, spaces around =, both quotes).
func TestTimeAttrsAsTheRegexpDid(t *testing.T) {
	re := regexp.MustCompile(`(?:^|[\s])(begin|end)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	for _, tag := range []string{
		`<p begin="00:00:01.000" end="00:00:02.000">`,
		`<p xml:id="a" begin = '1s'	end=
"2s" region="r1">`,
		`<p tt:begin="1s" end="2s">`,
		`<p title="the end='3s'" begin="1s">`,
		`<p begin="1s" beginning="x" endless='y' end="">`,
		`<p end="2s" begin="1s"`,
		`<p begin=1s end="2s">`,
		`<p begin="unterminated>`,
		``,
	} {
		type hit struct {
			name   string
			vs, ve int
		}
		var want, got []hit
		for _, m := range re.FindAllStringSubmatchIndex(tag, -1) {
			vs, ve := m[4], m[5]
			if vs < 0 {
				vs, ve = m[6], m[7]
			}
			want = append(want, hit{tag[m[2]:m[3]], vs, ve})
		}
		timeAttrs(tag, func(name string, vs, ve int) { got = append(got, hit{name, vs, ve}) })
		if len(got) != len(want) {
			t.Errorf("%q: got %v, want %v", tag, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: got %v, want %v", tag, got, want)
			}
		}
	}
}
