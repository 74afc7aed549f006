//go:build unix

package report

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/browsertest"
	"github.com/exportqc/exportqc/qc/rule"
)

const chromiumPath = browsertest.ChromiumPath

func dumpDOM(t *testing.T, url string, extra ...string) string {
	return browsertest.DumpDOM(t, url, extra...)
}

var (
	rowTag = regexp.MustCompile(`<tr class="finding[^"]*"[^>]*>`)
	rowSev = regexp.MustCompile(`data-severity="(\w+)"`)
	rowID  = regexp.MustCompile(`data-rule="(\w+)"`)
)

type domRow struct {
	severity, rule string
	hidden         bool
}

func domRows(dom string) []domRow {
	var rows []domRow
	for _, tag := range rowTag.FindAllString(dom, -1) {
		rows = append(rows, domRow{
			severity: rowSev.FindStringSubmatch(tag)[1],
			rule:     rowID.FindStringSubmatch(tag)[1],
			hidden:   strings.Contains(tag, " hidden"),
		})
	}
	return rows
}

func textOf(t *testing.T, dom, id string) string {
	t.Helper()
	m := regexp.MustCompile(`id="` + id + `"[^>]*>([^<]*)<`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no element #%s in the DOM", id)
	}
	return m[1]
}

// TestHTMLInChromium opens the golden HTML page in a real browser and checks
// what a user sees: summary figures, the verdict, and the filters applied
// from the URL hash (which is how a filtered view is shared).
func TestHTMLInChromium(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skip("chromium not installed at " + chromiumPath)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	page, err := os.ReadFile(filepath.Join("testdata", "golden.html"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + path

	cases := []struct {
		hash    string
		visible map[string]int // rule or severity → visible rows
		total   int
		ticks   int // visible timeline ticks: E000 and E001 have no time
	}{
		{"", map[string]int{"error": 5, "warning": 4, "info": 2}, 11, 9},
		{"#severity=error", map[string]int{"error": 5}, 5, 3},
		{"#severity=warning,info", map[string]int{"warning": 4, "info": 2}, 6, 6},
		{"#severity=error,warning,info&rule=T001", map[string]int{"T001": 2}, 2, 2},
		{"#rule=L001", map[string]int{"L001": 2}, 2, 2},
	}
	for _, c := range cases {
		t.Run("hash="+c.hash, func(t *testing.T) {
			dom := dumpDOM(t, url+c.hash)
			// Rows are rendered from the embedded data, only those that
			// match the filters.
			rows := domRows(dom)
			got := map[string]int{}
			for _, r := range rows {
				if r.hidden {
					t.Errorf("a hidden %s row was rendered", r.rule)
				}
				got[r.severity]++
				got[r.rule]++
			}
			if len(rows) != c.total {
				t.Errorf("%d rows rendered, want %d", len(rows), c.total)
			}
			for k, n := range c.visible {
				if got[k] != n {
					t.Errorf("%d visible %s rows, want %d", got[k], k, n)
				}
			}
			// Timeline ticks are drawn for the shown rows that have a time,
			// each linked to its row.
			ticks := regexp.MustCompile(`<a class="tk" href="#f(\d+)"><rect class="tick k-(\w+)"`).FindAllStringSubmatch(dom, -1)
			if len(ticks) != c.ticks {
				t.Errorf("%d timeline ticks drawn, want %d", len(ticks), c.ticks)
			}
			for _, tk := range ticks {
				if !strings.Contains(dom, `id="f`+tk[1]+`" data-severity="`+tk[2]+`"`) {
					t.Errorf("tick #f%s (%s) has no matching row", tk[1], tk[2])
				}
			}
			// T003 at 00:01:02.500 on a strip ending at the last cue, 00:42:10.500.
			if c.hash == "" && !strings.Contains(dom, `<a class="tk" href="#f3"><rect class="tick k-error" x="24.7"`) {
				t.Error("T003 tick not at 62.5/2530.5 of the strip")
			}
			if ready := regexp.MustCompile(`<html lang="en" data-ready-ms="(\d+)"`).FindStringSubmatch(dom); ready == nil {
				t.Error("the page never marked itself ready")
			}
			if s := textOf(t, dom, "shown-count"); s != itoa(c.total) {
				t.Errorf("counter says %s shown, want %d", s, c.total)
			}
			if strings.Contains(dom, `<form id="filters" class="panel filters" hidden`) {
				t.Error("filters stayed hidden with JavaScript on")
			}
			if textOf(t, dom, "verdict") != "FAIL" || textOf(t, dom, "sum-errors") != "5" ||
				textOf(t, dom, "sum-warnings") != "4" || textOf(t, dom, "sum-infos") != "2" || textOf(t, dom, "sum-cues") != "282" {
				t.Error("summary figures or verdict wrong in the rendered page")
			}
			// With only errors shown, the French file (warnings and info
			// only) says that nothing matches instead of an empty table.
			emptyShown := strings.Count(dom, `<tr class="empty"><td`)
			if c.hash == "#severity=error" && emptyShown != 1 {
				t.Errorf("%d 'no match' rows shown, want 1", emptyShown)
			}
		})
	}

}

// A 50,000-finding report stays small and opens fast: the findings are in
// the page once, as data, and rows are rendered on demand; a link to one
// finding deep in the report renders and shows it.
func TestHTMLLargeReportOpensFast(t *testing.T) {
	browsertest.Require(t)
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	r := smallReport()
	r.Files = nil
	for f := 0; f < 100; f++ {
		path := fmt.Sprintf("season-1/episode-%03d.en.srt", f)
		r.Files = append(r.Files, File{Path: path, Format: "srt", Encoding: "UTF-8", Cues: 900, LastCue: tc(3_000_000)})
		for i := 0; i < 500; i++ {
			r.Findings = append(r.Findings, rule.Finding{Rule: fmt.Sprintf("T%03d", i%7), Name: "reading-speed-too-high",
				Severity: rule.Severity(i % 3), File: path, Line: i*4 + 1, Cue: i + 1, Start: tc(int64(i) * 6000), End: tc(int64(i)*6000 + 2000),
				Message:  fmt.Sprintf("reading speed %d.4 characters/s (45 characters in 2.320 s) is over the limit of 17", 17+i%9),
				Expected: "≤ 17 cps", Actual: fmt.Sprintf("%d.4 cps", 17+i%9)})
		}
	}
	var page strings.Builder
	if err := HTML(&page, r); err != nil {
		t.Fatal(err)
	}
	if n := page.Len(); n > 12<<20 {
		t.Errorf("50,000 findings make %d bytes of HTML, want under 12 MiB", n)
	}
	path := filepath.Join(t.TempDir(), "big.html")
	if err := os.WriteFile(path, []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// Finding 31,250 is the 251st of its file: beyond the first page.
	dom := dumpDOM(t, "file://"+path+"#f31250", "--virtual-time-budget=3000", "--window-size=1280,2000")
	m := regexp.MustCompile(`<html lang="en" data-ready-ms="(\d+)"`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatal("the page never marked itself ready")
	}
	if ms, _ := strconv.Atoi(m[1]); ms > 10000 {
		t.Errorf("interactive after %d ms", ms)
	}
	if !strings.Contains(dom, `id="f31250"`) {
		t.Error("the linked finding was not rendered")
	}
	if n := len(domRows(dom)); n == 0 || n > 2000 {
		t.Errorf("%d rows rendered; want the ones in view, not all 50,000", n)
	}
}
