package audit

import (
	"io"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/output"
)

// CSV writes the scorecards for spreadsheets: a header, one row per member
// (in name order) and a last row of body totals named "(total)". UTF-8,
// comma-separated, RFC 4180 quoting.
func CSV(w io.Writer, a *Audit) error {
	cw := output.NewCSV(w, false)
	head := []string{"member", "display_name", "deliveries", "passed_deliveries", "failed_deliveries", "pass_rate",
		"coverage", "programmes", "episodes", "files", "cues", "errors", "warnings", "infos", "waived",
		"top_rules", "new", "fixed", "unchanged"}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, m := range a.Members {
		row := []string{m.Name, m.DisplayName, itoa(m.Deliveries), itoa(m.PassedDeliveries),
			itoa(m.FailedDeliveries), pct(m.PassRate), pct(m.Coverage), itoa(m.Programmes), itoa(m.Episodes),
			itoa(m.Files), itoa(m.Cues), itoa(m.Errors), itoa(m.Warnings), itoa(m.Infos), itoa(m.Waived),
			ruleList(m.TopRules)}
		row = append(row, change(m.Change)...)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	t := a.Totals
	row := []string{"(total)", "", itoa(t.Deliveries), itoa(t.PassedDeliveries), itoa(t.FailedDeliveries),
		pct(t.PassRate), pct(t.Coverage), itoa(t.Programmes), itoa(t.Episodes), itoa(t.Files), itoa(t.Cues),
		itoa(t.Errors), itoa(t.Warnings), itoa(t.Infos), itoa(t.Waived), ruleList(t.TopRules)}
	row = append(row, change(t.Change)...)
	if err := cw.Write(row); err != nil {
		return err
	}
	return cw.Flush()
}

// DeliveriesCSV writes one row per delivery, in path order.
func DeliveriesCSV(w io.Writer, a *Audit) error {
	cw := output.NewCSV(w, false)
	head := []string{"member", "delivery", "kind", "title", "season", "territories", "episodes", "files", "cues",
		"errors", "warnings", "infos", "waived", "passed", "coverage"}
	if err := cw.Write(head); err != nil {
		return err
	}
	for i := range a.Deliveries {
		d := &a.Deliveries[i]
		slots, covered := 0, 0
		for _, c := range d.Coverage {
			slots += c.Slots
			covered += c.Covered
		}
		season := ""
		if d.Season > 0 {
			season = itoa(d.Season)
		}
		row := []string{d.Member, d.Path, d.Kind, d.Title, season,
			strings.Join(d.Territories, " "), itoa(len(d.Episodes)), itoa(d.Files), itoa(d.Cues),
			itoa(d.Errors), itoa(d.Warnings), itoa(d.Infos), itoa(d.Waived), strconv.FormatBool(d.Passed),
			pct(percent(covered, slots))}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}

func itoa(n int) string { return strconv.Itoa(n) }

// pct is a percentage cell: "93.3", or empty for no rate.
func pct(p *Percent) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(float64(*p), 'f', 1, 64)
}

func ruleList(rs []RuleCount) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.Rule + " " + r.Name + " (" + itoa(r.Count) + ")"
	}
	return strings.Join(parts, "; ")
}

func change(c *Change) []string {
	if c == nil {
		return []string{"", "", ""}
	}
	return []string{itoa(c.New), itoa(c.Fixed), itoa(c.Unchanged)}
}
