package engine

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/report"
)

// streamParts runs RunStream and keeps what it emits, checking the emit
// contract on the way (parts in report order, one call at a time).
func streamParts(t *testing.T, opts Options) (rules []report.RuleInfo, parts []report.Part, tail report.Tail) {
	t.Helper()
	var inEmit atomic.Int32
	tail, err := RunStream(context.Background(), opts, func(r []report.RuleInfo) (func(report.Part) error, error) {
		rules = r
		return func(p report.Part) error {
			if inEmit.Add(1) != 1 {
				t.Error("emit called concurrently")
			}
			defer inEmit.Add(-1)
			// Report order: files and the paths without a record
			// (delivery findings about manifests) in path order.
			if n := len(parts); n > 0 && partPath(parts[n-1]) >= partPath(p) {
				t.Errorf("part %s after %s: not in report order", partPath(p), partPath(parts[n-1]))
			}
			parts = append(parts, p)
			return nil
		}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rules, parts, tail
}

// replay is a Stream over parts already received.
func replay(opts Options, rules []report.RuleInfo, parts []report.Part, tail report.Tail) *report.Stream {
	i := 0
	return &report.Stream{Tool: opts.Tool, Rules: rules, FailOn: opts.FailOn.String(),
		Next: func() (report.Part, bool) {
			if i == len(parts) {
				return report.Part{}, false
			}
			i++
			return parts[i-1], true
		},
		Tail: func() (report.Tail, error) { return tail, nil },
	}
}

// Streaming changes when results leave the engine, not what the reports
// say: every format written from RunStream's parts is byte for byte the
// format written from Run's whole report (JSON v1 included), for any
// number of workers.
func TestRunStreamWritesWhatRunWrites(t *testing.T) {
	dense := t.TempDir()
	if _, err := gen.Files(dense, gen.FilesOptions{Count: 40, Seed: 3, Formats: []string{"srt", "vtt", "ttml"},
		Defects: gen.CueDefects{Overlap: 5, TooShort: 8, TooFast: 8, LineTooLong: 5}}); err != nil {
		t.Fatal(err)
	}
	sets := map[string][]string{"dense": {dense}, "rule fixtures": looseRuleFixtures(t)}
	// The corpus's folders, not the corpus: its manifest.json makes the
	// whole a delivery.
	if dir := filepath.Join(testcorpus.RepoRoot(t), "..", "shared", "corpus"); isDir(dir) {
		for _, f := range []string{"ass", "scc", "srt", "stl", "ttml", "vtt"} {
			sets["corpus"] = append(sets["corpus"], filepath.Join(dir, f))
		}
	}
	// Deliveries: each fixture on its own, all of them (and the loose
	// fixtures beside them) in one run, and the rule fixtures' delivery
	// folders.
	for _, d := range deliveryPaths(t) {
		// Those with no subtitle file to check (sums, imf, mmc) too.
		sets["delivery "+filepath.Base(d)] = []string{d}
	}
	if len(sets) < 5 {
		t.Fatalf("only %d sets", len(sets))
	}
	sets["deliveries"] = []string{fixture(t)}
	sets["fixtures"] = []string{filepath.Join(testcorpus.RepoRoot(t), "fixtures")}
	sets["delivery rule fixtures"] = ruleFixtureFolders(t)
	for name, paths := range sets {
		whole := run(t, testOptions(t, paths...))
		// A clean delivery is compared all the same (its records and
		// summary); the sets of many files must have findings.
		if len(whole.Findings) == 0 && !strings.HasPrefix(name, "delivery ") {
			t.Fatalf("%s: no findings: the comparison would prove little", name)
		}
		streamedEqualsWhole(t, name, whole, func() Options { return testOptions(t, paths...) })
	}
}

// streamedEqualsWhole checks that every format written from RunStream's
// parts at --jobs 1, 2 and 7 is byte for byte the one written from whole,
// the report Run gave for the same options (made by opts).
func streamedEqualsWhole(t *testing.T, name string, whole *report.Report, opts func() Options) {
	t.Helper()
	formats := append([]string{"json-v1"}, report.Formats...)
	if raceEnabled {
		// The race detector looks at the engine's goroutines, which deliver
		// the parts (streamParts); the writers run on one goroutine after
		// that, and their 18 format-and-option comparisons per set are
		// checked in the ordinary run. Two formats keep the parts' contents
		// compared; the engine's race run went from ~260 s to ~95 s.
		formats = []string{"json", "text"}
	}
	for _, jobs := range []int{1, 2, 7} {
		o := opts()
		o.Jobs = jobs
		rules, parts, tail := streamParts(t, o)
		for _, format := range formats {
			for _, ro := range []report.Options{{}, {Indent: true, MaxPerFile: 2, MinSeverity: 1}} {
				w, err := report.New(format, ro)
				if err != nil {
					t.Fatal(err)
				}
				var want, got bytes.Buffer
				if err := w(&want, whole); err != nil {
					t.Fatal(err)
				}
				sw, _, err := report.NewStream(format, ro)
				if err != nil {
					t.Fatal(err)
				}
				if err := sw(&got, replay(o, rules, parts, tail)); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("%s, jobs %d, %s %+v: streamed report differs from the whole one (%d vs %d bytes)",
						name, jobs, format, ro, got.Len(), want.Len())
				}
			}
		}
	}
}

// A slow file does not make the engine hold every later result: files
// are started only while the window of parked results has room, so when
// the first (largest) file is finally emitted, at most the window's worth
// of later files has been checked.
func TestRunStreamWindowBoundsParkedResults(t *testing.T) {
	dir := t.TempDir()
	// a.srt sorts first and is by far the slowest: 20,000 cues.
	var big bytes.Buffer
	for i := range 20000 {
		s := i * 3
		big.WriteString(strconv.Itoa(i+1) + "\n" + srtTime(s) + " --> " + srtTime(s+2) + "\nA line of dialogue, long enough to count.\n\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "a.en.srt"), big.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		body := "1\n00:00:01,000 --> 00:00:03,000\nHello.\n"
		if err := os.WriteFile(filepath.Join(dir, "b"+strconv.Itoa(1000+i)+".en.srt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const jobs = 2
	opts := testOptions(t, dir)
	opts.Jobs = jobs
	var finished, emitted, maxParked atomic.Int64
	opts.Progress = func(done, total int) { finished.Add(1) }
	_, err := RunStream(context.Background(), opts, func([]report.RuleInfo) (func(report.Part) error, error) {
		return func(p report.Part) error {
			if parked := finished.Load() - emitted.Add(1) + 1; parked > maxParked.Load() {
				maxParked.Store(parked)
			}
			return nil
		}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("at most %d results parked", maxParked.Load())
	if window := int64(4*jobs + 16); maxParked.Load() > window {
		t.Errorf("%d results parked at once, window is %d", maxParked.Load(), window)
	}
	if emitted.Load() != 301 {
		t.Errorf("%d parts emitted, want 301", emitted.Load())
	}
}

// looseRuleFixtures are the rule fixture folders of every rule but the
// delivery rules (whose fixtures are deliveries).
func looseRuleFixtures(t *testing.T) []string {
	// The rule fixtures' loose files: their folder cases are deliveries,
	// waiver runs or audits, which a streamed run does not take.
	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "rules")
	files, err := filepath.Glob(filepath.Join(root, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() && !strings.HasSuffix(f, ".want") &&
			!strings.HasSuffix(f, ".shotchanges") {
			out = append(out, f)
		}
	}
	return out
}

// ruleFixtureFolders lists the rule fixtures' folder cases (deliveries).
func ruleFixtureFolders(t *testing.T) []string {
	dirs, err := filepath.Glob(filepath.Join(testcorpus.RepoRoot(t), "fixtures", "rules", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range dirs {
		if isDir(d) {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		t.Fatal("no rule fixture folders")
	}
	return out
}

func srtTime(sec int) string {
	return pad(int64(sec/3600), 2) + ":" + pad(int64(sec/60%60), 2) + ":" + pad(int64(sec%60), 2) + ",000"
}

// An error from emit (a report that cannot be written) ends the run with
// that error.
func TestRunStreamEmitErrorEndsRun(t *testing.T) {
	boom := errors.New("disk full")
	_, err := RunStream(context.Background(), testOptions(t, looseRuleFixtures(t)...),
		func([]report.RuleInfo) (func(report.Part) error, error) {
			return func(report.Part) error { return boom }, nil
		})
	if !errors.Is(err, boom) {
		t.Errorf("err %v, want %v", err, boom)
	}
}

// An interrupt in the middle of a streamed run stops it with the
// interrupt's error: no tail, so no writer finishes a report.
func TestRunStreamInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := testOptions(t, looseRuleFixtures(t)...)
	opts.Jobs = 2
	parts := 0
	_, err := RunStream(ctx, opts, func([]report.RuleInfo) (func(report.Part) error, error) {
		return func(report.Part) error {
			if parts++; parts == 3 {
				cancel()
			}
			return nil
		}, nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v after %d parts, want context.Canceled", err, parts)
	}
}
