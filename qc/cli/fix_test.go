package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// copyTree copies the named fixture files into a fresh folder, as a
// delivery a user would fix.
func copyTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "in")
	for name, src := range files {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			b, _ := os.ReadFile(p)
			m[p] = string(b)
		}
		return nil
	})
	return m
}

func TestFixWritesCorrectedCopies(t *testing.T) {
	cfg := emptyConfig(t)
	in := copyTree(t, map[string]string{
		"a/gap.en.srt":    fixture(t, "T004/gap.srt"),
		"b/spaces.en.srt": fixture(t, "L004/spaces.srt"),
		"clean.en.srt":    fixture(t, "ok/clean.en.srt"),
	})
	before := snapshot(t, in)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := run(t, "--config", cfg, "fix", in, "--out", out)
	if code != ExitPass {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if got := snapshot(t, in); len(got) != len(before) {
		t.Fatalf("fix changed the input folder: %d files, had %d", len(got), len(before))
	} else {
		for p, b := range before {
			if got[p] != b {
				t.Errorf("fix modified its input %s", p)
			}
		}
	}
	for _, rel := range []string{"a/gap.en.srt", "b/spaces.en.srt"} {
		if _, err := os.Stat(filepath.Join(out, rel)); err != nil {
			t.Errorf("corrected copy %s not written: %v", rel, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "clean.en.srt")); err == nil {
		t.Error("a file with nothing to fix was copied without --copy-all")
	}
	if !strings.Contains(stdout, "T004") || !strings.Contains(stdout, "L004") || !strings.Contains(stdout, " → ") {
		t.Errorf("summary does not list the edits:\n%s", stdout)
	}
	var log struct {
		Changes []struct{ File, Rule, Before, After string }
	}
	data, err := os.ReadFile(out + ".fixlog.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Changes) == 0 {
		t.Fatalf("change log: %v, %d changes", err, len(log.Changes))
	}
	// The copy passes the rules that were fixed.
	code, stdout, _ = run(t, "--config", cfg, "check", "--enable-only", "T004,L004", out)
	if code != ExitPass || strings.Contains(stdout, "T004") || strings.Contains(stdout, "L004") {
		t.Errorf("the corrected copy still fails (exit %d):\n%s", code, stdout)
	}
	// --copy-all copies the rest too.
	all := filepath.Join(t.TempDir(), "all")
	if code, _, stderr := run(t, "--config", cfg, "fix", in, "--out", all, "--copy-all"); code != ExitPass {
		t.Fatalf("--copy-all: exit %d %s", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(all, "clean.en.srt")); err != nil || string(b) != before[filepath.Join(in, "clean.en.srt")] {
		t.Errorf("--copy-all did not copy the clean file as it is: %v", err)
	}
}

// An output folder above the input, or a log path, must never put a file
// on an original: a copy of sub/sub/a.srt would land on sub/a.srt.
func TestFixNeverWritesOverAnInput(t *testing.T) {
	cfg := emptyConfig(t)
	root := t.TempDir()
	orig := "1\n00:00:01,000 --> 00:00:03,000\nOriginal A\n\n"
	inner := "1\n00:00:01,000 --> 00:00:03,000\nHello  world\n\n"
	for p, text := range map[string]string{"subs/a.en.srt": orig, "subs/subs/a.en.srt": inner} {
		os.MkdirAll(filepath.Join(root, filepath.Dir(p)), 0o755)
		if err := os.WriteFile(filepath.Join(root, p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	subs := filepath.Join(root, "subs")
	before := snapshot(t, subs)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"fix", subs, "--out", root}, "would be written to " + filepath.Join(subs, "a.en.srt")},
		{[]string{"fix", subs, "--out", filepath.Join(root, "fixed"), "--log", filepath.Join(subs, "a.en.srt")}, "--log"},
		{[]string{"fix", subs, "--diff", "--log", "-"}, "standard output"},
	} {
		code, _, stderr := run(t, append([]string{"--config", cfg}, c.args...)...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d (%s), want 2 saying %q", c.args, code, stderr, c.want)
		}
	}
	if after := snapshot(t, subs); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("an input changed:\n%v\nwas\n%v", after, before)
	}
	if _, err := os.Stat(filepath.Join(root, "fixed")); !os.IsNotExist(err) {
		t.Errorf("a refused run made its output folder: %v", err)
	}
	// --log - writes the JSON log on standard output, the summary on stderr.
	code, stdout, stderr := run(t, "--config", cfg, "fix", filepath.Join(subs, "subs"), "--out", filepath.Join(root, "fixed"), "--log", "-")
	var log map[string]any
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || log["changes"] == nil {
		t.Errorf("--log -: exit %d, stdout %q is not the change log (%v); stderr %q", code, stdout, err, stderr)
	}
}

func TestFixUsage(t *testing.T) {
	cfg := emptyConfig(t)
	in := copyTree(t, map[string]string{"gap.en.srt": fixture(t, "T004/gap.srt")})
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"out inside the input", []string{"fix", in, "--out", filepath.Join(in, "fixed")}, "inside"},
		{"out is the input", []string{"fix", in, "--out", in}, "inside"},
		{"neither out nor diff", []string{"fix", in}, "exactly one"},
		{"T009 is not fixable", []string{"fix", in, "--diff", "--only", "T009"}, "not fixable"},
		{"unknown rule", []string{"fix", in, "--diff", "--except", "X999"}, "unknown rule"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"--config", cfg}, c.args...)...)
			if code != ExitUsage || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 mentioning %q", code, stderr, c.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(in, "fixed")); err == nil {
		t.Error("a refused run wrote inside its input")
	}
}

