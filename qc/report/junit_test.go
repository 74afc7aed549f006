package report

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// These mirror the common JUnit XSD (Jenkins/GitLab/Ant) independently of
// the writer's own structs, so the round trip checks the shape CI reads.
type (
	xsdSuites struct {
		XMLName  xml.Name   `xml:"testsuites"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Errors   int        `xml:"errors,attr"`
		Skipped  int        `xml:"skipped,attr"`
		Suites   []xsdSuite `xml:"testsuite"`
	}
	xsdSuite struct {
		Name       string        `xml:"name,attr"`
		Tests      int           `xml:"tests,attr"`
		Failures   int           `xml:"failures,attr"`
		Errors     int           `xml:"errors,attr"`
		Skipped    int           `xml:"skipped,attr"`
		Properties []xsdProperty `xml:"properties>property"`
		Cases      []xsdCase     `xml:"testcase"`
	}
	xsdProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	xsdCase struct {
		Name      string       `xml:"name,attr"`
		Classname string       `xml:"classname,attr"`
		Failures  []xsdFailure `xml:"failure"`
		Errors    []xsdFailure `xml:"error"`
		SystemOut string       `xml:"system-out"`
	}
	xsdFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

func parseJUnit(t *testing.T, out string) xsdSuites {
	t.Helper()
	var doc xsdSuites
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("JUnit output is not well-formed XML: %v", err)
	}
	return doc
}

func TestJUnitFailuresFollowFailOn(t *testing.T) {
	r := loadFixture(t)
	// failing[fail-on][file] = rules that must fail in that file.
	failing := map[string]map[string][]string{
		"error": {
			"subs/Film & Friends, S1/ep01.en.srt": {"E000", "E001", "L001", "T003"},
		},
		"warning": {
			"subs/Film & Friends, S1/ep01.en.srt": {"E000", "E001", "L001", "T001", "T003", "T004"},
			"subs/ep01.fr.vtt":                    {"T001", "T004"},
		},
		"info": {
			"subs/Film & Friends, S1/ep01.en.srt": {"E000", "E001", "L001", "L010", "T001", "T003", "T004"},
			"subs/ep01.fr.vtt":                    {"L007", "T001", "T004"},
		},
		"none": {},
	}
	for failOn, want := range failing {
		t.Run(failOn, func(t *testing.T) {
			rr := *r
			rr.Summary.FailOn = failOn
			doc := parseJUnit(t, run(t, JUnit, &rr))
			if len(doc.Suites) != len(r.Files) {
				t.Fatalf("%d testsuites, want one per file (%d)", len(doc.Suites), len(r.Files))
			}
			total := 0
			for _, s := range doc.Suites {
				if s.Tests != len(r.Rules) || len(s.Cases) != len(r.Rules) {
					t.Errorf("%s: tests=%d with %d testcases, want one per rule (%d)", s.Name, s.Tests, len(s.Cases), len(r.Rules))
				}
				var got []string
				for _, c := range s.Cases {
					if c.Classname != s.Name {
						t.Errorf("%s/%s: classname %q", s.Name, c.Name, c.Classname)
					}
					if len(c.Errors) > 0 {
						t.Errorf("%s/%s: findings must be failures, not errors", s.Name, c.Name)
					}
					if len(c.Failures) > 1 {
						t.Errorf("%s/%s: %d <failure> elements, want at most one", s.Name, c.Name, len(c.Failures))
					}
					if len(c.Failures) == 1 {
						got = append(got, strings.Fields(c.Name)[0])
					}
				}
				if strings.Join(got, " ") != strings.Join(want[s.Name], " ") {
					t.Errorf("%s: failing testcases %v, want %v", s.Name, got, want[s.Name])
				}
				if s.Failures != len(got) || s.Errors != 0 || s.Skipped != 0 {
					t.Errorf("%s: failures=%d errors=%d skipped=%d, want %d/0/0", s.Name, s.Failures, s.Errors, s.Skipped, len(got))
				}
				total += s.Failures
			}
			if doc.Failures != total || doc.Tests != len(r.Files)*len(r.Rules) {
				t.Errorf("testsuites: tests=%d failures=%d, want %d/%d", doc.Tests, doc.Failures, len(r.Files)*len(r.Rules), total)
			}
		})
	}
}

func TestJUnitFailureListsEveryFindingOfTheRule(t *testing.T) {
	doc := parseJUnit(t, run(t, JUnit, loadFixture(t)))
	var l001, t001 *xsdCase
	for i, c := range doc.Suites[0].Cases {
		switch c.Name {
		case "L001 line-too-long":
			l001 = &doc.Suites[0].Cases[i]
		case "T001 cue-too-short":
			t001 = &doc.Suites[0].Cases[i]
		}
	}
	if l001 == nil || t001 == nil {
		t.Fatal("testcases missing")
	}
	f := l001.Failures[0]
	if f.Type != "error" || !strings.HasPrefix(f.Message, "2 findings, first: cue 15 [00:01:31.250]") {
		t.Errorf("failure type=%q message=%q", f.Type, f.Message)
	}
	lines := strings.Split(f.Text, "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], ":57: error: cue 15 [00:01:31.250]") || !strings.Contains(lines[1], ":61: error: cue 16 [00:01:34.100]") {
		t.Errorf("failure body:\n%s", f.Text)
	}
	// Quotes, ampersands and angle brackets survive the XML round trip.
	if !strings.Contains(lines[0], `"Tom & Jerry <i>say</i> "hi", | 100% sure"`) {
		t.Errorf("message text mangled: %s", lines[0])
	}
	// Below fail-on: no failure, but the finding is not lost.
	if len(t001.Failures) != 0 || !strings.Contains(t001.SystemOut, ":88: warning: cue 23") {
		t.Errorf("warning finding under fail-on error: failures=%v system-out=%q", t001.Failures, t001.SystemOut)
	}
}

// XML 1.0 cannot carry most control characters; a message holding one must
// still give a document CI can parse.
func TestJUnitSurvivesControlCharacters(t *testing.T) {
	r := smallReport(rule.Finding{Rule: "E000", Name: "parse-error", Severity: rule.Error, File: "a.srt", Line: 1,
		Message: "bad \x00\x01\x1b byte ]]> </failure> &amp;", Expected: "\"x\""})
	doc := parseJUnit(t, run(t, JUnit, r))
	if len(doc.Suites) != 1 || len(doc.Suites[0].Cases) != 1 || len(doc.Suites[0].Cases[0].Failures) != 1 {
		t.Fatalf("unexpected shape: %+v", doc)
	}
	if body := doc.Suites[0].Cases[0].Failures[0].Text; !strings.Contains(body, "]]> </failure> &amp;") {
		t.Errorf("markup-like text not preserved: %q", body)
	}
}
