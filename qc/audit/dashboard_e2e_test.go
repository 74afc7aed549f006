//go:build unix

package audit_test

import (
	"github.com/exportqc/exportqc/qc/internal/browsertest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const chromiumPath = browsertest.ChromiumPath

func dumpDOM(t *testing.T, url string, extra ...string) string {
	return browsertest.DumpDOM(t, url, extra...)
}

func textByID(t *testing.T, dom, id string) string {
	t.Helper()
	m := regexp.MustCompile(`id="` + regexp.QuoteMeta(id) + `"[^>]*>([^<]*)<`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no element #%s in the DOM", id)
	}
	return m[1]
}

var (
	drillTag  = regexp.MustCompile(`<tr class="drill" id="m\d+-drill" data-member="([^"]+)"([^>]*)>`)
	memberTag = regexp.MustCompile(`<tr class="member( open)?" id="m\d+" data-member="([^"]+)"`)
	openTag   = regexp.MustCompile(`<details class="delivery" id="[^"]+" data-delivery="([^"]+)" open=""`)
)

// openMembers lists the members whose deliveries are shown.
func openMembers(dom string) (shown []string, rows int) {
	for _, m := range drillTag.FindAllStringSubmatch(dom, -1) {
		rows++
		if !strings.Contains(m[2], "hidden") {
			shown = append(shown, m[1])
		}
	}
	return shown, rows
}

// TestDashboardInChromium renders the fixture audit's dashboard after two
// recorded audits and checks, in a real browser, what a user sees: the
// body figures, one row per member with its own figures, the drill-down
// opened from the URL (a member, then one delivery and its findings), the
// charts, and that without JavaScript every delivery stays reachable.
func TestDashboardInChromium(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skip("chromium not installed at " + chromiumPath)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	db := filepath.Join(t.TempDir(), "h.sqlite")
	page := filepath.Join(t.TempDir(), "audit.html")
	members := filepath.Join(root, "members.yaml")
	for i := 0; i < 2; i++ {
		if code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--db", db, "--members", members,
			"--report", "html="+page); code > 1 {
			t.Fatalf("audit: exit %d: %s", code, stderr)
		}
	}
	url := "file://" + page

	dom := dumpDOM(t, url)
	for id, want := range map[string]string{
		"verdict": "FAIL", "tot-members": "3", "tot-deliveries": "4", "tot-programmes": "4", "tot-episodes": "8",
		"tot-files": "17", "tot-pass-rate": "50.0%", "tot-coverage": "81.8%", "tot-errors": "5",
	} {
		if got := textByID(t, dom, id); got != want {
			t.Errorf("#%s shows %q, want %q", id, got, want)
		}
	}
	var rows []string
	for _, m := range memberTag.FindAllStringSubmatch(dom, -1) {
		rows = append(rows, m[2])
	}
	if strings.Join(rows, " ") != "eastgate northlight southbank" {
		t.Errorf("member rows %v, want one per member in name order", rows)
	}
	// southbank's row: its display name, 1 delivery, 0.0% passed, 66.7% coverage.
	row := regexp.MustCompile(`(?s)data-member="southbank">.*?</tr>`).FindString(dom)
	for _, want := range []string{"Southbank Media", `m-deliveries">1<`, `m-pass-rate">0.0%<`, `m-coverage">66.7%<`, `m-errors t-error">2<`} {
		if !strings.Contains(row, want) {
			t.Errorf("southbank row lacks %q:\n%s", want, row)
		}
	}
	if shown, n := openMembers(dom); n != 3 || len(shown) != 0 {
		t.Errorf("without a hash, %d of %d drill-downs shown (%v), want all closed", len(shown), n, shown)
	}
	// Charts: pass rate per member in ranking order, coverage per territory,
	// and the trend with both audits.
	bars := regexp.MustCompile(`(?s)<svg id="chart-pass".*?</svg>`).FindString(dom)
	keys := regexp.MustCompile(`<g class="row" data-key="(\w+)">`).FindAllStringSubmatch(bars, -1)
	vals := regexp.MustCompile(`class="bar \w+"[^>]*data-value="([^"]+)"`).FindAllStringSubmatch(bars, -1)
	if len(keys) != 3 || keys[0][1] != "northlight" || keys[2][1] != "southbank" || len(vals) != 3 || vals[0][1] != "100.0" || vals[2][1] != "0.0" {
		t.Errorf("pass-rate chart: keys %v values %v", keys, vals)
	}
	terr := regexp.MustCompile(`(?s)<svg id="chart-territory".*?</svg>`).FindString(dom)
	if !strings.Contains(terr, `data-key="DE"`) || !strings.Contains(terr, `data-value="75.0"`) || !strings.Contains(terr, `data-value="85.7"`) {
		t.Errorf("territory chart lacks DE 75.0 / FR 85.7:\n%s", terr)
	}
	trend := regexp.MustCompile(`(?s)<svg id="chart-trend".*?</svg>`).FindString(dom)
	if n := strings.Count(trend, `<g class="point">`); n != 2 || !strings.Contains(trend, `class="line pass"`) {
		t.Errorf("trend chart has %d points, want 2 with a pass-rate line", n)
	}
	// Both audits recorded their coverage: one coverage line through both.
	if covs := regexp.MustCompile(`<polyline class="line cov" points="([^"]*)"`).FindAllStringSubmatch(trend, -1); len(covs) != 1 ||
		len(strings.Fields(covs[0][1])) != 2 || strings.Count(trend, `class="dot cov"`) != 2 {
		t.Errorf("trend chart coverage lines %v, want one through both audits", covs)
	}

	dom = dumpDOM(t, url+"#member=southbank")
	if shown, _ := openMembers(dom); strings.Join(shown, " ") != "southbank" {
		t.Errorf("#member=southbank shows %v", shown)
	}
	if !strings.Contains(dom, `<tr class="member open" id="m3" data-member="southbank"`) {
		t.Error("southbank's row is not marked open")
	}

	dom = dumpDOM(t, url+"#delivery=eastgate/night-ferry-s1")
	if shown, _ := openMembers(dom); strings.Join(shown, " ") != "eastgate" {
		t.Errorf("a delivery link opened members %v, want its member", shown)
	}
	opened := openTag.FindAllStringSubmatch(dom, -1)
	if len(opened) != 1 || opened[0][1] != "eastgate/night-ferry-s1" {
		t.Fatalf("open deliveries %v", opened)
	}
	det := regexp.MustCompile(`(?s)data-delivery="eastgate/night-ferry-s1" open="".*?</details>`).FindString(dom)
	rules := regexp.MustCompile(`<tr class="finding" data-rule="(\w+)" data-severity="error">`).FindAllStringSubmatch(det, -1)
	if len(rules) != 3 || rules[0][1] != "D004" || rules[1][1] != "D004" || rules[2][1] != "D005" {
		t.Errorf("eastgate's findings in the drill-down: %v", rules)
	}

	// Without JavaScript (the page as written: headless Chromium dumps no
	// DOM with scripts off) nothing is hidden: every delivery is reachable.
	dom = readFile(t, page)
	if shown, n := openMembers(dom); len(shown) != n || n != 3 {
		t.Errorf("without JavaScript %d of %d drill-downs shown", len(shown), n)
	}
	if strings.Contains(dom, "http://") || strings.Contains(dom, "https://") {
		t.Error("the page refers to the network")
	}
}
