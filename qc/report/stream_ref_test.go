package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// The SARIF and JUnit writers before they streamed (one document built in
// memory, then encoded whole), kept here as the reference the streaming
// writers must match byte for byte.

func sarifReference(w io.Writer, r *Report) error {
	v := newView(r)
	rules := v.ruleList()
	index := make(map[string]int, len(rules))
	driver := sarifDriver{
		Name:           r.Tool.Name,
		Version:        r.Tool.Version,
		InformationURI: InformationURI,
		Rules:          make([]sarifRule, 0, len(rules)),
	}
	for i, ri := range rules {
		index[ri.Code] = i
		short := ri.Summary
		if short == "" {
			short = ruleID(ri.Code, ri.Name)
		}
		full := ri.Doc
		if full == "" {
			full = short
		}
		sr := sarifRule{
			ID:                   ri.Code,
			Name:                 ri.Name,
			ShortDescription:     sarifText{Text: short},
			FullDescription:      sarifText{Text: full},
			HelpURI:              HelpURI(ri.Code),
			DefaultConfiguration: sarifConfig{Level: sarifLevel(ri.Severity)},
		}
		if ri.Family != "" {
			sr.Properties = &sarifRuleProps{Tags: []string{ri.Family}}
		}
		driver.Rules = append(driver.Rules, sr)
	}

	results := make([]sarifResult, 0, len(v.findings))
	seen := make(map[string]int, len(v.findings))
	for i := range v.findings {
		f := &v.findings[i]
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: sarifMessage(f)},
		}
		if f.Waived != nil {
			res.Suppressions = []sarifSuppression{{Kind: "external", Justification: waivedText(f.Waived)}}
		}
		props := sarifResultProps{
			Cue: f.Cue, Start: timecode(f.Start), End: timecode(f.End),
			Expected: f.Expected, Actual: f.Actual, Source: f.Source,
		}
		if props != (sarifResultProps{}) {
			res.Properties = &props
		}
		if f.File != "" {
			loc := sarifPhysical{ArtifactLocation: artifactLocation(f.File)}
			// SARIF requires startLine >= 1: a finding about the whole file
			// gets a location without a region.
			if f.Line > 0 {
				loc.Region = &sarifRegion{StartLine: f.Line}
			}
			res.Locations = []sarifLocation{{PhysicalLocation: loc}}
		}
		fp := rule.Fingerprint(f)
		seen[fp]++
		res.PartialFingerprints = map[string]string{fingerprintKey: fp + ":" + strconv.Itoa(seen[fp])}
		results = append(results, res)
	}

	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:    sarifTool{Driver: driver},
			Results: results,
			Properties: &sarifRunProps{
				Profile: r.Tool.Profile, FailOn: v.failOnLabel(), Passed: r.Summary.Passed,
			},
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&log)
}

