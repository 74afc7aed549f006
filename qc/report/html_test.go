package report

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// pageData decodes the findings the page embeds for its script.
func pageData(t *testing.T, page string) htmlData {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="qc-data">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no embedded findings data")
	}
	var d htmlData
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatalf("embedded data is not JSON: %v", err)
	}
	return d
}

func TestHTMLEscapesEverything(t *testing.T) {
	evil := `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`
	r := smallReport(rule.Finding{Rule: "L001", Name: "line-too-long", Severity: rule.Error, File: "a.srt", Line: 1, Cue: 1,
		Start: tc(1000), End: tc(2000), Message: evil, Expected: evil, Actual: evil, Source: evil})
	r.Files[0].Path = evil
	r.Findings[0].File = evil
	r.Tool.Profile = evil
	r.Rules = []RuleInfo{{Code: "L001", Name: "line-too-long", Summary: evil, Doc: evil, Severity: rule.Error}}
	out := run(t, HTML, r)
	for _, bad := range []string{"<script>alert", "<img", "\"'&", "</script><img"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML passes %q through", bad)
		}
	}
	// Markup parts: path (file list and section), profile, rule summary and doc.
	if n := strings.Count(out, "&lt;script&gt;alert(1)&lt;/script&gt;"); n < 4 {
		t.Errorf("escaped text appears %d times in the markup, want path, profile, rule docs", n)
	}
	// Data: the message and the string table, with <, > and & as \u escapes,
	// so nothing in it can end the script element.
	d := pageData(t, out)
	if len(d.Rows) != 1 || d.Rows[0][7] != evil {
		t.Errorf("message did not survive the round trip: %v", d.Rows)
	}
	if !strings.Contains(out, `\u003cscript\u003ealert(1)\u003c/script\u003e`) {
		t.Error("data not JSON-escaped")
	}
	if strings.Count(out, "<script>") != 1 || strings.Count(out, "<script") != 2 {
		t.Error("the page must have one inline script and one data block")
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
		// The SVG namespace names a vocabulary; nothing is fetched from it.
		if !strings.HasPrefix(m, HelpBase) && m != "http://www.w3.org/2000/svg" {
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
	d := pageData(t, out)
	sorted := sortedFindings(r.Findings)
	if len(d.Rows) != len(sorted) {
		t.Fatalf("%d data rows for %d findings", len(d.Rows), len(sorted))
	}
	// Rows in report order, each with its file section, rule and severity.
	for i, f := range sorted {
		row := d.Rows[i]
		rl := d.Rules[int(row[1].(float64))]
		if d.Strs[rl[0]] != f.Rule || d.Strs[rl[1]] != f.Name || int(row[2].(float64)) != sevIndex(f.Severity) || row[7] != f.Message {
			t.Errorf("row %d = %v, want %s %s %s", i, row, f.Rule, f.Severity, f.Message)
		}
		if got, want := int64(row[5].(float64)), int64(-1); f.Start != nil {
			if want = cue.Time(*f.Start).Milliseconds(); got != want {
				t.Errorf("row %d start %d ms, want %d", i, got, want)
			}
		} else if got != want {
			t.Errorf("row %d has a start without a time", i)
		}
	}
	// The file table of the data follows the sections: finding counts and
	// the timeline end (the last cue of the English file, 00:42:10.500).
	if len(d.Files) != 3 || d.Files[0][0] != 8 || d.Files[1][0] != 3 || d.Files[2][0] != 0 {
		t.Errorf("data files %v", d.Files)
	}
	if d.Files[0][1] != 2530500 {
		t.Errorf("timeline end %d ms, want 2530500", d.Files[0][1])
	}
	if n := strings.Count(out, `<div class="findings-box"`); n != 2 {
		t.Errorf("%d findings boxes, want one per file with findings (2)", n)
	}
	// The data is there once: no finding row is rendered in the source.
	if strings.Contains(out, `<tr class="finding"`) {
		t.Error("finding rows rendered in the page source as well as in the data")
	}
	for _, want := range []string{
		`<span id="verdict" class="badge big fail">FAIL</span>`,
		`<span class="num" id="sum-errors">5</span>`,
		`<option value="L001">L001 line-too-long (2)</option>`,
		`<p class="clean">No findings.</p>`,
		`<form id="filters" class="panel filters" hidden`,
		`<a href="#rule=L001"><code>L001</code> line-too-long</a></td><td><span class="sev s-error">error</span></td><td class="n">2</td><td class="n">1</td>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

// --min-severity drops the hidden findings from the data and says so.
func TestHTMLMinSeverity(t *testing.T) {
	r := loadFixture(t)
	out := run(t, HTMLWith(HTMLOptions{MinSeverity: rule.Error}), r)
	d := pageData(t, out)
	if len(d.Rows) != 5 {
		t.Errorf("%d rows with errors only, want 5", len(d.Rows))
	}
	if !strings.Contains(out, "6 findings below error are not shown") {
		t.Error("no note about the hidden findings")
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
	for _, want := range []string{`id="deliveries"`, "The &lt;Long&gt; River · season 1", "FR, MENA", `id="sum-waived">1<`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	d := pageData(t, page)
	if w := d.Strs[int(d.Rows[0][11].(float64))]; w != "director's cut & approved (waivers.yaml:3, until 2027-01-31)" {
		t.Errorf("waiver in the data: %q", w)
	}
}
