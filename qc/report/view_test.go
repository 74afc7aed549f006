package report

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// tokenReport has findings spread over a known file, a path with no File
// record and no path at all, each message carrying a unique plain token.
func tokenReport() *Report {
	var fs []rule.Finding
	paths := []string{"a.srt", "zz/manifest.xml", ""}
	for i := range 12 {
		f := rule.Finding{
			Rule: fmt.Sprintf("T%03d", i%4), Name: "some-rule", Severity: rule.Severity(i % 3),
			File: paths[i%3], Line: i * 7 % 5, Cue: i % 4, Message: fmt.Sprintf("tok%02d", i),
		}
		if i%2 == 0 {
			f.Start, f.End = tc(int64(i)*1000), tc(int64(i)*1000+500)
		}
		fs = append(fs, f)
	}
	return smallReport(fs...)
}

// No writer may drop a finding, whether or not its path has a File record.
func TestEveryFormatKeepsEveryFinding(t *testing.T) {
	r := tokenReport()
	for _, format := range Formats {
		out := string(render(t, format, r))
		for _, f := range r.Findings {
			if n := strings.Count(out, f.Message); n == 0 {
				t.Errorf("%s: finding %q missing", format, f.Message)
			}
		}
	}
}

// Writers promise report order whatever order the findings arrive in.
func TestWritersAreOrderIndependent(t *testing.T) {
	r := tokenReport()
	want := map[string]string{}
	for _, format := range Formats {
		want[format] = string(render(t, format, r))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := *r
		shuffled.Findings = append([]rule.Finding(nil), r.Findings...)
		rng.Shuffle(len(shuffled.Findings), func(i, j int) {
			shuffled.Findings[i], shuffled.Findings[j] = shuffled.Findings[j], shuffled.Findings[i]
		})
		for _, format := range Formats {
			if got := string(render(t, format, &shuffled)); got != want[format] {
				t.Errorf("%s: output depends on the input order of findings", format)
			}
		}
	}
}

func TestWritersDoNotMutateTheReport(t *testing.T) {
	r := loadFixture(t)
	r.Findings[0], r.Findings[len(r.Findings)-1] = r.Findings[len(r.Findings)-1], r.Findings[0]
	before := *r
	before.Findings = append([]rule.Finding(nil), r.Findings...)
	before.Files = append([]File(nil), r.Files...)
	before.Rules = append([]RuleInfo(nil), r.Rules...)
	for _, format := range Formats {
		render(t, format, r)
		if !reflect.DeepEqual(&before, r) {
			t.Fatalf("%s writer changed the report", format)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, f := range append(Formats, "JSON", " md ") {
		if w, err := Lookup(f); err != nil || w == nil {
			t.Errorf("Lookup(%q): %v", f, err)
		}
	}
	if _, err := Lookup("pdf"); err == nil || !strings.Contains(err.Error(), "sarif") {
		t.Errorf("Lookup(pdf) = %v, want an error listing the formats", err)
	}
}

func TestFailOnThreshold(t *testing.T) {
	for _, c := range []struct {
		in   string
		sev  rule.Severity
		none bool
	}{{"", rule.Error, false}, {"error", rule.Error, false}, {"warning", rule.Warning, false}, {"warn", rule.Warning, false}, {"info", rule.Info, false}, {"none", 0, true}, {"bogus", 0, true}} {
		sev, none := parseFailOn(c.in)
		if none != c.none || (!none && sev != c.sev) {
			t.Errorf("parseFailOn(%q) = %v, %v; want %v, %v", c.in, sev, none, c.sev, c.none)
		}
	}
}
