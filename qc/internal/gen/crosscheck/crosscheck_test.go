// Package crosscheck_test runs the real `exportqc check` over generated
// files and trees and holds the result to what the generator says it
// seeded. It lives apart from package gen so that the generator's own
// tests do not depend on the whole CLI building.
package crosscheck_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cli"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

type report struct {
	Summary struct {
		Files  int `json:"files"`
		Errors int `json:"errors"`
	} `json:"summary"`
	Findings []struct {
		Rule    string `json:"rule"`
		File    string `json:"file"`
		Message string `json:"message"`
	} `json:"findings"`
}

func check(t *testing.T, dir string) *report {
	t.Helper()
	var out, errb bytes.Buffer
	// Generated episodes have no picture: the note that no shot-change
	// list was given (T013) is not what these tests count.
	code := cli.Run([]string{"check", dir, "--format", "json", "-q", "--disable", "T013"}, &out, &errb)
	if code != 0 && code != 1 {
		t.Fatalf("exportqc check exited %d: %s", code, errb.String())
	}
	var r report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("report: %v", err)
	}
	return &r
}

// Under the default profile, a clean generated episode in any language and
// format has no finding at all, and seeded cues have exactly one each.
func TestEpisodesUnderDefaultProfile(t *testing.T) {
	dir := t.TempDir()
	seeded := gen.CueDefects{Overlap: 2, TooShort: 1, TooFast: 3, LineTooLong: 2}
	cleanFiles, seededFiles := 0, 0
	for _, f := range gen.Formats {
		for _, lang := range gen.FormatLanguages(f) {
			for _, kind := range []string{"clean", "seeded"} {
				o := gen.EpisodeOptions{Seed: 5, Language: lang, Format: f, Cues: 200, Name: kind}
				if kind == "seeded" {
					if !slices.Contains(gen.DefectFormats, f) {
						continue
					}
					o.Defects = seeded
					seededFiles++
				} else {
					cleanFiles++
				}
				sub := filepath.Join(dir, kind)
				path := filepath.Join(sub, gen.FileName("Show", 1, 1, lang, f))
				writeFile(t, path, gen.EpisodeBytes(o))
			}
		}
	}
	clean := check(t, filepath.Join(dir, "clean"))
	if clean.Summary.Files != cleanFiles {
		t.Fatalf("%d files checked, %d written", clean.Summary.Files, cleanFiles)
	}
	for _, f := range clean.Findings {
		t.Errorf("clean file %s: %s %s", f.File, f.Rule, f.Message)
	}
	want := map[string]int{"T003": seeded.Overlap, "T001": seeded.TooShort, "T005": seeded.TooFast, "L001": seeded.LineTooLong}
	got := map[string]map[string]int{}
	for _, f := range check(t, filepath.Join(dir, "seeded")).Findings {
		if got[f.File] == nil {
			got[f.File] = map[string]int{}
		}
		got[f.File][f.Rule]++
	}
	if len(got) != seededFiles {
		t.Errorf("findings in %d files, want every file", len(got))
	}
	for file, rules := range got {
		for rule, n := range rules {
			if want[rule] != n {
				t.Errorf("%s: %d %s findings, seeded %d", filepath.Base(file), n, rule, want[rule])
			}
		}
		for rule, n := range want {
			if rules[rule] != n {
				t.Errorf("%s: %d %s findings, seeded %d", filepath.Base(file), rules[rule], rule, n)
			}
		}
	}
}

// The clean-file benchmarks' episodes (700 cues, 45 minutes, every
// language each format can carry, at each frame rate it can declare) have
// no finding at all under the default profile: the benchmark asserts it
// for English, this for the rest.
func TestFullEpisodesOfEveryFormatAreClean(t *testing.T) {
	dir := t.TempDir()
	n := 0
	for _, f := range gen.Formats {
		for _, lang := range gen.FormatLanguages(f) {
			o := gen.EpisodeOptions{Seed: 11, Language: lang, Format: f}
			if f == "stl" && lang != "en" {
				o.FrameRate = cue.FrameRate{Num: 30, Den: 1} // the other rate STL declares
			}
			writeFile(t, filepath.Join(dir, f, gen.FileName("Show", 1, 1, lang, f)), gen.EpisodeBytes(o))
			n++
		}
	}
	r := check(t, dir)
	if r.Summary.Files != n {
		t.Fatalf("%d files checked, %d written", r.Summary.Files, n)
	}
	for _, f := range r.Findings {
		t.Errorf("%s: %s %s", f.File, f.Rule, f.Message)
	}
}

// Over an audit tree, each member's timing and layout findings are exactly
// the cues EXPECTED.json says were seeded. Delivery rules (D…) are held to
// EXPECTED.json for whichever of them the check reports.
func TestAuditTreeFindingsMatchExpected(t *testing.T) {
	root := filepath.Join(t.TempDir(), "audit")
	exp, err := gen.AuditTree(root, gen.AuditOptions{Members: 4, Episodes: 40, Languages: 3, Seed: 2, DefectRate: 0.3, Cues: 80})
	if err != nil {
		t.Fatal(err)
	}
	r := check(t, root)
	perMember := map[string]map[string]int{}
	for _, f := range r.Findings {
		rel, err := filepath.Rel(root, f.File)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = f.File
		}
		m := strings.Split(filepath.ToSlash(rel), "/")[0]
		if perMember[m] == nil {
			perMember[m] = map[string]int{}
		}
		perMember[m][f.Rule]++
	}
	reported := map[string]bool{}
	for _, m := range perMember {
		for rule := range m {
			reported[rule] = true
		}
	}
	for _, m := range exp.Members {
		byKind := m.Totals.Defects.ByKind()
		for kind, rule := range gen.DefectRules {
			want := byKind[kind]
			if strings.HasPrefix(rule, "D") && !reported[rule] {
				continue // delivery rule not run by check (yet)
			}
			if got := perMember[m.Slug][rule]; got != want {
				t.Errorf("%s: %d %s (%s) findings, EXPECTED.json says %d", m.Slug, got, rule, kind, want)
			}
		}
		for rule, n := range perMember[m.Slug] {
			known := false
			for _, r := range gen.DefectRules {
				known = known || r == rule
			}
			if !known {
				t.Errorf("%s: %d unseeded %s findings", m.Slug, n, rule)
			}
		}
	}
	for kind, rule := range gen.DefectRules {
		if !reported[rule] && strings.HasPrefix(rule, "D") {
			t.Logf("%s (%s) not reported by check; not compared", rule, kind)
		}
	}
}
