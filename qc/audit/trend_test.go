package audit_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/audit/history"
	"github.com/exportqc/exportqc/qc/cli"
)

// recordedAudit runs the audit of root into db and returns its JSON report
// and its dashboard.
func recordedAudit(t *testing.T, root, cfg, db string) (*audit.Audit, string) {
	t.Helper()
	dir := t.TempDir()
	js, page := filepath.Join(dir, "audit.json"), filepath.Join(dir, "audit.html")
	code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--db", db, "--report", "json="+js, "--report", "html="+page)
	if code != cli.ExitFail {
		t.Fatalf("audit: exit %d: %s", code, stderr)
	}
	return readAudit(t, js), readFile(t, page)
}

var covLine = regexp.MustCompile(`<polyline class="line cov" points="([^"]*)"/>`)

// coverLines lists the coverage polylines of the dashboard's trend, each as
// its number of points.
func coverLines(t *testing.T, page string) []int {
	t.Helper()
	trend := regexp.MustCompile(`(?s)<svg id="chart-trend".*?</svg>`).FindString(page)
	if trend == "" {
		t.Fatal("the dashboard has no trend chart")
	}
	var out []int
	for _, m := range covLine.FindAllStringSubmatch(trend, -1) {
		out = append(out, len(strings.Fields(m[1])))
	}
	return out
}

// TestTrendCarriesCoverageOfEveryRun: the history keeps each audit's body
// and member coverage, so the second audit's trend, previous audit and
// dashboard show the first audit's coverage next to its own, and the
// database holds each member's figure as the JSON reported it.
func TestTrendCarriesCoverageOfEveryRun(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	db := filepath.Join(t.TempDir(), "h.sqlite")
	a1, _ := recordedAudit(t, root, cfg, db)
	if len(a1.Trend) != 1 || pct(a1.Trend[0].Coverage) != "81.8" {
		t.Fatalf("first audit's trend %+v, want this audit at 81.8", a1.Trend)
	}

	// northlight's French file of episode 2 goes missing from disk: the
	// slot it filled is no longer met (FR 1/2), so coverage drops.
	if err := os.Remove(filepath.Join(root, "northlight", "long-river-s1", "S01E02", "LongRiver_S01E02.fr.srt")); err != nil {
		t.Fatal(err)
	}
	a2, page := recordedAudit(t, root, cfg, db)
	if pct(a2.Totals.Coverage) != "72.7" || pct(member(t, a2, "northlight").Coverage) != "66.7" {
		t.Fatalf("second audit: body coverage %s, northlight %s; want 72.7 and 66.7",
			pct(a2.Totals.Coverage), pct(member(t, a2, "northlight").Coverage))
	}
	var got []string
	for _, p := range a2.Trend {
		got = append(got, pct(p.PassRate)+"/"+pct(p.Coverage))
	}
	if len(a2.Trend) != 2 || a2.Trend[0].Run != 1 || strings.Join(got, " ") != "50.0/81.8 25.0/72.7" {
		t.Errorf("trend (pass rate/coverage) %v, want 50.0/81.8 then 25.0/72.7", got)
	}
	if p := a2.Previous; p == nil || pct(p.Coverage) != "81.8" {
		t.Errorf("previous %+v, want coverage 81.8", p)
	}
	if lines := coverLines(t, page); len(lines) != 1 || lines[0] != 2 {
		t.Errorf("dashboard coverage lines %v, want one through both audits", lines)
	}

	h, err := history.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	runs, err := h.Runs()
	if err != nil || len(runs) != 2 {
		t.Fatalf("runs %d, %v", len(runs), err)
	}
	for i, a := range []*audit.Audit{a1, a2} {
		c := runs[i].Coverage
		if c == nil || c.Covered != a.Totals.Territories[0].Covered+a.Totals.Territories[1].Covered ||
			c.Slots != a.Totals.Territories[0].Slots+a.Totals.Territories[1].Slots {
			t.Errorf("run %d: recorded coverage %+v, body %+v", runs[i].ID, c, a.Totals.Territories)
		}
		ms, err := h.Members(runs[i].ID)
		if err != nil || len(ms) != len(a.Members) {
			t.Fatalf("run %d members: %d, %v", runs[i].ID, len(ms), err)
		}
		for _, m := range ms {
			want := pct(member(t, a, m.Name).Coverage)
			if m.Coverage == nil || fraction(m.Coverage.Covered, m.Coverage.Slots) != want {
				t.Errorf("run %d, %s: recorded coverage %+v, the audit reported %s", runs[i].ID, m.Name, m.Coverage, want)
			}
		}
	}
}

// fraction is covered/slots in percent with one decimal, "" for none.
func fraction(covered, slots int) string {
	if slots == 0 {
		return ""
	}
	return strconv.FormatFloat(100*float64(covered)/float64(slots), 'f', 1, 64)
}

// TestTrendOfAuditsRecordedWithoutCoverage: audits recorded before the
// database kept coverage (their rows migrate with NULL coverage) show none
// in the trend and as the previous audit — null, not 0 % — and the
// dashboard's coverage line does not start at a made-up figure.
func TestTrendOfAuditsRecordedWithoutCoverage(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	db := filepath.Join(t.TempDir(), "h.sqlite")
	recordedAudit(t, root, cfg, db)
	// What the migration leaves in the rows of an earlier exportqc.
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"runs", "members", "deliveries"} {
		if _, err := sdb.Exec(`UPDATE ` + table + ` SET covered = NULL, slots = NULL`); err != nil {
			t.Fatal(err)
		}
	}
	sdb.Close()

	a2, page := recordedAudit(t, root, cfg, db)
	if len(a2.Trend) != 2 || a2.Trend[0].Coverage != nil || pct(a2.Trend[0].PassRate) != "50.0" || pct(a2.Trend[1].Coverage) != "81.8" {
		t.Errorf("trend %+v: want the old audit's pass rate and no coverage, then this audit's 81.8", a2.Trend)
	}
	if p := a2.Previous; p == nil || p.Coverage != nil || pct(p.PassRate) != "50.0" {
		t.Errorf("previous %+v, want its pass rate and no coverage", p)
	}
	var js strings.Builder
	if err := audit.JSON(&js, a2); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`"previous": \{[^}]*"coverage": null,`).MatchString(js.String()) ||
		!regexp.MustCompile(`"trend": \[\s*\{[^}]*"coverage": null,`).MatchString(js.String()) {
		t.Errorf("the JSON does not write the unknown coverage as null:\n%s", js.String())
	}
	if lines := coverLines(t, page); len(lines) != 1 || lines[0] != 1 {
		t.Errorf("dashboard coverage lines %v, want one starting at this audit", lines)
	}
	if !strings.Contains(page, "audit 1 · ") || !strings.Contains(page, "coverage n/a</title>") {
		t.Error("the old audit's point does not say its coverage is not available")
	}
}