func junitReference(w io.Writer, r *Report) error {
	v := newView(r)
	rules := v.ruleList()
	doc := junitSuites{Name: r.Tool.Name}
	for i := range v.files {
		fv := &v.files[i]
		suite := junitSuite{Name: displayPath(fv.Path)}
		if fv.Known {
			suite.Properties = fileProperties(&fv.File)
		}
		for _, ri := range rules {
			tc := junitCase{Name: ruleID(ri.Code, ri.Name), Classname: suite.Name}
			var fail, out []string
			var first *rule.Finding
			worst := rule.Info
			for j := range fv.Findings {
				f := &fv.Findings[j]
				if f.Rule != ri.Code {
					continue
				}
				line := string(appendJUnitLine(nil, f))
				if v.fails(f.Severity) {
					if first == nil {
						first = f
					}
					fail = append(fail, line)
					worst = max(worst, f.Severity)
				} else {
					out = append(out, line)
				}
			}
			if len(fail) > 0 {
				// The message is what list views show: the first finding, and
				// how many more the body holds.
				msg := safeLine(headline(first))
				if len(fail) > 1 {
					msg = plural(len(fail), "finding", "findings") + ", first: " + msg
				}
				tc.Failure = &junitFailure{
					Message: msg,
					Type:    worst.String(),
					Text:    strings.Join(fail, "\n"),
				}
				suite.Failures++
			}
			if len(out) > 0 {
				tc.SystemOut = strings.Join(out, "\n")
			}
			suite.Cases = append(suite.Cases, tc)
		}
		suite.Tests = len(suite.Cases)
		doc.Tests += suite.Tests
		doc.Failures += suite.Failures
		doc.Suites = append(doc.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitLine is one finding as a line of the failure body:
// "path:12: error: cue 3 [00:01:02.500] T003 cue-overlap: message (...)".

func TestStreamingSARIFAndJUnitSameBytesAsBefore(t *testing.T) {
	reports := map[string]*Report{"golden": loadFixture(t), "bench": bigReport(), "empty": {}}
	pieces := []string{"a", "é", "\"", "<", "&", "]]>", "\n", "\t", "\x01", "\xff", "\u2028", " "}
	str := func(rng *rand.Rand) string {
		var sb strings.Builder
		for range rng.IntN(6) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return sb.String()
	}
	for seed := range uint64(50) {
		rng := rand.New(rand.NewPCG(seed, 3))
		r := &Report{Tool: Tool{Name: "exportqc", Version: str(rng), Profile: str(rng)}, Summary: Summary{FailOn: []string{"error", "warning", "none"}[rng.IntN(3)]}}
		for i := range rng.IntN(4) {
			r.Files = append(r.Files, File{Path: "f" + strconv.Itoa(i) + str(rng), Format: "srt", Cues: rng.IntN(5)})
		}
		for range rng.IntN(3) {
			r.Rules = append(r.Rules, RuleInfo{Code: "T00" + strconv.Itoa(rng.IntN(5)), Name: str(rng), Doc: str(rng), Family: str(rng), Severity: rule.Severity(rng.IntN(3))})
		}
		for range rng.IntN(25) {
			f := rule.Finding{Rule: "T00" + strconv.Itoa(rng.IntN(5)), Name: str(rng), Severity: rule.Severity(rng.IntN(3)),
				Line: rng.IntN(50), Cue: rng.IntN(9), Message: str(rng), Expected: str(rng), Actual: str(rng), Source: str(rng)}
			if len(r.Files) > 0 && rng.IntN(4) > 0 {
				f.File = r.Files[rng.IntN(len(r.Files))].Path
			} else {
				f.File = str(rng)
			}
			if rng.IntN(2) == 0 {
				f.Start, f.End = tc(rng.Int64N(1e7)), tc(rng.Int64N(1e7))
			}
			if rng.IntN(6) == 0 {
				f.Waived = &rule.Waiver{Reason: str(rng), Source: "w.yaml:3"}
			}
			r.Findings = append(r.Findings, f)
		}
		reports["seed "+strconv.Itoa(int(seed))] = r
	}
	spooledJUnit := 0
	defer func() {
		if spooledJUnit < 10 {
			t.Errorf("only %d reports compared for the spooled JUnit writer", spooledJUnit)
		}
	}()
	for name, r := range reports {
		// JUnit from a stream takes the suites in the order the parts come,
		// which is report order; the whole-report writer takes Files order
		// with paths only findings name last. They are the same order in
		// every report the engine streams (files sorted by path, no
		// findings about other paths): the spooled writer is compared on
		// such a copy of each report.
		ordered := streamOrderedCopy(r)
		spooledJUnit++
		junitCases := []struct {
			format    string
			got, want Writer
		}{{"junit spooled", func(w io.Writer, _ *Report) error { return junitSpooled(w, ordered) },
			func(w io.Writer, _ *Report) error { return junitReference(w, ordered) }}}
		for _, c := range append([]struct {
			format    string
			got, want Writer
		}{{"sarif", SARIF, sarifReference}, {"junit", JUnit, junitReference}, {"sarif spooled", sarifSpooled, sarifReference}}, junitCases...) {
			var got, want bytes.Buffer
			errGot, errWant := c.got(&got, r), c.want(&want, r)
			if (errGot != nil) != (errWant != nil) {
				t.Fatalf("%s %s: error %v, before %v", name, c.format, errGot, errWant)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("%s %s: streaming output differs from before: %s", name, c.format, firstDiff(got.Bytes(), want.Bytes()))
			}
		}
	}
}

// sarifSpooled writes r as check streams it: the findings arrive in report
// order and SARIF spools their results until the frame is known.
func sarifSpooled(w io.Writer, r *Report) error {
	findings := inReportOrder(r.Findings)
	done := false
	return writeSARIFStream(w, &Stream{Tool: r.Tool, Rules: r.Rules, FailOn: r.Summary.FailOn,
		Next: func() (Part, bool) {
			if done {
				return Part{}, false
			}
			done = true
			return Part{Findings: findings}, true
		},
		Tail: func() (Tail, error) { return Tail{Summary: r.Summary}, nil },
	}, Options{})
}

// junitSpooled writes r as check streams it: one part per file, in order.
func junitSpooled(w io.Writer, r *Report) error { return writeJUnitStream(w, partsOf(r)) }

// streamOrderedCopy is r with its files in path order and every finding
// about one of them, as in the reports the engine streams.
func streamOrderedCopy(r *Report) *Report {
	c := *r
	c.Files = slices.Clone(r.Files)
	slices.SortFunc(c.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	c.Findings = nil
	for i, f := range r.Findings {
		if len(c.Files) == 0 {
			break
		}
		if !slices.ContainsFunc(c.Files, func(x File) bool { return x.Path == f.File }) {
			f.File = c.Files[i%len(c.Files)].Path
		}
		c.Findings = append(c.Findings, f)
	}
	return &c
}

var _ = json.Marshal
var _ = xml.Marshal
var _ io.Writer
