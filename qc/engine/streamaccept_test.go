package engine

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// waiverNotesLast holds only when the waiver file sorts after every path
// and lies in none of them.
func TestWaiverNotesLast(t *testing.T) {
	type notesCase struct {
		waivers string
		paths   []string
		want    bool
	}
	cases := []notesCase{
		{"waivers.yaml", []string{"subs", "deliveries/a"}, true},
		{"qc/waivers.yaml", []string{"subs"}, false},   // before the files
		{"subs/waivers.yaml", []string{"subs"}, false}, // among them
		{"subs0.yaml", []string{"subs"}, false},        // the path is its prefix: not decided, not streamed
		{"w.yaml", []string{"."}, false},               // "." names files without a prefix
		{"waivers.yaml", []string{"./subs/"}, true},    // paths are cleaned
		{"/tmp/w.yaml", []string{"/work/subs"}, false}, // '/t' < '/w'
		{"/work/w.yaml", []string{"/work/subs"}, true},
	}
	// A manifest named stands for its folder.
	manifest := filepath.ToSlash(fixture(t, "broken-river", "manifest.yaml"))
	cases = append(cases,
		notesCase{filepath.ToSlash(fixture(t, "broken-river", "w.yaml")), []string{manifest}, false},
		notesCase{filepath.ToSlash(fixture(t, "c.yaml")), []string{manifest}, true})
	for _, c := range cases {
		if got := waiverNotesLast(c.waivers, c.paths); got != c.want {
			t.Errorf("waiverNotesLast(%q, %q) = %v, want %v", c.waivers, c.paths, got, c.want)
		}
	}
}

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
	// The waiver file sorts after the fixtures' folder, so its notes are
	// the last findings.
	waivers, err := waiver.Parse(filepath.ToSlash(filepath.Dir(root))+"/~waivers.yaml", []byte("waivers:\n"+
		"  - rule: G004\n    reason: the German file is a test of the rule\n"+
		"  - rule: D007\n    file: broken-river/S01E03/*.srt\n    reason: the cut is longer, agreed\n"+
		"  - rule: D003\n    file: broken-river/S01E01/BrokenRiver_S01E01.de.srt\n    reason: delivered later\n"+
		"  - rule: T001\n    file: nowhere.srt\n    reason: matches nothing\n"+
		"  - rule: D002\n    reason: was fine last year\n    expires: 2026-01-31\n"))
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
	if !notes["W001"] || !notes["W002"] {
		t.Fatalf("the run lacks a W001 or W002 note: %v", notes)
	}
	if reflect.DeepEqual(whole.Deliveries, plain.Deliveries) {
		t.Fatal("the deliveries' records are those of the run without waivers: nothing to correct")
	}
	streamedEqualsWhole(t, "deliveries with waivers and a baseline", whole, opts)
}
