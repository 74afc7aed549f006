package audit

import (
	_ "embed"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

var (
	//go:embed dashboard.tmpl
	dashSource string
	//go:embed dashboard.css
	dashCSS string
	//go:embed dashboard.js
	dashJS string

	// dashTemplate is parsed on first use: only audits writing HTML need
	// it, and every run of the command would pay for it at start-up.
	dashTemplate = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("audit").Parse(dashSource))
	})
)

// MaxHTMLFindings caps the findings listed per delivery in the dashboard, so
// a delivery with thousands of findings does not make the page unusable;
// the rest are counted, and all are in the JSON report.
const MaxHTMLFindings = 200

// HTML writes the dashboard: one self-contained page (inline CSS, JS and
// SVG charts, a CSP forbidding any load). One row per member, which opens
// onto the member's deliveries, each of which opens onto its findings.
// Without JavaScript every member's deliveries are shown; with it, the
// rows toggle, and "#member=NAME&delivery=PATH" in the URL opens one (a
// link to a member's part of the page can be shared).
func HTML(w io.Writer, a *Audit) error {
	p, err := newDashPage(a)
	if err != nil {
		return err
	}
	return dashTemplate().Execute(w, p)
}

type dashPage struct {
	Tool      report.Tool
	FailOn    string
	Verdict   string
	Passed    bool
	Shard     string
	Totals    Totals
	PassRate  string
	Coverage  string
	Previous  *Previous
	Charts    []barChart
	Trend     *trendChart
	Members   []dashMember
	Ranking   []dashRank
	TopRules  []RuleCount
	Languages []LanguageExport
	Terr      []dashTerritory
	Notes     []dashFinding
	Cols      int
	CSS       template.CSS
	JS        template.JS
}

type dashMember struct {
	ID string
	MemberSummary
	PassRate, Coverage  string
	PassClass, CovClass string
	Top                 string
	Items               []dashDelivery
}

type dashDelivery struct {
	ID, Path, Short, Title, Kind, Territories string
	Episodes, Files                           int
	rule.Counts
	Waived   int
	Passed   bool
	Coverage string
	Findings []dashFinding
	More     int
}

type dashFinding struct {
	Rule, Name, Severity, File, Line, Cue, Start, Message string
	Waived                                                string
}

type dashRank struct {
	Place                      int
	Name, DisplayName          string
	PassRate, Coverage         string
	Deliveries, Passed, Failed int
}

type dashTerritory struct {
	TerritoryExport
	Coverage string
	Class    string
	Missing  string
}

func fmtPct(p *Percent) string {
	if p == nil {
		return "n/a"
	}
	return p.String()
}