func TestFixDiffAndOnly(t *testing.T) {
	cfg := emptyConfig(t)
	in := copyTree(t, map[string]string{"gap.en.srt": fixture(t, "T004/gap.srt"), "spaces.en.srt": fixture(t, "L004/spaces.srt")})
	code, stdout, stderr := run(t, "--config", cfg, "fix", in, "--diff", "--only", "L004")
	if code != ExitPass {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "+++ b/") || !strings.Contains(stdout, "@@ -") {
		t.Errorf("no unified diff on stdout:\n%s", stdout)
	}
	if strings.Contains(stdout, "gap.en.srt") {
		t.Errorf("--only L004 touched the T004 file:\n%s", stdout)
	}
	if !bytes.Contains([]byte(stderr), []byte("L004")) {
		t.Errorf("summary not on stderr with --diff:\n%s", stderr)
	}
}

func TestFixExitsOneWhenFindingsRemain(t *testing.T) {
	cfg := emptyConfig(t)
	// Two cues overlapping so that pulling the first back would leave it
	// too short: the T003 fix is withheld and the finding remains.
	dir := t.TempDir()
	p := filepath.Join(dir, "overlap.en.srt")
	os.WriteFile(p, []byte("1\n00:00:01,000 --> 00:00:05,000\nFirst.\n\n2\n00:00:01,200 --> 00:00:04,000\nSecond.\n"), 0o644)
	code, stdout, _ := run(t, "--config", cfg, "fix", p, "--out", filepath.Join(t.TempDir(), "o"), "--only", "T003")
	if code != ExitFail || !strings.Contains(stdout, "remain") {
		t.Errorf("exit %d, want 1 with remaining findings:\n%s", code, stdout)
	}
}

