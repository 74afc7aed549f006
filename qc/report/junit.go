package report

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"unsafe"

	"github.com/exportqc/exportqc/qc/rule"
)

// JUnit writes JUnit XML as GitLab, Jenkins and the GitHub test reporters
// read it: one testsuite per file, one testcase per rule that ran. A
// testcase fails with one <failure> listing its findings at or above the
// fail-on threshold; findings below it go to the testcase's <system-out>, so
// the CI verdict and the report verdict agree.
//
// It streams: the root's totals are counted first, then each file's suite
// is built and encoded on its own, so only one suite is in memory at a
// time; the bytes are those of encoding the whole document at once
// (stream_ref_test.go).
func JUnit(w io.Writer, r *Report) error {
	v := newView(r)
	rules := v.ruleList()
	root := junitSuites{Name: r.Tool.Name}
	for i := range v.files {
		root.Tests += len(rules)
		root.Failures += junitFailures(v, &v.files[i], rules)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	start := junitRootStart(root.Name, root.Tests, root.Failures)
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	for i := range v.files {
		suite := junitSuiteOf(v, &v.files[i], rules)
		if err := enc.EncodeElement(&suite, xml.StartElement{Name: xml.Name{Local: "testsuite"}}); err != nil {
			return err
		}
	}
	return junitClose(enc, bw, start)
}

// junitClose ends the <testsuites> element the document opened with start
// and flushes it: the same closing for the whole and the streamed report.
func junitClose(enc *xml.Encoder, bw *bufio.Writer, start xml.StartElement) error {
	if err := enc.EncodeToken(start.End()); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if _, err := bw.WriteString("\n"); err != nil {
		return err
	}
	return bw.Flush()
}

// junitRootStart is the <testsuites> start tag with the run's totals.
func junitRootStart(name string, tests, failures int) xml.StartElement {
	start := xml.StartElement{Name: xml.Name{Local: "testsuites"}}
	if name != "" {
		start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: "name"}, Value: name})
	}
	for _, a := range []struct {
		name string
		n    int
	}{{"tests", tests}, {"failures", failures}, {"errors", 0}, {"skipped", 0}} {
		start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: a.name}, Value: strconv.Itoa(a.n)})
	}
	return start
}

// junitFailures counts the failing testcases of one file: rules with a
// finding at or above fail-on.
func junitFailures(v *view, fv *fileView, rules []RuleInfo) int {
	failing := map[string]bool{}
	for j := range fv.Findings {
		if f := &fv.Findings[j]; v.fails(f.Severity) {
			failing[f.Rule] = true
		}
	}
	n := 0
	for _, ri := range rules {
		if failing[ri.Code] {
			n++
		}
	}
	return n
}

// junitCaseLines is what one rule's testcase collects of a file's
// findings: the lines that fail it and the ones only shown.
type junitCaseLines struct {
	fail, out []byte        // the findings' lines (junitLine), one a line
	fails     int           // lines in fail
	first     *rule.Finding // the first failing finding
	worst     rule.Severity
}

// junitSuiteOf is one file's testsuite. The file's findings are sorted
// into their rules' testcases in one pass.
func junitSuiteOf(v *view, fv *fileView, rules []RuleInfo) junitSuite {
	suite := junitSuite{Name: displayPath(fv.Path)}
	if fv.Known {
		suite.Properties = fileProperties(&fv.File)
	}
	byRule := make(map[string]*junitCaseLines, len(rules))
	for _, ri := range rules {
		if byRule[ri.Code] == nil {
			byRule[ri.Code] = &junitCaseLines{worst: rule.Info}
		}
	}
	for j := range fv.Findings {
		f := &fv.Findings[j]
		c := byRule[f.Rule]
		if c == nil {
			continue // not a rule of the report: no testcase
		}
		if v.fails(f.Severity) {
			if c.first == nil {
				c.first = f
			}
			c.fail = appendJUnitLine(nextLine(c.fail), f)
			c.fails++
			c.worst = max(c.worst, f.Severity)
		} else {
			c.out = appendJUnitLine(nextLine(c.out), f)
		}
	}
	for _, ri := range rules {
		c := byRule[ri.Code]
		tc := junitCase{Name: ruleID(ri.Code, ri.Name), Classname: suite.Name}
		if c.fails > 0 {
			msg := safeLine(headline(c.first))
			if c.fails > 1 {
				msg = plural(c.fails, "finding", "findings") + ", first: " + msg
			}
			tc.Failure = &junitFailure{
				Message: msg,
				Type:    c.worst.String(),
				Text:    string(c.fail),
			}
			suite.Failures++
		}
		if len(c.out) > 0 {
			tc.SystemOut = string(c.out)
		}
		suite.Cases = append(suite.Cases, tc)
	}
	suite.Tests = len(suite.Cases)
	return suite
}

// appendJUnitLine appends one finding as a line of the failure body:
// "path:12: error: cue 3 [00:01:02.500] T003 cue-overlap: message (...)".
// A testcase's lines are appended into one buffer, not built one string
// each and joined.
func appendJUnitLine(b []byte, f *rule.Finding) []byte {
	b = append(b, displayPath(f.File)...)
	if f.Line > 0 {
		b = strconv.AppendInt(append(b, ':'), int64(f.Line), 10)
	}
	b = append(append(append(b, ": "...), f.Severity.String()...), ": "...)
	var raw [256]byte
	line := appendHeadline(raw[:0], f)
	return appendSafeLine(b, unsafe.String(unsafe.SliceData(line), len(line)))
}

// nextLine is b ready for another line: with a line break after the last.
func nextLine(b []byte) []byte {
	if len(b) > 0 {
		return append(b, '\n')
	}
	return b
}

func fileProperties(f *File) *junitProperties {
	p := &junitProperties{}
	add := func(name, value string) {
		if value != "" {
			p.Props = append(p.Props, junitProperty{Name: name, Value: value})
		}
	}
	add("format", f.Format)
	add("encoding", f.Encoding)
	add("language", f.Language)
	add("frame_rate", f.FrameRate)
	add("cues", strconv.Itoa(f.Cues))
	return p
}

// The JUnit shape, after the de-facto XSD (Ant/Jenkins/GitLab). errors and
// skipped are always 0: exportqc problems are findings, never test errors.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr,omitempty"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Skipped  int          `xml:"skipped,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name       string           `xml:"name,attr"`
		Tests      int              `xml:"tests,attr"`
		Failures   int              `xml:"failures,attr"`
		Errors     int              `xml:"errors,attr"`
		Skipped    int              `xml:"skipped,attr"`
		Properties *junitProperties `xml:"properties,omitempty"`
		Cases      []junitCase      `xml:"testcase"`
	}
	junitProperties struct {
		Props []junitProperty `xml:"property"`
	}
	junitProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		SystemOut string        `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)
