//go:build unix

package report

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

var (
	rowTag = regexp.MustCompile(`<tr class="finding"[^>]*>`)
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
			rows := domRows(dom)
			if len(rows) != 11 {
				t.Fatalf("%d finding rows in the DOM, want 11", len(rows))
			}
			got := map[string]int{}
			visible := 0
			for _, r := range rows {
				if r.hidden {
					continue
				}
				visible++
				got[r.severity]++
				got[r.rule]++
			}
			if visible != c.total {
				t.Errorf("%d rows visible, want %d", visible, c.total)
			}
			for k, n := range c.visible {
				if got[k] != n {
					t.Errorf("%d visible %s rows, want %d", got[k], k, n)
				}
			}
			// Timeline ticks follow the rows they link to.
			ticks := regexp.MustCompile(`<a class="tk( off)?" href="#f\d+"><rect class="tick k-(\w+)"`).FindAllStringSubmatch(dom, -1)
			if len(ticks) != 9 {
				t.Fatalf("%d ticks in the DOM, want 9", len(ticks))
			}
			onTicks := 0
			for _, tk := range ticks {
				if tk[1] == "" {
					onTicks++
				}
			}
			if onTicks != c.ticks {
				t.Errorf("%d timeline ticks shown, want %d", onTicks, c.ticks)
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
