package deliverycheck_test

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// d006 lists "MESSAGE-HEAD@LINE" of each D006 finding, where the head is
// the message up to its colon ("episodes 3–7 are missing (5 episodes)").
func d006(fs []rule.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == "D006" {
			head, _, _ := strings.Cut(f.Message, ":")
			out = append(out, head+"@"+itoa(f.Line))
		}
	}
	return out
}

func TestEpisodeGaps(t *testing.T) {
	cases := []struct {
		eps   []int
		count int
		want  string // "HEAD@line" of each finding, joined by " | "
	}{
		{[]int{1, 2, 3}, 0, ""},
		{[]int{1, 3}, 0, "episode 2 is missing@30"},                  // the gap, at the episode after it
		{[]int{5, 6}, 0, ""},                                         // a delivery may start anywhere
		{[]int{5, 8}, 0, "episodes 6–7 are missing (2 episodes)@80"}, // one finding per run
		{[]int{1, 3}, 3, "episode 2 is missing@0"},                   // with a count: at the count (line unknown here)
		{[]int{1, 2}, 4, "episodes 3–4 are missing (2 episodes)@0"},  // fewer than stated
		{[]int{2, 9}, 12, "episode 1 is missing@0 | episodes 3–8 are missing (6 episodes)@0 | episodes 10–12 are missing (3 episodes)@0"},
		{[]int{1, 2}, 10000, "episodes 3–10000 are missing (9998 episodes)@0"}, // one finding all the same
		// Over D009's max_episode_count (10,000): not used although D009
		// is off here, so only gaps between declared numbers would count.
		{[]int{1, 2}, 1000000, ""},
		{[]int{1, 3}, 1000000, "episode 2 is missing@30"},
	}
	for _, c := range cases {
		m := map[int][]string{}
		for _, n := range c.eps {
			m[n] = []string{"fr subtitles"}
		}
		d := episodic(m)
		d.EpisodeCount = c.count
		in := input(t, d, nil)
		off := *in.Configs["D009"]
		off.Enabled = false
		in.Configs["D009"] = &off
		if got := strings.Join(d006(check(t, in)), " | "); got != c.want {
			t.Errorf("episodes %v count %d: D006 %q, want %q", c.eps, c.count, got, c.want)
		}
	}
}

// The declared list quoted in messages is runs of numbers, capped; gaps
// past the cap are counted in one last finding.
func TestEpisodeGapsCapped(t *testing.T) {
	m := map[int][]string{}
	for n := 2; n <= 2000; n += 2 {
		m[n] = []string{"fr subtitles"}
	}
	fs := check(t, input(t, episodic(m), nil))
	got := d006(fs)
	if len(got) != 51 {
		t.Fatalf("%d D006 findings, want 50 gaps and one counting the rest", len(got))
	}
	if got[0] != "episode 3 is missing@40" || !strings.HasPrefix(got[50], "949 more gaps (949 episodes) are missing after episode 101") {
		t.Errorf("first %q, last %q", got[0], got[50])
	}
	for _, f := range fs {
		if len(f.Message) > 400 || len(f.Actual) > 300 {
			t.Fatalf("unbounded text: %d-byte message, %d-byte actual", len(f.Message), len(f.Actual))
		}
	}
	for _, f := range fs {
		if f.Rule == "D006" && (!strings.HasPrefix(f.Actual, "episodes 2, 4, 6") || !strings.HasSuffix(f.Actual, "… (980 more episodes)")) {
			t.Fatalf("actual %q", f.Actual)
		}
	}
}

// An episode_count over the pack's maximum is D009, and D006 then judges
// only the gaps between the numbers declared.
func TestAbsurdEpisodeCount(t *testing.T) {
	d := episodic(map[int][]string{1: {"fr subtitles"}, 3: {"fr subtitles"}})
	d.EpisodeCount = 2000000000
	fs := check(t, input(t, d, nil))
	var d009 []rule.Finding
	for _, f := range fs {
		if f.Rule == "D009" {
			d009 = append(d009, f)
		}
	}
	if len(d009) != 1 || !strings.Contains(d009[0].Message, "episode_count 2000000000 is over the 10000") || d009[0].Source == "" {
		t.Errorf("D009 %+v", d009)
	}
	if got := strings.Join(d006(fs), " | "); got != "episode 2 is missing@30" {
		t.Errorf("D006 %q", got)
	}
}
