package audit_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/cli"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// run calls the exportqc command line in-process.
func run(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// fixtureCopy copies fixtures/audit into a temporary folder (tests change
// files, and the default history database goes next to the root) and
// returns the copy's root.
func fixtureCopy(t *testing.T) string {
	t.Helper()
	src := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "audit")
	dst := filepath.Join(t.TempDir(), "audit")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// emptyConfig keeps a developer's ./config.yaml out of the tests.
func emptyConfig(t testing.TB) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readAudit(t *testing.T, path string) *audit.Audit {
	t.Helper()
	a, err := audit.ReadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func member(t *testing.T, a *audit.Audit, name string) audit.MemberSummary {
	t.Helper()
	for _, m := range a.Members {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("no member %q in the audit", name)
	return audit.MemberSummary{}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestShardsMergeToTheWholeAudit runs the fixture audit whole and in
// shards, merges the shards, and compares every report byte for byte, both
// without history and with a history database holding the same past.
func TestShardsMergeToTheWholeAudit(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	out := t.TempDir()
	// A first audit, recorded, gives both later runs the same past.
	past := filepath.Join(out, "past.sqlite")
	if code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--db", past, "--report", "json="+filepath.Join(out, "past.json")); code > 1 {
		t.Fatalf("first audit: exit %d: %s", code, stderr)
	}
	dbWhole, dbMerge := filepath.Join(out, "whole.sqlite"), filepath.Join(out, "merge.sqlite")
	for _, p := range []string{dbWhole, dbMerge} {
		if err := os.WriteFile(p, []byte(readFile(t, past)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Waivers whose notes differ between shards: line 2 is used only where
	// eastgate is, line 5 is shadowed by line 2 there and unmatched
	// elsewhere, line 7 is used only where southbank is, line 10 nowhere.
	waivers := filepath.Join(out, "waivers.yaml")
	if err := os.WriteFile(waivers, []byte("waivers:\n"+
		"  - rule: D004\n    file: \"eastgate/**\"\n    reason: redelivered\n"+
		"  - rule: D004\n    reason: every other altered file\n"+
		"  - rule: D001\n    file: \"southbank/**\"\n    reason: languages follow\n"+
		"  - rule: T001\n    reason: never used\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	formats := []string{"json", "html", "csv", "csv-deliveries", "text"}
	reports := func(prefix string) []string {
		var args []string
		for _, f := range formats {
			args = append(args, "--report", f+"="+filepath.Join(out, prefix+"."+f))
		}
		return args
	}
	for _, n := range []int{1, 2, 3} {
		for _, history := range []bool{false, true} {
			name := "shards=" + itoa(n)
			whole := []string{"audit", root, "--config", cfg, "-q", "--jobs", "3", "--waivers", waivers}
			merge := []string{"merge", "--config", cfg}
			if history {
				name += "/history"
				whole = append(whole, "--db", copyDB(t, dbWhole))
				// The merge names the root, so it is compared with that
				// root's previous audit, as the whole audit is.
				merge = append(merge, "--db", copyDB(t, dbMerge), "--root", root)
			} else {
				whole = append(whole, "--no-db")
			}
			t.Run(name, func(t *testing.T) {
				wantCode, _, stderr := run(t, append(whole, reports("whole")...)...)
				if wantCode > 1 {
					t.Fatalf("whole audit: exit %d: %s", wantCode, stderr)
				}
				var shards []string
				for i := 1; i <= n; i++ {
					p := filepath.Join(out, "shard"+itoa(i)+".json")
					// Each shard with another worker count: the result must not care.
					code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--jobs", itoa(i), "--waivers", waivers,
						"--shard", itoa(i)+"/"+itoa(n), "--report", "json="+p)
					if code > 1 {
						t.Fatalf("shard %d/%d: exit %d: %s", i, n, code, stderr)
					}
					shards = append([]string{p}, shards...) // any order
				}
				code, _, stderr := run(t, append(append(merge, reports("merged")...), shards...)...)
				if code != wantCode {
					t.Fatalf("merge exit %d, whole audit %d: %s", code, wantCode, stderr)
				}
				for _, f := range formats {
					w, m := readFile(t, filepath.Join(out, "whole."+f)), readFile(t, filepath.Join(out, "merged."+f))
					if w != m {
						t.Errorf("%s report of the merge differs from the whole audit's:\n%s", f, firstDiff(w, m))
					}
				}
				a := readAudit(t, filepath.Join(out, "whole.json"))
				var lines []int
				for _, n := range a.Notes {
					lines = append(lines, n.Line)
				}
				if len(lines) != 2 || lines[0] != 5 || lines[1] != 10 || !strings.Contains(a.Notes[0].Message, "already waived by the waiver on line 2") {
					t.Errorf("waiver notes %+v, want lines 5 (shadowed by 2) and 10", a.Notes)
				}
				if history != (a.Previous != nil) {
					t.Errorf("previous audit present=%v with history=%v", a.Previous != nil, history)
				}
			})
		}
	}
}

// copyDB gives a run its own copy of a database holding the same past.
func copyDB(t *testing.T, p string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "h.sqlite")
	if err := os.WriteFile(dst, []byte(readFile(t, p)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n  whole:  " + al[i] + "\n  merged: " + bl[i]
		}
	}
	return "lengths differ: " + itoa(len(al)) + " and " + itoa(len(bl)) + " lines"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestMergeRefusesShardsThatDoNotFit(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	out := t.TempDir()
	shard := func(name string, extra ...string) string {
		p := filepath.Join(out, name+".json")
		args := append([]string{"audit", root, "--config", cfg, "-q", "--report", "json=" + p}, extra...)
		if code, _, stderr := run(t, args...); code > 1 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		return p
	}
	s12, s22 := shard("s12", "--shard", "1/2"), shard("s22", "--shard", "2/2")
	s13 := shard("s13", "--shard", "1/3")
	warn := shard("warn", "--shard", "2/2", "--fail-on", "warning")
	whole := shard("whole", "--no-db")
	if err := os.MkdirAll(filepath.Join(root, "newcomer", "first-delivery"), 0o755); err != nil {
		t.Fatal(err)
	}
	other := shard("other", "--shard", "2/2")
	for _, c := range []struct {
		name  string
		files []string
		want  string
	}{
		{"missing shard", []string{s12}, "missing"},
		{"shard twice", []string{s12, s12, s22}, "given twice"},
		{"other count", []string{s12, s13}, "one of 2"},
		{"other fail-on", []string{s12, warn}, "fails on"},
		{"other tree", []string{s12, other}, "another tree"},
		{"not a shard", []string{whole, s22}, "not a shard report"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"merge", "--config", cfg, "--report", "json=" + filepath.Join(out, "m.json")}, c.files...)...)
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 mentioning %q", code, stderr, c.want)
			}
		})
	}
	if code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--shard", "1/2"); code != 2 || !strings.Contains(stderr, "--report json=") {
		t.Errorf("a shard without a JSON report: exit %d, %q", code, stderr)
	}
}
