package checks_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// runOn runs one rule on a file and returns "RULE line message" per finding.
func runOn(r *rule.Rule, f *rule.File, doc *cue.Document) []string {
	var out []string
	cfg := &rule.Config{Enabled: true, Severity: r.DefaultSeverity}
	rule.NewPass(r, f, doc, cfg, func(fd rule.Finding) {
		out = append(out, fd.Rule+" "+itoa(fd.Line)+" "+fd.Message)
	}).Run()
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// The file rules report what the engine recorded while reading the file,
// and only that.
func TestFileFactsRules(t *testing.T) {
	cases := []struct {
		rule *rule.Rule
		file rule.File
		doc  *cue.Document
		want string
	}{
		{checks.NotUTF8, rule.File{Encoding: "UTF-8"}, nil, ""},
		{checks.NotUTF8, rule.File{Encoding: "UTF-16LE"}, nil, "E001 0 file is encoded in UTF-16LE (detected from its byte-order mark), not UTF-8; it was decoded and checked"},
		{checks.NotUTF8, rule.File{Encoding: "windows-1252", EncodingGuessed: true}, nil, "E001 0 file is encoded in windows-1252 (guessed from its content), not UTF-8; it was decoded and checked"},
		{checks.NotUTF8, rule.File{}, nil, ""}, // binary formats are not decoded
		{checks.ByteOrderMark, rule.File{Encoding: "UTF-8", BOM: true}, nil, "E002 0 file starts with a UTF-8 byte-order mark"},
		{checks.ByteOrderMark, rule.File{Encoding: "UTF-8"}, nil, ""},
		{checks.FormatNameMismatch, rule.File{NamedFormat: "srt", ContentFormat: "mpl2"}, nil, "E003 0 file is named as srt but its content is mpl2"},
		{checks.FormatNameMismatch, rule.File{NamedFormat: "srt", ContentFormat: "srt"}, nil, ""},
		{checks.FormatNameMismatch, rule.File{ContentFormat: "ttml"}, nil, ""}, // .xml: the name says nothing
		{checks.ParseError, rule.File{Problems: []rule.Problem{{Message: "permission denied"}}}, nil, "E000 0 permission denied"},
		{checks.ParseError, rule.File{}, &cue.Document{Diagnostics: []cue.Diagnostic{{Line: 7, Message: "bad timing line"}, {Rule: "A001", Line: 9, Message: "not mine"}}},
			"E000 7 bad timing line"},
	}
	for _, c := range cases {
		f := c.file
		f.Path = "x.srt"
		if got := strings.Join(runOn(c.rule, &f, c.doc), " | "); got != c.want {
			t.Errorf("%s on %+v: %q, want %q", c.rule.Code, c.file, got, c.want)
		}
	}
}
