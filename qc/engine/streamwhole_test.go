package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/report"
)

// Deliveries inside one another (two folders named with --territory, one
// inside the other) share one segment, and stream with the whole run's
// bytes.
func TestRunStreamNestedDeliveries(t *testing.T) {
	dir := t.TempDir()
	show, extra := filepath.Join(dir, "show"), filepath.Join(dir, "show", "extra")
	if err := os.MkdirAll(extra, 0o755); err != nil {
		t.Fatal(err)
	}
	srt := "1\n00:00:01,000 --> 00:00:03,000\nHello there, this line is long enough to be read.\n"
	for _, p := range []string{filepath.Join(show, "Show_S01E01.en.srt"), filepath.Join(show, "Show_S01E02.fr.srt"),
		filepath.Join(extra, "Show_S01E01.de.srt"), filepath.Join(dir, "loose.en.srt")} {
		if err := os.WriteFile(p, []byte(srt), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := func() Options {
		o := testOptions(t, show, extra, filepath.Join(dir, "loose.en.srt"))
		o.Territories = []string{"US"}
		return o
	}
	o := opts()
	inputs, units, err := plan(&o)
	if err != nil {
		t.Fatal(err)
	}
	if segs, _ := deliverySegments(inputs, units, 4); len(units) != 2 || !slicesHaveShared(segs) {
		t.Fatalf("%d deliveries, segments %v: the case does not nest deliveries", len(units), segs)
	}
	whole := run(t, opts())
	if len(whole.Findings) == 0 {
		t.Fatal("no findings: the comparison would prove little")
	}
	streamedEqualsWhole(t, "nested deliveries", whole, opts)
}

// slicesHaveShared reports a segment shared by several deliveries.
func slicesHaveShared(segs []segment) bool {
	for _, s := range segs {
		if len(s.units) > 1 {
			return true
		}
	}
	return false
}

// A folder that cannot be walked (here: a path over the system's length
// limit) is a finding at the folder with no file record; a run with one
// streams, alone or beside deliveries, with the whole run's bytes.
func TestRunStreamWalkErrors(t *testing.T) {
	dir := t.TempDir()
	river := fixture(t, "broken-river") // before the working folder moves away from the module
	t.Chdir(dir)
	if err := os.WriteFile("a.en.srt", []byte(okSRT), 0o644); err != nil {
		t.Fatal(err)
	}
	name := strings.Repeat("n", 200)
	for range 25 {
		if err := os.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chdir(name); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile("deep.en.srt", []byte(okSRT), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "z.en.srt"), []byte(okSRT+"\n2\n00:00:02,000 --> 00:00:04,000\nOverlap.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, paths := range map[string][]string{"alone": {dir}, "beside deliveries": {dir, river}} {
		opts := func() Options { return testOptions(t, paths...) }
		whole := run(t, opts())
		walked := false
		for _, f := range whole.Findings {
			walked = walked || (f.Rule == "E000" && strings.Contains(f.Message, "file name too long"))
		}
		if !walked || len(whole.Files) < 2 {
			t.Fatalf("%s: no walk error, or no file beside it (%d files)", name, len(whole.Files))
		}
		streamedEqualsWhole(t, "walk error "+name, whole, opts)
	}
}

// A run that may check nothing (walked .xml files only) streams when it
// has something to report, and is handed back, with no report started,
// when it has nothing: the command decides such a run on the whole
// (empty) report.
func TestRunStreamMayCheckNothing(t *testing.T) {
	subs, none := t.TempDir(), t.TempDir()
	ttml, err := os.ReadFile(ttmlFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.en.xml", "b.en.xml"} {
		if err := os.WriteFile(filepath.Join(subs, n), ttml, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(none, n), []byte("<catalog><book/></catalog>\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	whole := run(t, testOptions(t, subs))
	if len(whole.Files) != 2 {
		t.Fatalf("%d files checked in the folder of TTML named .xml", len(whole.Files))
	}
	streamedEqualsWhole(t, "walked .xml", whole, func() Options { return testOptions(t, subs) })

	started := false
	_, err = RunStream(context.Background(), testOptions(t, none), func([]report.RuleInfo) (func(report.Part) error, error) {
		started = true
		return func(report.Part) error { return nil }, nil
	})
	if !errors.Is(err, ErrWholeRun) || started {
		t.Errorf("a run that checked nothing: err %v, started %v; want ErrWholeRun, never started", err, started)
	}
}

// ttmlFixture is a TTML file of the rule fixtures.
func ttmlFixture(t *testing.T) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(fixture(t)), "rules", "*", "*.ttml"))
	if len(files) == 0 {
		t.Fatal("no TTML rule fixture")
	}
	return files[0]
}
