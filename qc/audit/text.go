package audit

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Text writes the scorecards as a table for a terminal: one line per member
// in ranking order, then the body totals and the most common defects.
func Text(w io.Writer, a *Audit) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "MEMBER\tDELIVERIES\tPASSED\tPASS RATE\tCOVERAGE\tPROGRAMMES\tEPISODES\tFILES\tERRORS\tWARNINGS\tNEW\tFIXED\t")
	byName := map[string]*MemberSummary{}
	for i := range a.Members {
		byName[a.Members[i].Name] = &a.Members[i]
	}
	for _, name := range a.Totals.Ranking {
		m := byName[name]
		if m == nil {
			continue
		}
		n, f := "", ""
		if m.Change != nil {
			n, f = itoa(m.Change.New), itoa(m.Change.Fixed)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t\n", clip(displayName(m.DisplayName), 40), m.Deliveries,
			m.PassedDeliveries, fmtPct(m.PassRate), fmtPct(m.Coverage), m.Programmes, m.Episodes, m.Files,
			m.Errors, m.Warnings, n, f)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	t := a.Totals
	verdict := "PASS"
	if !a.Passed {
		verdict = "FAIL"
	}
	shard := ""
	if a.Shard != nil {
		shard = " (shard " + a.Shard.String() + " only)"
	}
	fmt.Fprintf(w, "\n%s%s: %d members, %d deliveries (%d passed, %s), %d programmes, %d episodes, %d subtitle files; "+
		"%d errors, %d warnings, %d info, %d waived; required languages delivered %s\n",
		verdict, shard, t.Members, t.Deliveries, t.PassedDeliveries, fmtPct(t.PassRate), t.Programmes, t.Episodes,
		t.Files, t.Errors, t.Warnings, t.Infos, t.Waived, fmtPct(t.Coverage))
	if c := t.Change; c != nil && a.Previous != nil {
		fmt.Fprintf(w, "since audit #%d (%s): %d new, %d fixed, %d unchanged findings\n",
			a.Previous.Run, a.Previous.Started, c.New, c.Fixed, c.Unchanged)
	}
	if len(t.TopRules) > 0 {
		parts := make([]string, 0, len(t.TopRules))
		for _, r := range t.TopRules {
			who := "members"
			if r.Members == 1 {
				who = "member"
			}
			parts = append(parts, fmt.Sprintf("%s %s ×%d (%d %s)", r.Rule, r.Name, r.Count, r.Members, who))
		}
		fmt.Fprintf(w, "most common: %s\n", strings.Join(parts, ", "))
	}
	for _, n := range a.Notes {
		loc := displayName(n.File)
		if n.Line > 0 {
			loc += ":" + itoa(n.Line)
		}
		fmt.Fprintf(w, "%s: %s: %s %s\n", loc, n.Severity, n.Rule, strings.ToValidUTF8(n.Message, "\uFFFD"))
	}
	return nil
}

// displayName is a folder or file name for a terminal: as it is when it
// is UTF-8, else quoted as Go does (%q), so that every byte is there to
// find it (U+FFFD in its place would name a path that does not exist).
// The JSON report keeps the name as the file system has it.
func displayName(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strconv.Quote(s)
}
