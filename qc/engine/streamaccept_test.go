package engine

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// Waivers and a baseline over deliveries stream with the decisions the
// whole run makes: the same findings waived (a file's own, a delivery
// finding that names a file, one about a path without a record), the same
// dropped as known, the same notes about unused and expired waivers, and
// delivery records that count only the accepted findings, in every
// format at --jobs 1, 2 and 7.
func TestRunStreamAcceptsOverDeliveries(t *testing.T) {
	root := fixture(t)
	plain := run(t, testOptions(t, root))
	// Every other finding is known to the baseline, but for those the
	// waivers below take.
	var known []rule.Finding
	for i, f := range plain.Findings {
		if i%2 == 0 && f.Rule != "G004" && f.Rule != "D007" && f.Rule != "D003" {
			known = append(known, f)
		}
	}
	yaml := []byte("waivers:\n" +
		"  - rule: G004\n    reason: the German file is a test of the rule\n" +
		"  - rule: D007\n    file: broken-river/S01E03/*.srt\n    reason: the cut is longer, agreed\n" +
		"  - rule: D003\n    file: broken-river/S01E01/BrokenRiver_S01E01.de.srt\n    reason: delivered later\n" +
		"  - rule: T001\n    file: nowhere.srt\n    reason: matches nothing\n" +
		"  - rule: D002\n    reason: was fine last year\n    expires: 2026-01-31\n")
	// Without the waiver that matches nothing, every waiver in force is
	// used: the notes are settled before the end.
	used := []byte(strings.Replace(string(yaml), "  - rule: T001\n    file: nowhere.srt\n    reason: matches nothing\n", "", 1))
	// The notes about the waiver file go where its path sorts: after the
	// checked folder, among its deliveries, or before them all.
	for place, path := range map[string]string{
		"after":            filepath.ToSlash(filepath.Dir(root)) + "/~waivers.yaml",
		"among":            filepath.ToSlash(root) + "/itunes/waivers.yaml",
		"before":           filepath.ToSlash(filepath.Dir(root)) + "/.waivers.yaml",
		"among, all used":  filepath.ToSlash(root) + "/itunes/waivers.yaml",
		"before, all used": filepath.ToSlash(filepath.Dir(root)) + "/.waivers.yaml",
	} {
		text := yaml
		if strings.HasSuffix(place, "all used") {
			text = used
		}
		waivers, err := waiver.Parse(path, text)
		if err != nil {
			t.Fatal(err)
		}
		opts := func() Options {
			o := testOptions(t, root)
			o.Waivers, o.Baseline = waivers, waiver.NewBaseline(known)
			o.Now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
			return o
		}
		whole := run(t, opts())
		// What the comparison must see to prove anything.
		if whole.Summary.Waived < 3 || whole.Summary.Baselined == 0 {
			t.Fatalf("waived %d, baselined %d: the run accepts too little to compare", whole.Summary.Waived, whole.Summary.Baselined)
		}
		notes := map[string]bool{}
		for _, f := range whole.Findings {
			notes[f.Rule] = notes[f.Rule] || f.Rule == "W001" || f.Rule == "W002"
		}
		if !notes["W002"] || notes["W001"] == strings.HasSuffix(place, "all used") {
			t.Fatalf("%s: notes %v: want W002, and W001 unless every waiver is used", place, notes)
		}
		if reflect.DeepEqual(whole.Deliveries, plain.Deliveries) {
			t.Fatal("the deliveries' records are those of the run without waivers: nothing to correct")
		}
		streamedEqualsWhole(t, "deliveries with waivers "+place+" and a baseline", whole, opts)
	}
}

// The parts after the waiver file's path are held only until every
// waiver in force has waived a finding: then the notes are known, and the
// held parts go out at once, the later ones as they come.
func TestNotesPlaceHoldsUntilSettled(t *testing.T) {
	waivers, err := waiver.Parse("b.yaml", []byte("waivers:\n  - rule: T001\n    reason: accepted\n"))
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t)
	opts.Waivers = waivers
	accept := newStreamAcceptance(&opts)
	var out []string
	place := newNotesPlace(&opts, accept, func(p report.Part) error {
		out = append(out, partPath(p))
		return nil
	})
	send := func(path, code string) {
		t.Helper()
		fs, _, _ := accept.decide([]rule.Finding{{Rule: code, File: path, Severity: rule.Error}}, nil)
		if err := place.part(report.Part{File: &report.File{Path: path}, Findings: fs}); err != nil {
			t.Fatal(err)
		}
	}
	send("a.srt", "T003")
	send("c.srt", "T003")
	if got := strings.Join(out, " "); got != "a.srt" {
		t.Fatalf("out %q before the waiver took anything: want a.srt, c.srt held", got)
	}
	send("d.srt", "T001") // the waiver is used: settled
	send("e.srt", "T003")
	if got := strings.Join(out, " "); got != "a.srt c.srt d.srt e.srt" {
		t.Fatalf("out %q once settled: want every part, in order", got)
	}
	if err := place.end(); err != nil || len(place.notes) != 0 {
		t.Errorf("end: %v, notes %v; want none", err, place.notes)
	}
}
