package deliverycheck_test

import (
	"strings"
	"testing"
)

func TestEpisodeGaps(t *testing.T) {
	cases := []struct {
		eps   []int
		count int
		want  string // "N@line" for each missing episode
	}{
		{[]int{1, 2, 3}, 0, ""},
		{[]int{1, 3}, 0, "2@30"},      // the gap, at the episode after it
		{[]int{5, 6}, 0, ""},          // a delivery may start anywhere
		{[]int{5, 8}, 0, "6@80 7@80"}, // one finding per missing number
		{[]int{1, 3}, 3, "2@0"},       // with a count: at the count (line unknown here)
		{[]int{1, 2}, 4, "3@0 4@0"},   // fewer than stated
	}
	for _, c := range cases {
		m := map[int][]string{}
		for _, n := range c.eps {
			m[n] = []string{"fr subtitles"}
		}
		d := episodic(m)
		d.EpisodeCount = c.count
		var got []string
		for _, f := range check(t, input(t, d, nil)) {
			if f.Rule == "D006" {
				n := strings.Fields(strings.TrimPrefix(f.Message, "episode "))[0]
				got = append(got, n+"@"+itoa(f.Line))
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("episodes %v count %d: D006 %v, want %q", c.eps, c.count, got, c.want)
		}
	}
}