func newDashPage(a *Audit) (*dashPage, error) {
	names := map[string]string{}
	for _, r := range a.Rules {
		names[r.Code] = r.Name
	}
	p := &dashPage{
		Tool: a.Tool, FailOn: a.FailOn, Passed: a.Passed, Verdict: "FAIL",
		Totals: a.Totals, PassRate: fmtPct(a.Totals.PassRate), Coverage: fmtPct(a.Totals.Coverage),
		Previous: a.Previous, TopRules: a.Totals.TopRules, Languages: a.Totals.Languages,
		CSS: template.CSS(dashCSS), JS: template.JS(report.ReadHashJS + dashJS), Cols: 11,
	}
	if a.Passed {
		p.Verdict = "PASS"
	}
	if a.Shard != nil {
		p.Shard = a.Shard.String()
	}
	display := map[string]string{}
	index := map[string]int{}
	for i, m := range a.Members {
		display[m.Name] = m.DisplayName
		index[m.Name] = i
		dm := dashMember{ID: "m" + strconv.Itoa(i+1), MemberSummary: m,
			PassRate: fmtPct(m.PassRate), Coverage: fmtPct(m.Coverage),
			PassClass: rateClass(m.PassRate), CovClass: rateClass(m.Coverage), Top: ruleList(m.TopRules)}
		p.Members = append(p.Members, dm)
	}
	for i := range a.Deliveries {
		d := &a.Deliveries[i]
		mi, ok := index[d.Member]
		if !ok {
			continue
		}
		m := &p.Members[mi]
		slots, covered := 0, 0
		for _, c := range d.Coverage {
			slots += c.Slots
			covered += c.Covered
		}
		dd := dashDelivery{ID: m.ID + "-d" + strconv.Itoa(len(m.Items)+1), Path: d.Path,
			Short: strings.TrimPrefix(d.Path, d.Member+"/"), Title: d.Title, Kind: d.Kind,
			Territories: strings.Join(d.Territories, " "), Episodes: len(d.Episodes), Files: d.Files,
			Counts: d.Counts, Waived: d.Waived, Passed: d.Passed,
			Coverage: fmtPct(percent(covered, slots))}
		if d.Season > 0 {
			dd.Title += " · season " + strconv.Itoa(d.Season)
		}
		findings, err := d.FindingList()
		if err != nil {
			return nil, err
		}
		for j := range findings {
			if j == MaxHTMLFindings {
				dd.More = len(findings) - j
				break
			}
			dd.Findings = append(dd.Findings, dashFind(&findings[j], names, d.Path+"/"))
		}
		m.Items = append(m.Items, dd)
	}
	for _, n := range a.Notes {
		p.Notes = append(p.Notes, dashFind(&n, names, ""))
	}

	var passBars, covBars, terrBars []barInput
	for i, name := range a.Totals.Ranking {
		m := a.Members[index[name]]
		p.Ranking = append(p.Ranking, dashRank{Place: i + 1, Name: name, DisplayName: m.DisplayName,
			PassRate: fmtPct(m.PassRate), Coverage: fmtPct(m.Coverage), Deliveries: m.Deliveries,
			Passed: m.PassedDeliveries, Failed: m.FailedDeliveries})
		passBars = append(passBars, barInput{key: name, label: m.DisplayName, value: m.PassRate,
			note: strconv.Itoa(m.PassedDeliveries) + "/" + strconv.Itoa(m.Deliveries)})
		covBars = append(covBars, barInput{key: name, label: m.DisplayName, value: m.Coverage})
	}
	for _, t := range a.Totals.Territories {
		dt := dashTerritory{TerritoryExport: t, Coverage: fmtPct(t.Percent), Class: rateClass(t.Percent)}
		var missing []string
		have := map[string]bool{}
		for _, x := range t.Delivered {
			have[x] = true
		}
		for _, r := range t.Required {
			if !have[r] {
				missing = append(missing, r)
			}
		}
		dt.Missing = strings.Join(missing, " ")
		p.Terr = append(p.Terr, dt)
		terrBars = append(terrBars, barInput{key: t.Territory, label: t.Territory, value: t.Percent,
			note: strconv.Itoa(t.Episodes) + " ep."})
	}
	p.Charts = []barChart{
		newBarChart("chart-pass", "Deliveries passed, per member", passBars),
		newBarChart("chart-coverage", "Required languages delivered, per member", covBars),
		newBarChart("chart-territory", "Required languages delivered, per territory", terrBars),
	}
	p.Trend = newTrendChart(a.Trend)
	return p, nil
}

func dashFind(f *Finding, names map[string]string, prefix string) dashFinding {
	d := dashFinding{Rule: f.Rule, Name: names[f.Rule], Severity: f.Severity.String(),
		File: strings.TrimPrefix(f.File, prefix), Start: f.Start, Message: f.Message}
	if f.Line > 0 {
		d.Line = strconv.Itoa(f.Line)
	}
	if f.Cue > 0 {
		d.Cue = strconv.Itoa(f.Cue)
	}
	if f.Waived != nil {
		d.Waived = f.Waived.Reason
		if f.Waived.Source != "" {
			d.Waived += " (" + f.Waived.Source + ")"
		}
	}
	return d
}
