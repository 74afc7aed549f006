package ttml

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func TestRespell(t *testing.T) {
	p25 := defaultParams()
	p25.frameRate, p25.frameRateSet = 25, true
	p25.settle()
	ticks := defaultParams()
	ticks.tickNum, ticks.tickDen, ticks.tickRateSet = 10_000_000, 1, true
	ms := func(n int64) cue.Time { return cue.Time(n) * cue.Millisecond }
	cases := []struct {
		name    string
		p       params
		old     string
		oldT    cue.Time
		newT    cue.Time
		want    string
		refused bool
	}{
		{"clock keeps its fraction width", p25, "00:00:03.000", ms(3000), ms(2960), "00:00:02.960", false},
		{"clock gains a fraction", p25, "00:00:03", ms(3000), ms(2960), "00:00:02.960", false},
		{"clock rounds up to the next second", p25, "00:00:03.5", ms(3500), ms(3999) + cue.Millisecond*9/10, "00:00:04.0", false},
		{"clock frames", p25, "00:00:03:00", ms(3000), ms(2920), "00:00:02:23", false},
		{"offset seconds", p25, "12.4s", ms(12400), ms(12840), "12.840s", false},
		{"offset milliseconds", p25, "1500ms", ms(1500), ms(1460), "1460ms", false},
		{"offset frames", p25, "75f", ms(3000), ms(2920), "73f", false},
		{"offset ticks", ticks, "30000000t", ms(3000), ms(2960), "29600000t", false},
		{"relative to the parent's begin", p25, "00:00:01.000", ms(11000), ms(10960), "00:00:00.960", false},
		{"negative result", p25, "00:00:00.040", ms(40), -ms(40), "", true},
		{"frames off the grid", p25, "75f", ms(3000), ms(2990), "", true},
	}
	for _, c := range cases {
		got, ok := c.p.respell(c.old, c.oldT, c.newT)
		if ok == c.refused || got != c.want {
			t.Errorf("%s: respell(%q, %v → %v) = %q, %v; want %q", c.name, c.old, c.oldT, c.newT, got, ok, c.want)
		}
	}
	drop := p25
	drop.frameRate, drop.mulNum, drop.mulDen, drop.drop = 30, 1000, 1001, dropNTSC
	if got, ok := drop.respell("00:00:03:00", ms(3000), ms(2900)); ok {
		t.Errorf("drop-frame clock rewritten as %q; drop-frame labels are left alone", got)
	}
}
