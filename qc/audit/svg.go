package audit

import (
	"strconv"
)

// Charts are drawn here as plain numbers for the template to place in
// inline SVG: no script, no library, no network, and the same audit gives
// the same drawing. Geometry is in SVG user units; the page scales it.

const (
	chartWidth  = 640
	labelWidth  = 180 // room for a member's display name
	barMax      = 320 // bar length for 100 %
	rowHeight   = 22
	barHeight   = 14
	chartMargin = 6
)

// barChart is a horizontal bar chart of percentages.
type barChart struct {
	ID, Title string
	Width     int
	Height    int
	Bars      []chartBar
	Grid      []gridLine
}

type chartBar struct {
	Key, Label string
	Note       string // extra text after the value ("12 episodes")
	Y, TextY   int
	X, W       int // bar
	TrackW     int
	ValueX     int
	Value      string // "93.3" or "n/a"
	Class      string // good, fair, poor, none
}

type gridLine struct {
	X     int
	Label string
}

// rateClass grades a percentage the way the dashboard colours it.
func rateClass(p *Percent) string {
	switch {
	case p == nil:
		return "none"
	case *p >= 95:
		return "good"
	case *p >= 80:
		return "fair"
	}
	return "poor"
}

type barInput struct {
	key, label, note string
	value            *Percent
}

func newBarChart(id, title string, in []barInput) barChart {
	c := barChart{ID: id, Title: title, Width: chartWidth, Height: chartMargin*2 + rowHeight*max(len(in), 1) + 14}
	for _, pctv := range []int{0, 50, 100} {
		c.Grid = append(c.Grid, gridLine{X: labelWidth + barMax*pctv/100, Label: strconv.Itoa(pctv) + "%"})
	}
	for i, b := range in {
		y := chartMargin + i*rowHeight
		bar := chartBar{Key: b.key, Label: clip(b.label, 28), Note: b.note, Y: y + (rowHeight-barHeight)/2,
			TextY: y + rowHeight/2 + 4, X: labelWidth, TrackW: barMax, Value: "n/a", Class: rateClass(b.value)}
		if b.value != nil {
			bar.W = int(float64(*b.value)*barMax/100 + 0.5)
			bar.Value = strconv.FormatFloat(float64(*b.value), 'f', 1, 64)
		}
		bar.ValueX = labelWidth + barMax + 8
		c.Bars = append(c.Bars, bar)
	}
	return c
}

// clip shortens a label to n runes with an ellipsis; the full text is in
// the bar's tooltip and the table.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// trendChart is the line of past audits: pass rate and coverage. Each line
// is drawn in runs of consecutive audits that have the figure: an audit
// without one (no deliveries, nothing required, or coverage not recorded
// by the exportqc of the time) breaks the line rather than being bridged.
type trendChart struct {
	Width, Height int
	Left, Right   int
	Top, Bottom   int
	Pass, Cover   []string // polyline points, one polyline per run
	Points        []trendDot
	Grid          []trendGrid
}

type trendDot struct {
	X, PassY, CoverY int
	HasPass, HasCov  bool
	Label            string // run and date
	Pass, Cover      string
	XLabel           string
}

type trendGrid struct {
	Y     int
	Label string
}

func newTrendChart(points []TrendPoint) *trendChart {
	if len(points) == 0 {
		return nil
	}
	c := &trendChart{Width: chartWidth, Height: 220, Left: 44, Right: chartWidth - 16, Top: 12, Bottom: 190}
	y := func(p float64) int { return c.Bottom - int(p*float64(c.Bottom-c.Top)/100+0.5) }
	for _, g := range []int{0, 25, 50, 75, 100} {
		c.Grid = append(c.Grid, trendGrid{Y: y(float64(g)), Label: strconv.Itoa(g) + "%"})
	}
	span := c.Right - c.Left
	// line adds a point to the last run of a line, or starts a new run
	// after a gap.
	line := func(runs []string, gap bool, x, y int) []string {
		if gap || len(runs) == 0 {
			runs = append(runs, "")
		}
		runs[len(runs)-1] += pointStr(x, y)
		return runs
	}
	passGap, coverGap := true, true
	for i, p := range points {
		x := c.Left + span/2
		if len(points) > 1 {
			x = c.Left + span*i/(len(points)-1)
		}
		d := trendDot{X: x, Label: "this audit", XLabel: "now", Pass: "n/a", Cover: "n/a"}
		if p.Run > 0 {
			d.Label = "audit " + strconv.FormatInt(p.Run, 10)
			d.XLabel = "#" + strconv.FormatInt(p.Run, 10)
			if len(p.Started) >= 10 {
				d.Label += " · " + p.Started[:10]
			}
		}
		if p.PassRate != nil {
			d.HasPass, d.PassY, d.Pass = true, y(float64(*p.PassRate)), p.PassRate.String()
			c.Pass = line(c.Pass, passGap, x, d.PassY)
		}
		if p.Coverage != nil {
			d.HasCov, d.CoverY, d.Cover = true, y(float64(*p.Coverage)), p.Coverage.String()
			c.Cover = line(c.Cover, coverGap, x, d.CoverY)
		}
		passGap, coverGap = p.PassRate == nil, p.Coverage == nil
		c.Points = append(c.Points, d)
	}
	return c
}

func pointStr(x, y int) string { return strconv.Itoa(x) + "," + strconv.Itoa(y) + " " }
