package report

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// Reading the CSV back with a standard reader must give every finding's
// fields exactly, quotes, commas and line breaks included.
func TestCSVRoundTrip(t *testing.T) {
	r := loadFixture(t)
	out := run(t, CSV(CSVOptions{}), r)
	if strings.HasPrefix(out, "\uFEFF") || strings.Contains(out, "\r\n") {
		t.Error("default CSV has a BOM or CRLF line ends")
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "file,line,cue,start,end,severity,rule,name,message,expected,actual,source" {
		t.Errorf("header %v", rows[0])
	}
	rows = rows[1:]
	if len(rows) != len(r.Findings) {
		t.Fatalf("%d rows for %d findings", len(rows), len(r.Findings))
	}
	for i, f := range sortedFindings(r.Findings) {
		got := decodeCSVRow(t, rows[i])
		if want := csvKey(&f); got != want {
			t.Errorf("row %d:\n got %+v\nwant %+v", i+1, got, want)
		}
	}
}

type csvFinding struct {
	File, Start, End, Severity, Rule, Name, Message, Expected, Actual, Source string
	Line, Cue                                                                 int
}

func decodeCSVRow(t *testing.T, row []string) csvFinding {
	t.Helper()
	num := func(s string) int {
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("number cell %q: %v", s, err)
		}
		return n
	}
	sev, err := rule.ParseSeverity(row[5])
	if err != nil {
		t.Fatal(err)
	}
	return csvFinding{File: row[0], Line: num(row[1]), Cue: num(row[2]), Start: row[3], End: row[4],
		Severity: sev.String(), Rule: row[6], Name: row[7], Message: row[8], Expected: row[9], Actual: row[10], Source: row[11]}
}

// csvKey is the finding as the CSV should carry it.
func csvKey(f *rule.Finding) csvFinding {
	return csvFinding{File: f.File, Line: f.Line, Cue: f.Cue, Start: timecode(f.Start), End: timecode(f.End),
		Severity: f.Severity.String(), Rule: f.Rule, Name: f.Name, Message: f.Message,
		Expected: f.Expected, Actual: f.Actual, Source: f.Source}
}

func TestCSVExcel(t *testing.T) {
	r := smallReport(rule.Finding{Rule: "L001", Name: "line-too-long", Severity: rule.Error, File: "a.srt", Line: 2,
		Message: "=HYPERLINK(\"http://x\")", Expected: "+1", Actual: "-5 chars", Source: "@guide"})
	out := run(t, CSV(CSVOptions{Excel: true}), r)
	if !strings.HasPrefix(out, "\uFEFFfile,line,") {
		t.Errorf("Excel CSV must start with a BOM and the header: %q", out[:min(20, len(out))])
	}
	if strings.Count(out, "\r\n") != 2 {
		t.Errorf("Excel CSV must use CRLF line ends: %q", out)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range map[int]string{8: "'=HYPERLINK(\"http://x\")", 9: "'+1", 10: "'-5 chars", 11: "'@guide"} {
		if rows[1][i] != want {
			t.Errorf("cell %s = %q, want %q (formula defused)", CSVHeader[i], rows[1][i], want)
		}
	}
	if rows[1][1] != "2" || rows[1][5] != "error" {
		t.Errorf("non-text cells must stay as they are: %v", rows[1])
	}
}

// A file named =1+1.en.srt must not become a formula in the plain CSV
// either: the check and audit CSVs share one writer.
func TestCSVNeutralisesFormulaFileNames(t *testing.T) {
	r := smallReport(rule.Finding{Rule: "T001", Name: "min-duration", Severity: rule.Error, File: "=1+1.en.srt", Line: 2,
		Message: "-too short"})
	out := run(t, CSV(CSVOptions{}), r)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][0] != "'=1+1.en.srt" || rows[1][8] != "'-too short" {
		t.Errorf("cells %q, %q: want a leading ' before = and -", rows[1][0], rows[1][8])
	}
}
