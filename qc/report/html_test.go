package report

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

func TestHTMLEscapesEverything(t *testing.T) {
	evil := `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`
	r := smallReport(rule.Finding{Rule: "L001", Name: "line-too-long", Severity: rule.Error, File: "a.srt", Line: 1, Cue: 1,
		Start: tc(1000), End: tc(2000), Message: evil, Expected: evil, Actual: evil, Source: evil})
	r.Files[0].Path = evil
	r.Findings[0].File = evil
	r.Tool.Profile = evil
	r.Rules = []RuleInfo{{Code: "L001", Name: "line-too-long", Summary: evil, Doc: evil, Severity: rule.Error}}
	out := run(t, HTML, r)
	for _, bad := range []string{"<script>alert", "<img", "\"'&"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML passes %q through", bad)
		}
	}
	if n := strings.Count(out, "&lt;script&gt;alert(1)&lt;/script&gt;"); n < 6 {
		t.Errorf("escaped text appears %d times, want it in path, message, expected, actual, source, profile, rule docs", n)
	}
	if strings.Count(out, "<script>") != 1 {
		t.Error("the page must have exactly one (inline) script")
	}
}

// The page must not load anything: no src/href to the network, no CSS
// imports, no web fonts; only the rule documentation links point out.
func TestHTMLIsSelfContained(t *testing.T) {
	out := run(t, HTML, loadFixture(t))
	for _, bad := range []string{" src=", "<link", "@import", "url(", "@font-face", "<iframe", "<object"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`https?://[^"'\s<)]*`).FindAllString(out, -1) {
		if !strings.HasPrefix(m, HelpBase) {
			t.Errorf("unexpected external address %q", m)
		}
	}
	if !strings.Contains(out, `http-equiv="Content-Security-Policy" content="default-src 'none';`) {
		t.Error("missing the Content-Security-Policy that forbids network loads")
	}
}

func TestHTMLStructure(t *testing.T) {
	r := loadFixture(t)
	out := run(t, HTML, r)
	rows := regexp.MustCompile(`<tr class="finding" id="f(\d+)" data-severity="(\w+)" data-rule="(\w+)">`).FindAllStringSubmatch(out, -1)
	if len(rows) != len(r.Findings) {
		t.Fatalf("%d finding rows for %d findings", len(rows), len(r.Findings))
	}
	for i, f := range sortedFindings(r.Findings) {
		if rows[i][1] != strconv.Itoa(i+1) || rows[i][2] != f.Severity.String() || rows[i][3] != f.Rule {
			t.Errorf("row %d = %v, want f%d %s %s", i, rows[i][1:], i+1, f.Severity, f.Rule)
		}
	}
	// One tick per timed finding, each inside the strip and linked to its row.
	ticks := regexp.MustCompile(`<a class="tk" href="#f(\d+)"><rect class="tick k-(\w+)" x="([\d.]+)" y="3" width="([\d.]+)"`).FindAllStringSubmatch(out, -1)
	timed := 0
	for _, f := range r.Findings {
		if f.Start != nil {
			timed++
		}
	}
	if len(ticks) != timed {
		t.Errorf("%d timeline ticks for %d timed findings", len(ticks), timed)
	}
	for _, tk := range ticks {
		x, _ := strconv.ParseFloat(tk[3], 64)
		w, _ := strconv.ParseFloat(tk[4], 64)
		if x < 0 || w < 3 || x+w > 1000.05 {
			t.Errorf("tick %v outside the strip", tk[1:])
		}
		n, _ := strconv.Atoi(tk[1])
		if rows[n-1][2] != tk[2] {
			t.Errorf("tick for f%s coloured %s, row is %s", tk[1], tk[2], rows[n-1][2])
		}
	}
	// T003 at 00:01:02.500 on a strip ending at the last cue, 00:42:10.500.
	if !strings.Contains(out, `<a class="tk" href="#f3"><rect class="tick k-error" x="24.7"`) {
		t.Error("T003 tick not at 62.5/2530.5 of the strip")
	}
	// Without JavaScript every finding shows and the inert filters do not.
	if regexp.MustCompile(`<tr class="finding"[^>]*hidden`).MatchString(out) {
		t.Error("a finding row is hidden in the page source")
	}
	for _, want := range []string{
		`<span id="verdict" class="badge big fail">FAIL</span>`,
		`<span class="num" id="sum-errors">5</span>`,
		`<option value="L001">L001 line-too-long (2)</option>`,
		`<p class="clean">No findings.</p>`,
		`<form id="filters" class="panel filters" hidden`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

func TestHTMLWithoutFindings(t *testing.T) {
	out := run(t, HTML, smallReport())
	if strings.Contains(out, `id="filters"`) || strings.Contains(out, `class="finding"`) {
		t.Error("a clean report should have no filters and no finding rows")
	}
	if !strings.Contains(out, `class="badge big pass">PASS<`) || !strings.Contains(out, "No findings.") {
		t.Error("a clean report should say PASS and No findings.")
	}
}

// Deliveries get their own table, and a waived finding shows its reason
// (and is marked for dimming) instead of disappearing.
func TestHTMLShowsDeliveriesAndWaivers(t *testing.T) {
	r := &Report{SchemaVersion: SchemaVersion, Tool: Tool{Name: "exportqc"},
		Summary: Summary{Files: 1, Waived: 1, FailOn: "error", Passed: true},
		Files:   []File{{Path: "d/a.srt", Format: "srt", Encoding: "UTF-8"}},
		Deliveries: []Delivery{{Path: "d", Kind: "native", Title: "The <Long> River", Season: 1,
			Territories: []string{"FR", "MENA"}, Files: 3, Checked: 1, Counts: rule.Counts{Errors: 2}, Passed: false}},
		Findings: []rule.Finding{{Rule: "T003", Name: "cue-overlap", Severity: rule.Error, File: "d/a.srt", Line: 5, Cue: 2,
			Message: "overlap", Waived: &rule.Waiver{Reason: "director's cut & approved", Source: "waivers.yaml:3", Expires: "2027-01-31"}}},
	}
	var b strings.Builder
	if err := HTML(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{`id="deliveries"`, "The &lt;Long&gt; River · season 1", "FR, MENA",
		`class="finding is-waived"`, "director&#39;s cut &amp; approved (waivers.yaml:3, until 2027-01-31)", `id="sum-waived">1<`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
