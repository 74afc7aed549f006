// Package e2e checks waivers and baselines on findings from the real
// engine. It is a package of its own so that the waiver package's tests
// build without the engine and every format reader, and so the engine can
// import waiver without an import cycle through a test.
package e2e_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// baselineOf saves findings as a JSON report and loads it back as a baseline.
func baselineOf(t *testing.T, findings []rule.Finding) *waiver.Baseline {
	t.Helper()
	var buf bytes.Buffer
	err := report.JSON(&buf, &report.Report{SchemaVersion: report.SchemaVersion, Findings: findings})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "previous.json")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := waiver.LoadBaseline(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// check runs the real engine on one SRT file with the shipped packs.
func check(t *testing.T, path, srt string, jobs int) []rule.Finding {
	t.Helper()
	if err := os.WriteFile(path, []byte(srt), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := pack.Load(checks.All())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := engine.Run(context.Background(), engine.Options{Paths: []string{path}, Jobs: jobs,
		Rules: checks.All(), Resolver: lib.NewRunResolver(pack.Request{}), FailOn: rule.Error})
	if err != nil {
		t.Fatal(err)
	}
	return rep.Findings
}

const (
	// Cue 1 reads too fast, cues 2 and 3 overlap, and the last block's
	// timing line is mistyped: a parse error with no cue (so no start time).
	delivered = `1
00:00:10,000 --> 00:00:11,000
Far too many words to read in a single second, surely.

2
00:00:20,000 --> 00:00:23,000
Overlap A.

3
00:00:22,500 --> 00:00:25,000
Overlap B.

4
00:00:40,000 -> 00:00:41,000
Broken arrow.
`
	// The same file after an editor inserted a clean cue at the top.
	edited = `1
00:00:01,000 --> 00:00:03,000
Bonjour.

2
00:00:10,000 --> 00:00:11,000
Far too many words to read in a single second, surely.

3
00:00:20,000 --> 00:00:23,000
Overlap A.

4
00:00:22,500 --> 00:00:25,000
Overlap B.

4
00:00:40,000 -> 00:00:41,000
Broken arrow.
`
)

// Findings produced by the real pipeline keep their fingerprints when a cue
// is inserted above, whatever the worker count: a baseline of the first
// run finds nothing new in the second, and waivers by time and by
// fingerprint keep holding.
func TestEngineFindingsSurviveCueInsertedAbove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ep1.fr.srt")
	before := check(t, path, delivered, 1)
	after := check(t, path, edited, 4)

	rules := map[string]bool{}
	moved := 0
	for i := range before {
		rules[before[i].Rule] = true
		if i < len(after) && (before[i].Cue != after[i].Cue || before[i].Line != after[i].Line) {
			moved++
		}
	}
	for _, code := range []string{"T003", "T005", "E000"} {
		if !rules[code] {
			t.Fatalf("fixture no longer produces %s; findings: %+v", code, before)
		}
	}
	if len(after) != len(before) || moved == 0 {
		t.Fatalf("the edit should move every finding and add none: before %+v\nafter %+v", before, after)
	}

	for i, isNew := range baselineOf(t, before).New(after) {
		if isNew {
			t.Errorf("reported as new after inserting a cue above: %+v", after[i])
		}
	}

	var overlap rule.Finding
	for _, f := range before {
		if f.Rule == "T003" {
			overlap = f
		}
	}
	s, err := waiver.Parse("waivers.yaml", []byte(`waivers:
  - rule: reading-speed-too-high
    file: "*.fr.srt"
    at: "00:00:10.000"
    reason: intentional rapid-fire dialogue
  - rule: cue-overlap
    fingerprint: `+rule.Fingerprint(&overlap)+`
    reason: overlap matches the picture edit
`))
	if err != nil {
		t.Fatal(err)
	}
	for name, run := range map[string][]rule.Finding{"before": before, "after": after} {
		waived, notes := s.Apply(run, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		got := map[string]int{}
		for i, w := range waived {
			if w != nil {
				got[run[i].Rule]++
			}
		}
		if got["T005"] == 0 || got["T003"] == 0 || got["E000"] != 0 || len(notes) != 0 {
			t.Errorf("%s: waived by rule %v, notes %+v", name, got, notes)
		}
	}
}
