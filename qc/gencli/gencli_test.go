package gencli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/gen"
)

func TestEpisodeToStdoutMatchesLibrary(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"episode", "--out", "-", "--seed", "9", "--lang", "de", "--cues", "80", "--format", "vtt"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 9, Language: "de", Cues: 80, Format: "vtt", Title: "Episode"})
	if !bytes.Equal(out.Bytes(), want) {
		t.Error("qcgen episode differs from gen.EpisodeBytes with the same options")
	}
}

func TestEpisodeFileIsNamedForLanguageInference(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := Run([]string{"episode", "--out", dir, "--lang", "zh-Hans", "--format", "ttml", "--cues", "50"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	path := strings.TrimSpace(out.String())
	if filepath.Base(path) != "Episode_S01E01.zh-Hans.ttml" {
		t.Errorf("wrote %s", path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"frobnicate"},
		{"episode"},                     // no --out
		{"episode", "--out", "-", "-x"}, // unknown flag
		{"audit", "--out", t.TempDir(), "--fps", "fast"},
		{"files", "--out", t.TempDir(), "--count", "0"},
	} {
		var out, errb bytes.Buffer
		if code := Run(args, &out, &errb); code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, code, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"episode", "--out", "-", "--lang", "xx"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "xx") {
		t.Errorf("unknown language: exit %d, %q", code, errb.String())
	}
}

func TestAuditWritesExpected(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tree")
	var out, errb bytes.Buffer
	code := Run([]string{"audit", "--out", dir, "--members", "3", "--episodes", "12", "--languages", "2",
		"--cues", "30", "--defect-rate", "0.1", "--seed", "4"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var exp gen.Expected
	data, err := os.ReadFile(filepath.Join(dir, "EXPECTED.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	if len(exp.Members) != 3 || exp.Totals.Episodes != 12 || exp.Seed != 4 {
		t.Errorf("EXPECTED.json: %d members, %d episodes, seed %d", len(exp.Members), exp.Totals.Episodes, exp.Seed)
	}
	if !strings.Contains(out.String(), "12 episodes") {
		t.Errorf("summary: %s", out.String())
	}
	// A second run into the same folder is refused: old files would
	// contradict the new EXPECTED.json.
	if code := Run([]string{"audit", "--out", dir, "--members", "3", "--episodes", "12"}, &out, &errb); code != 1 {
		t.Errorf("overwrite: exit %d", code)
	}
}

// --density corpus seeds cue defects in every file and says so in
// EXPECTED.json; an unknown density is a usage error.
func TestAuditDensity(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tree")
	var out, errb bytes.Buffer
	code := Run([]string{"audit", "--out", dir, "--members", "2", "--episodes", "6", "--languages", "2",
		"--cues", "30", "--defect-rate", "0", "--density", "corpus", "--seed", "4"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var exp gen.Expected
	data, err := os.ReadFile(filepath.Join(dir, "EXPECTED.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	d := exp.Totals.Defects
	// No defect rate: every seeded defect comes from the density, about
	// 30 cues a file at 0.285 to 1/3 defects per cue.
	if exp.Options.Density != "corpus" || d.Overlap+d.TooShort+d.TooFast+d.LineTooLong < 8*exp.Totals.FilesOnDisk {
		t.Errorf("density %q, %+v in %d files", exp.Options.Density, d, exp.Totals.FilesOnDisk)
	}
	errb.Reset()
	if code := Run([]string{"audit", "--out", filepath.Join(t.TempDir(), "x"), "--density", "dense"}, &out, &errb); code == 0 || !strings.Contains(errb.String(), "dense") {
		t.Errorf("unknown density: exit %d, %q", code, errb.String())
	}
}

// The formats added for the clean-file benchmarks: episode writes them at
// their own frame rate unless --fps says otherwise, refuses what they
// cannot carry, and files draws only languages each format can carry.
func TestNewFormats(t *testing.T) {
	for _, f := range []string{"stl", "ass", "scc"} {
		var out, errb bytes.Buffer
		if code := Run([]string{"episode", "--out", "-", "--lang", "fr", "--cues", "60", "--format", f}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, errb.String())
		}
		want := gen.EpisodeBytes(gen.EpisodeOptions{Seed: 1, Language: "fr", Cues: 60, Format: f, Title: "Episode"})
		if len(want) == 0 || !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s: qcgen episode differs from gen.EpisodeBytes with the same options", f)
		}
	}
	for _, args := range [][]string{
		{"--format", "scc", "--lang", "ja"},
		{"--format", "stl", "--fps", "24000/1001"},
		{"--format", "ass", "--too-short", "1"},
	} {
		var out, errb bytes.Buffer
		if code := Run(append([]string{"episode", "--out", "-"}, args...), &out, &errb); code != 1 || out.Len() > 0 {
			t.Errorf("%q: exit %d, %d bytes written (%s)", args, code, out.Len(), errb.String())
		}
	}
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := Run([]string{"files", "--out", dir, "--count", "12", "--cues", "40", "--formats", "stl,scc", "--quiet"}, &out, &errb); code != 0 {
		t.Fatalf("files: exit %d: %s", code, errb.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(names) != 12 {
		t.Fatalf("%d files written", len(names))
	}
	for _, name := range names {
		ext := filepath.Ext(name)
		lang := strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(name, ext)), ".")
		if !slices.Contains(gen.FormatLanguages(ext[1:]), lang) {
			t.Errorf("%s: %s cannot be written in %s", filepath.Base(name), lang, ext)
		}
	}
}