// TestFixDeliveryManifests fixes a file of a delivery whose native manifest
// and sha256 sidecar list it: the corrected delivery (--copy-all) passes
// the checksum and size rules, and the originals are untouched.
func TestFixDeliveryManifests(t *testing.T) {
	cfg := emptyConfig(t)
	src := filepath.Join(fixture(t, ".."), "deliveries", "long-river")
	dir := filepath.Join(t.TempDir(), "long-river")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	rel := "S01E01/LongRiver_S01E01.fr.srt"
	p := filepath.Join(dir, rel)
	old, _ := os.ReadFile(p)
	data := bytes.Replace(old, []byte("sous la neige."), []byte("sous la  neige. "), 1)
	if bytes.Equal(old, data) {
		t.Fatal("fixture changed: text to spoil not found")
	}
	os.WriteFile(p, data, 0o644)
	// Make the delivery's manifests describe the spoilt file, as a vendor's would.
	for _, m := range []string{"manifest.yaml", "LongRiver_S01.sha256"} {
		b, _ := os.ReadFile(filepath.Join(dir, m))
		b = bytes.ReplaceAll(b, []byte(sha256hex(old)), []byte(sha256hex(data)))
		b = bytes.Replace(b, []byte(fmt.Sprintf("sha256: %s\n        size: %d", sha256hex(data), len(old))),
			[]byte(fmt.Sprintf("sha256: %s\n        size: %d", sha256hex(data), len(data))), 1)
		os.WriteFile(filepath.Join(dir, m), b, 0o644)
	}
	if code, stdout, _ := run(t, "--config", cfg, "check", "--enable-only", "D*", dir); code != ExitPass {
		t.Fatalf("the spoilt delivery does not pass its checksum rules before fixing:\n%s", stdout)
	}
	out := filepath.Join(t.TempDir(), "fixed")
	code, stdout, stderr := run(t, "--config", cfg, "fix", dir, "--out", out, "--copy-all", "--only", "L004")
	if code != ExitPass {
		t.Fatalf("fix: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "manifest.yaml: written") || !strings.Contains(stdout, "LongRiver_S01.sha256: written") {
		t.Errorf("manifests not reported as updated:\n%s", stdout)
	}
	if code, stdout, _ := run(t, "--config", cfg, "check", "--enable-only", "D*,L004", out); code != ExitPass ||
		strings.Contains(stdout, "D004") || strings.Contains(stdout, "D005") || strings.Contains(stdout, "L004") {
		t.Errorf("the corrected delivery fails (exit %d):\n%s", code, stdout)
	}
	if b, _ := os.ReadFile(p); !bytes.Equal(b, data) {
		t.Error("fix modified the original")
	}
}

func sha256hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// A waived finding is not fixed; the others are, and the output is the
// same at any --jobs.
func TestFixHonoursWaiversAndJobs(t *testing.T) {
	cfg := emptyConfig(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "gaps.en.srt")
	os.WriteFile(p, []byte("1\n00:00:01,000 --> 00:00:03,000\nOne.\n\n2\n00:00:03,020 --> 00:00:05,000\nTwo.\n\n3\n00:00:05,020 --> 00:00:07,000\nThree.\n"), 0o644)
	w := filepath.Join(t.TempDir(), "waivers.yaml")
	os.WriteFile(w, []byte("waivers:\n  - rule: T004\n    file: \"gaps.en.srt\"\n    cue: 2\n    reason: \"accepted by the client\"\n"), 0o644)
	var diffs []string
	for _, jobs := range []string{"1", "4"} {
		code, stdout, stderr := run(t, "--config", cfg, "fix", p, "--diff", "--only", "T004", "--waivers", w, "--jobs", jobs)
		if code != ExitPass {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if strings.Contains(stdout, "-00:00:01,000 --> 00:00:03,000") {
			t.Errorf("the waived gap (before cue 2) was fixed:\n%s", stdout)
		}
		if !strings.Contains(stdout, "-00:00:03,020 --> 00:00:05,000") {
			t.Errorf("the unwaived gap (before cue 3) was not fixed:\n%s", stdout)
		}
		diffs = append(diffs, stdout)
	}
	if diffs[0] != diffs[1] {
		t.Errorf("--jobs 1 and 4 differ:\n%s\n%s", diffs[0], diffs[1])
	}
}

// The change log of a binary EBU STL file shows timecodes as a subtitler
// reads them (HH:MM:SS:FF), not the TTI block's raw bytes.
func TestFixLogShowsSTLTimecodes(t *testing.T) {
	src := filepath.Join(testcorpus.RepoRoot(t), "qc", "fix", "testdata", "stl_timing.stl")
	in := copyTree(t, map[string]string{"ep.stl": src})
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := run(t, "--config", emptyConfig(t), "fix", in, "--out", out)
	if code != ExitPass {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, `T004: "00:00:03:00" → "00:00:02:24"`) || strings.Contains(stdout, `\x00`) {
		t.Errorf("STL edits not shown as timecodes:\n%s", stdout)
	}
}

// fix --diff on an EBU STL file prints the changed subtitles as text a
// person reads, not the binary file as one "line" of padding and NULs.
func TestFixDiffShowsSTLBlocks(t *testing.T) {
	src := filepath.Join(testcorpus.RepoRoot(t), "qc", "fix", "testdata", "stl_timing.stl")
	in := copyTree(t, map[string]string{"ep.stl": src})
	code, stdout, stderr := run(t, "--config", emptyConfig(t), "fix", in, "--diff")
	if code != ExitPass {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "@@ TTI block ") || !strings.Contains(stdout, "+00:00:01:00 --> 00:00:02:24\n A gap of one frame follows.\n") ||
		strings.IndexByte(stdout, 0x00) >= 0 || strings.IndexByte(stdout, 0x8f) >= 0 || !utf8.ValidString(stdout) {
		t.Errorf("STL diff not readable:\n%q", stdout)
	}
}

// A re-broken cue does not end its first line on an article, preposition
// or conjunction of its language (the English pack's weak words) when
// another break fits: "…the wine | and the cheese…", not "…and | the…".
func TestFixRebreakAvoidsWeakLineEnds(t *testing.T) {
	in := t.TempDir()
	p := filepath.Join(in, "wine.en.srt")
	os.WriteFile(p, []byte("1\n00:00:01,000 --> 00:00:05,000\nHe says he will bring the wine and the cheese if we bring some bread\n"), 0o644)
	code, stdout, stderr := run(t, "--config", emptyConfig(t), "fix", "--diff", "--only", "L001", in)
	if code != ExitPass || !strings.Contains(stdout, "+He says he will bring the wine\n+and the cheese if we bring some bread") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

// check --fixes carries the encoding fixes on their findings like every
// other rule's (JSON and SARIF): E001 transcodes, E002 drops the mark.
func TestCheckFixesCarryEncodingFixes(t *testing.T) {
	td := filepath.Join(testcorpus.RepoRoot(t), "qc", "fix", "testdata")
	code, out, stderr := run(t, "check", "--config", emptyConfig(t), "--fixes", "--format", "json", "--enable-only", "E001,E002",
		filepath.Join(td, "srt_cp1252.srt"), filepath.Join(td, "srt_bom.srt"))
	if code == ExitUsage {
		t.Fatal(stderr)
	}
	for _, want := range []string{`"transcode from windows-1252 to UTF-8"`, `"drop the UTF-8 byte-order mark"`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in the JSON report:\n%s", want, out)
		}
	}
	_, sarif, _ := run(t, "check", "--config", emptyConfig(t), "--fixes", "--format", "sarif", "--enable-only", "E002", filepath.Join(td, "srt_bom.srt"))
	if !strings.Contains(sarif, `"artifactChanges"`) {
		t.Errorf("no SARIF fix for E002:\n%s", sarif)
	}
}

// fix on a folder with no subtitle file is "nothing to fix", exit 2, as
// check's "nothing to check": a job pointed at an empty or mistyped
// folder must not pass as if it had fixed something. --allow-empty
// passes it, and nothing is written.
func TestFixNothingToFix(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a subtitle\n"), 0o644)
	out := filepath.Join(t.TempDir(), "fixed")
	code, _, stderr := run(t, "fix", "--config", emptyConfig(t), "--out", out, dir)
	if code != ExitUsage || !strings.Contains(stderr, "nothing to fix in "+dir) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--out was made: %v", err)
	}
	code, _, stderr = run(t, "fix", "--config", emptyConfig(t), "--allow-empty", "--diff", dir)
	if code != ExitPass {
		t.Errorf("--allow-empty: exit %d, stderr %q", code, stderr)
	}
}
