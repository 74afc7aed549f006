package checks_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/pack"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/shots"
	"github.com/exportqc/exportqc/qc/waiver"
)

var library *pack.Library

func shipped(t testing.TB) *pack.Library {
	t.Helper()
	if library == nil {
		l, err := pack.Load(checks.All())
		if err != nil {
			t.Fatal(err)
		}
		library = l
	}
	return library
}

// fixtureNow is the day rule fixtures are checked on: waiver expiry (W002)
// is judged against it.
var fixtureNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// run is what a check is asked beyond its paths: rule flags, pack
// variants, a waiver file.
type run struct {
	flags    pack.FlagValues
	variants []string
	waivers  string
	// shotChanges is a shot-change list for every file (--shot-changes);
	// noteShots asks for the note when files have none (as check does).
	shotChanges string
	noteShots   bool
}

// check runs the engine as `exportqc check` does with an empty project
// config and what r asks.
func check(t testing.TB, r run, registry []*rule.Rule, paths ...string) *report.Report {
	t.Helper()
	rep, err := engine.Run(context.Background(), engineOptions(t, r, registry, paths...))
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// engineOptions are the engine's options for what r asks, with the
// shipped packs and an empty project config.
func engineOptions(t testing.TB, r run, registry []*rule.Rule, paths ...string) engine.Options {
	t.Helper()
	lib := shipped(t)
	o, err := lib.ParseFlags(r.flags)
	if err != nil {
		t.Fatal(err)
	}
	opts := engine.Options{Paths: paths, Jobs: 2, Rules: registry, FailOn: rule.Error, Now: fixtureNow,
		Resolver: lib.NewRunResolver(pack.Request{Flags: o, Variants: r.variants})}
	if r.waivers != "" {
		if opts.Waivers, err = waiver.Load(r.waivers); err != nil {
			t.Fatal(err)
		}
	}
	if r.shotChanges != "" {
		if opts.ShotChanges, err = shots.Load(r.shotChanges); err != nil {
			t.Fatal(err)
		}
	}
	opts.NoteMissingShotChanges = r.noteShots
	return opts
}

func severities(rep *report.Report, code string) []rule.Severity {
	var out []rule.Severity
	for _, f := range rep.Findings {
		if f.Rule == code {
			out = append(out, f.Severity)
		}
	}
	return out
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A reader's diagnostic is a rule like any other: --disable drops it,
// --severity changes it.
func TestReaderDiagnosticsAreConfigurable(t *testing.T) {
	p := writeFile(t, "styles.ass", "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"+
		"Format: Name, Fontname, Fontsize\nStyle: Default,Arial,20\n\n[Events]\n"+
		"Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"+
		"Dialogue: 0,0:00:01.00,0:00:03.00,Nowhere,,0,0,0,,Hello there\n")
	all := checks.All()
	if got := severities(check(t, run{}, all, p), "A001"); len(got) != 1 || got[0] != rule.Warning {
		t.Fatalf("default: A001 %v, want one warning", got)
	}
	if got := severities(check(t, run{flags: pack.FlagValues{Disable: []string{"A001"}}}, all, p), "A001"); len(got) != 0 {
		t.Errorf("disabled: A001 %v", got)
	}
	if got := severities(check(t, run{flags: pack.FlagValues{Severity: []string{"ssa-style-undefined=error"}}}, all, p), "A001"); len(got) != 1 || got[0] != rule.Error {
		t.Errorf("--severity error: A001 %v", got)
	}
}

// The notes about waivers are rules like any other: --disable drops them,
// --severity changes them (and with it the verdict).
func TestWaiverNotesAreConfigurable(t *testing.T) {
	dir := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "rules", "W001", "unused-waiver")
	r := run{waivers: filepath.Join(dir, "waivers.yaml")}
	all := checks.All()
	if got := severities(check(t, r, all, dir), "W001"); len(got) != 1 || got[0] != rule.Warning {
		t.Fatalf("default: W001 %v, want one warning", got)
	}
	r.flags = pack.FlagValues{Disable: []string{"W001"}}
	if got := severities(check(t, r, all, dir), "W001"); len(got) != 0 {
		t.Errorf("disabled: W001 %v", got)
	}
	r.flags = pack.FlagValues{Severity: []string{"waiver-unused=error"}}
	rep := check(t, r, all, dir)
	if got := severities(rep, "W001"); len(got) != 1 || got[0] != rule.Error || rep.Summary.Passed {
		t.Errorf("--severity error: W001 %v, passed %v; want one error failing the run", got, rep.Summary.Passed)
	}
}

// What kept a file from being read is E000, configurable like any rule.
func TestParseErrorIsConfigurable(t *testing.T) {
	p := writeFile(t, "video.srt", "\x00\x01\x02\x03PK\x03\x04"+string(make([]byte, 200)))
	all := checks.All()
	if got := severities(check(t, run{}, all, p), "E000"); len(got) != 1 || got[0] != rule.Error {
		t.Fatalf("binary .srt: E000 %v, want one error", got)
	}
	rep := check(t, run{flags: pack.FlagValues{Severity: []string{"E000=info"}}}, all, p)
	if got := severities(rep, "E000"); len(got) != 1 || got[0] != rule.Info || !rep.Summary.Passed {
		t.Errorf("E000=info: %v, passed %v", got, rep.Summary.Passed)
	}
	if got := severities(check(t, run{flags: pack.FlagValues{Disable: []string{"E000"}}}, all, p), "E000"); len(got) != 0 {
		t.Errorf("disabled: E000 %v", got)
	}
}

// A rule that panics costs the file none of the other rules' findings; the
// panic is an E000 naming the rule, and E000's configuration applies to it.
func TestInternalErrorGoesThroughE000(t *testing.T) {
	p := writeFile(t, "overlap.srt", "1\n00:00:01,000 --> 00:00:04,000\nOne\n\n2\n00:00:03,000 --> 00:00:06,000\nTwo\n")
	boom := &rule.Rule{Code: "Z999", Name: "always-panics", Family: "test", Summary: "panics", Doc: "panics",
		Run: func(*rule.Pass) { panic("boom") }}
	registry := append(checks.All(), boom)
	rep := check(t, run{}, registry, p)
	var internal int
	for _, f := range rep.Findings {
		if f.Rule == "E000" && f.Name == "parse-error" && f.Severity == rule.Error &&
			f.Message == "internal error in rule Z999 always-panics (please report it): boom" {
			internal++
		}
	}
	if internal != 1 || len(severities(rep, "T003")) != 1 {
		t.Errorf("findings %+v", rep.Findings)
	}
	if got := severities(check(t, run{flags: pack.FlagValues{Disable: []string{"E000"}}}, registry, p), "E000"); len(got) != 0 {
		t.Errorf("E000 disabled, yet %v", got)
	}
}
