package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is the tool's home page, shown by SARIF viewers.
	InformationURI = "https://github.com/exportqc/exportqc"
	// HelpBase is where rule docs live; a rule's help is HelpBase plus its
	// lower-case code, so the README needs an anchor per rule code.
	HelpBase = "https://github.com/exportqc/exportqc/blob/main/README.md#"
	// fingerprintKey names our partial fingerprint; the version lets us
	// change the recipe without colliding with old baselines. v2 is
	// rule.Fingerprint, the identity baselines and waivers use too (v1 hashed
	// line numbers and the raw message, so cue renumbering changed it).
	fingerprintKey = "exportqcFinding/v2"
)

// HelpURI is the documentation address of a rule code.
func HelpURI(code string) string { return HelpBase + strings.ToLower(code) }

// SARIF writes SARIF 2.1.0 for code-scanning hosts (GitHub, GitLab, Azure
// DevOps) and IDE viewers: the rules that ran as the driver's rules, one
// result per finding with its file and line, streamed.
func SARIF(w io.Writer, r *Report) error {
	v := newView(r)
	head, tail, index, err := sarifFrame(r.Tool, v.ruleList(), v.failOnLabel(), r.Summary.Passed)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	re := newSARIFResults(bw)
	seen := make(map[string]int, len(v.findings))
	for i := range v.findings {
		res := sarifResultOf(&v.findings[i], index, seen)
		if err := re.write(&res); err != nil {
			return err
		}
	}
	re.close()
	bw.Write(tail)
	return bw.Flush()
}

// sarifFrame encodes the log without results and cuts it where the
// results go: everything up to the results array and after it comes from
// encoding the log, and the results are encoded one at a time in between,
// so the document is never whole in memory. The bytes are those of
// encoding the whole log (stream_ref_test.go). index gives each rule's
// position in the driver's rules.
func sarifFrame(tool Tool, rules []RuleInfo, failOn string, passed bool) (head, tail []byte, index map[string]int, err error) {
	index = make(map[string]int, len(rules))
	driver := sarifDriver{
		Name:           tool.Name,
		Version:        tool.Version,
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
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:       sarifTool{Driver: driver},
			Results:    []sarifResult{},
			Properties: &sarifRunProps{Profile: tool.Profile, FailOn: failOn, Passed: passed},
		}},
	}
	var frame bytes.Buffer
	enc := json.NewEncoder(&frame)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&log); err != nil {
		return nil, nil, nil, err
	}
	head, tail, ok := bytes.Cut(frame.Bytes(), []byte(sarifEmptyResults))
	if !ok {
		return nil, nil, nil, errors.New("sarif: results array not found in the encoded log")
	}
	return head, tail, index, nil
}

const sarifEmptyResults = `"results": []`

// sarifResults writes the results array, one result at a time.
type sarifResults struct {
	w    *bufio.Writer
	item bytes.Buffer
	enc  *json.Encoder
	n    int
}

const sarifResultIndent = "        " // results are at depth 4: log, runs, run, results

func newSARIFResults(w *bufio.Writer) *sarifResults {
	re := &sarifResults{w: w}
	re.enc = json.NewEncoder(&re.item)
	re.enc.SetIndent(sarifResultIndent, "  ")
	re.enc.SetEscapeHTML(false)
	return re
}

// encode is one result as it appears in the array, without the separator.
func (re *sarifResults) encode(res *sarifResult) ([]byte, error) {
	re.item.Reset()
	if err := re.enc.Encode(res); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(re.item.Bytes(), []byte("\n")), nil
}

// writeEncoded adds one encoded result to the array.
func (re *sarifResults) writeEncoded(b []byte) {
	if re.n == 0 {
		re.w.WriteString(`"results": [`)
	} else {
		re.w.WriteByte(',')
	}
	re.n++
	re.w.WriteString("\n" + sarifResultIndent)
	re.w.Write(b)
}

func (re *sarifResults) write(res *sarifResult) error {
	b, err := re.encode(res)
	if err != nil {
		return err
	}
	re.writeEncoded(b)
	return nil
}

// close ends the array ([] when it had no result).
func (re *sarifResults) close() {
	if re.n == 0 {
		re.w.WriteString(sarifEmptyResults)
		return
	}
	re.w.WriteString("\n      ]")
}

// sarifResultOf is one finding as a SARIF result; seen counts the
// fingerprints given so far, so identical findings stay distinct.
func sarifResultOf(f *rule.Finding, index map[string]int, seen map[string]int) sarifResult {
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
	res.Fixes = sarifFixes(f)
	return res
}

// sarifLevel maps severities onto SARIF levels; info is "note".
func sarifLevel(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "error"
	case rule.Warning:
		return "warning"
	}
	return "note"
}

// sarifMessage leads with the cue and timecode: for subtitles the line alone
// does not tell an editor where in the programme to look.
func sarifMessage(f *rule.Finding) string {
	var buf [256]byte // on the stack: the message is one allocation
	b := appendLocus(buf[:0], f)
	if len(b) > 0 {
		b = append(b, ": "...)
	}
	b = appendUnsaidExpectedActual(append(b, f.Message...), f)
	return string(b)
}

// artifactLocation turns a report path into a URI reference: relative paths
// resolve against %SRCROOT% (the checkout, for code-scanning hosts), absolute
// ones become file URIs. Each segment is percent-encoded, so spaces, '%' and
// non-ASCII names stay valid URIs.
func artifactLocation(path string) sarifArtifact {
	p := filepath.ToSlash(path)
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := strings.Join(segs, "/")
	switch {
	case strings.HasPrefix(p, "/"):
		return sarifArtifact{URI: "file://" + u}
	case len(p) > 2 && p[1] == ':' && p[2] == '/': // Windows drive path
		return sarifArtifact{URI: "file:///" + p[:2] + u[2:]}
	}
	return sarifArtifact{URI: u, URIBaseID: "%SRCROOT%"}
}

// The subset of the SARIF 2.1.0 object model we emit.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool      `json:"tool"`
		Results    []sarifResult  `json:"results"`
		Properties *sarifRunProps `json:"properties,omitempty"`
	}
	sarifRunProps struct {
		Profile string `json:"profile,omitempty"`
		FailOn  string `json:"failOn"`
		Passed  bool   `json:"passed"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name,omitempty"`
		ShortDescription     sarifText       `json:"shortDescription"`
		FullDescription      sarifText       `json:"fullDescription"`
		HelpURI              string          `json:"helpUri"`
		DefaultConfiguration sarifConfig     `json:"defaultConfiguration"`
		Properties           *sarifRuleProps `json:"properties,omitempty"`
	}
	sarifRuleProps struct {
		Tags []string `json:"tags,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Properties          *sarifResultProps `json:"properties,omitempty"`
		// Suppressions marks a waived finding: GitHub code scanning and other
		// SARIF viewers then show it as dismissed, with the justification.
		Suppressions []sarifSuppression `json:"suppressions,omitempty"`
		// Fixes are the rule's suggested edits (sarif_fixes.go).
		Fixes []sarifFix `json:"fixes,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
	sarifResultProps struct {
		Cue      int    `json:"cue,omitempty"`
		Start    string `json:"start,omitempty"`
		End      string `json:"end,omitempty"`
		Expected string `json:"expected,omitempty"`
		Actual   string `json:"actual,omitempty"`
		Source   string `json:"source,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine int `json:"startLine"`
	}
)
