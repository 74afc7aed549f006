package audit

import (
	"strings"
	"testing"
)

func pctp(v float64) *Percent { p := Percent(v); return &p }

// An audit without a figure breaks that line of the trend instead of being
// bridged: a straight segment across it would show a value nobody measured.
func TestTrendChartBreaksLinesAtMissingFigures(t *testing.T) {
	c := newTrendChart([]TrendPoint{
		{Run: 1, PassRate: pctp(40)}, // recorded before coverage was kept
		{Run: 2, PassRate: pctp(50), Coverage: pctp(60)},
		{Run: 3}, // no deliveries: neither figure
		{Run: 4, PassRate: pctp(55), Coverage: pctp(80)},
		{PassRate: pctp(60), Coverage: pctp(90)}, // this audit
	})
	points := func(lines []string) []int {
		var out []int
		for _, l := range lines {
			out = append(out, len(strings.Fields(l)))
		}
		return out
	}
	if got := points(c.Pass); len(got) != 2 || got[0] != 2 || got[1] != 2 {
		t.Errorf("pass-rate lines of %v points, want 2 and 2 (broken at audit 3)", got)
	}
	if got := points(c.Cover); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("coverage lines of %v points, want 1 (audit 2) and 2 (from audit 4)", got)
	}
	if len(c.Points) != 5 || c.Points[0].HasCov || c.Points[0].Cover != "n/a" || !c.Points[1].HasCov {
		t.Errorf("dots %+v", c.Points)
	}
}
