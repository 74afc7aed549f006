package engine

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// Recycling the findings' arrays changes nothing a report says: every
// format, written concurrently by one writer each as check writes them
// (each fed through its own queue while the run goes on, giving each
// part back as it asks for the next), is byte for byte what the same
// format writes from the parts of a run without a Recycler, at --jobs 1,
// 2 and 7, for files, deliveries, and deliveries with waivers and a
// baseline. The arrays given back are poisoned: a writer that still read
// one after moving on would write findings of a rule X999, and differ.
func TestRecycledRunWritesWhatPlainRunWrites(t *testing.T) {
	dense := t.TempDir()
	count := 120
	if raceEnabled {
		count = 50
	}
	if _, err := gen.Files(dense, gen.FilesOptions{Count: count, Seed: 5, Formats: []string{"srt", "vtt", "ttml"},
		Defects: gen.CueDefects{Overlap: 5, TooShort: 8, TooFast: 8, LineTooLong: 5}}); err != nil {
		t.Fatal(err)
	}
	root := fixture(t)
	waiverText := []byte("waivers:\n" +
		"  - rule: G004\n    reason: the German file is a test of the rule\n" +
		"  - rule: T001\n    file: nowhere.srt\n    reason: matches nothing\n" +
		"  - rule: D002\n    reason: was fine last year\n    expires: 2026-01-31\n")
	waivers, err := waiver.Parse(filepath.ToSlash(root)+"/itunes/waivers.yaml", waiverText)
	if err != nil {
		t.Fatal(err)
	}
	// The dense files' waivers sit beside their folder, so their path
	// sorts after every file's wherever the test's temporary folder and
	// the repository are: with a waiver that never matches (T001 above),
	// parts at or after the waiver file's path are held to the end of the
	// run (notesPlace), and nothing would be given back before the last
	// file, so no array could go round.
	denseWaivers, err := waiver.Parse(filepath.ToSlash(filepath.Dir(dense))+"/waivers.yaml", waiverText)
	if err != nil {
		t.Fatal(err)
	}
	plain := run(t, testOptions(t, root))
	var known []rule.Finding
	for i, f := range plain.Findings {
		if i%3 == 0 && f.Rule != "G004" {
			known = append(known, f)
		}
	}
	type set struct {
		paths  []string
		accept func(*Options)
	}
	sets := map[string]set{
		"dense":                {paths: []string{dense}},
		"rule files":           {paths: looseRuleFixtures(t)},
		"fixtures":             {paths: []string{filepath.Join(testcorpus.RepoRoot(t), "fixtures")}},
		"deliveries":           {paths: []string{root}},
		"dense and deliveries": {paths: []string{dense, root}},
		"deliveries, waivers and a baseline": {paths: []string{root}, accept: func(o *Options) {
			o.Waivers, o.Baseline = waivers, waiver.NewBaseline(known)
			o.Now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
		}},
		"dense with waivers": {paths: []string{dense}, accept: func(o *Options) {
			o.Waivers, o.Now = denseWaivers, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
		}},
	}
	if dir := filepath.Join(testcorpus.RepoRoot(t), "..", "shared", "corpus"); isDir(dir) && !raceEnabled {
		sets["corpus"] = set{paths: []string{filepath.Join(dir, "srt"), filepath.Join(dir, "vtt"), filepath.Join(dir, "ttml")}}
	}
	formats := append([]string{"json-v1"}, report.Formats...)
	if raceEnabled {
		formats = []string{"json", "text", "csv", "html"}
	}
	for name, s := range sets {
		opts := func(jobs int) Options {
			o := testOptions(t, s.paths...)
			o.Jobs = jobs
			if s.accept != nil {
				s.accept(&o)
			}
			return o
		}
		for _, jobs := range []int{1, 2, 7} {
			o := opts(jobs)
			rules, parts, tail := streamParts(t, o)
			want := map[string][]byte{}
			for _, f := range formats {
				w, _, err := report.NewStream(f, report.Options{})
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := w(&b, replay(o, rules, parts, tail)); err != nil {
					t.Fatal(err)
				}
				want[f] = b.Bytes()
			}
			// Every format at once (texts kept: HTML and SARIF keep some),
			// then those that keep none (texts given back too).
			var textFree []string
			for _, f := range formats {
				if !report.KeepsTexts(f) {
					textFree = append(textFree, f)
				}
			}
			for _, group := range [][]string{formats, textFree} {
				rec := NewRecycler(len(group) != len(textFree))
				rec.poison = true
				got := writeRecycled(t, opts(jobs), rec, group)
				for _, f := range group {
					if !bytes.Equal(got[f], want[f]) {
						t.Errorf("%s, jobs %d, %s among %v: the report written with recycling differs (%d vs %d bytes; read a recycled finding: %v, text: %v)",
							name, jobs, f, group, len(got[f]), len(want[f]), bytes.Contains(got[f], []byte("X999")), bytes.Contains(got[f], []byte("###")) || bytes.Contains(got[f], []byte("99:00:00")))
					}
				}
				// Prove that arrays and texts went round: the comparison
				// is about them.
				recyclesTexts := len(group) == len(textFree)
				if strings.HasPrefix(name, "dense") && (rec.reused == 0 || recyclesTexts != (rec.reusedTexts > 0) ||
					recyclesTexts != (rec.reusedSlabs > 0)) {
					t.Errorf("%s, jobs %d, %v: %d arrays, %d text chunks and %d timecode slabs used again",
						name, jobs, group, rec.reused, rec.reusedTexts, rec.reusedSlabs)
				}
				if len(rec.lent) != 0 {
					t.Errorf("%s, jobs %d: %d arrays lent and never given back", name, jobs, len(rec.lent))
				}
			}
		}
	}
}

// writeRecycled runs RunStream with rec and writes every format at once,
// each writer in its own goroutine fed through its own queue, as check
// does; it returns each format's bytes.
func writeRecycled(t *testing.T, opts Options, rec *Recycler, formats []string) map[string][]byte {
	t.Helper()
	opts.Recycler = rec
	var (
		tail   report.Tail
		chans  []chan report.Part
		wg     sync.WaitGroup
		mu     sync.Mutex
		out    = map[string][]byte{}
		errs   []error
		fanout = func(p report.Part) error {
			for _, ch := range chans {
				ch <- p
			}
			return nil
		}
	)
	tail, err := RunStream(context.Background(), opts, func(rules []report.RuleInfo) (func(report.Part) error, error) {
		for _, f := range formats {
			w, _, err := report.NewStream(f, report.Options{})
			if err != nil {
				return nil, err
			}
			ch := make(chan report.Part, 8)
			chans = append(chans, ch)
			st := &report.Stream{Tool: opts.Tool, Rules: rules, FailOn: opts.FailOn.String(),
				Next: rec.Reader(func() (report.Part, bool) { p, ok := <-ch; return p, ok }),
				Tail: func() (report.Tail, error) { return tail, nil }}
			wg.Add(1)
			go func() {
				defer wg.Done()
				var b bytes.Buffer
				err := w(&b, st)
				mu.Lock()
				defer mu.Unlock()
				out[f] = b.Bytes()
				if err != nil {
					errs = append(errs, err)
				}
			}()
		}
		return fanout, nil
	})
	for _, ch := range chans {
		close(ch)
	}
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	return out
}

// The poison shows what it is there to show: a reader that keeps a
// part's slice and reads it after asking for the next part reads the
// poisoned findings, not the file's; one that keeps copies of findings
// reads their texts poisoned, unless it said it keeps texts (then they
// are never given back).
func TestRecycledArrayIsPoisonedForAReaderThatKeepsIt(t *testing.T) {
	if raceEnabled {
		// The bad reader races with the worker writing the array it gave
		// back: the race detector is the check in that run.
		t.Skip("a data race by design")
	}
	dense := t.TempDir()
	if _, err := gen.Files(dense, gen.FilesOptions{Count: 6, Seed: 7, Formats: []string{"srt"},
		Defects: gen.CueDefects{TooShort: 8, TooFast: 8}}); err != nil {
		t.Fatal(err)
	}
	for _, keepsTexts := range []bool{false, true} {
		opts := testOptions(t, dense)
		rec := NewRecycler(keepsTexts)
		rec.poison = true
		opts.Recycler = rec
		kept, stale, copies, staleTexts, staleTimes := 0, 0, 0, 0, 0
		var parts []report.Part
		_, err := RunStream(context.Background(), opts, func([]report.RuleInfo) (func(report.Part) error, error) {
			next := rec.Reader(func() (report.Part, bool) {
				if len(parts) == 0 {
					return report.Part{}, false
				}
				p := parts[0]
				parts = parts[1:]
				return p, true
			})
			return func(p report.Part) error {
				parts = append(parts, p)
				// A bad reader: it moves on, then reads the part it left,
				// and copies of its findings.
				q, _ := next()
				copied := slices.Clone(q.Findings)
				next()
				for _, f := range q.Findings {
					kept++
					if f.Rule == poisoned.Rule {
						stale++
					}
				}
				for _, f := range copied {
					copies++
					if strings.Trim(f.Message, "#") == "" {
						staleTexts++
					}
					if f.Start != nil && *f.Start == poisonedTime {
						staleTimes++
					}
				}
				return nil
			}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if kept == 0 || stale != kept {
			t.Errorf("keeps texts %v: %d of %d findings read after the part was given back are poisoned; want all", keepsTexts, stale, kept)
		}
		if keepsTexts && staleTexts > 0 || !keepsTexts && staleTexts < copies/4 {
			t.Errorf("keeps texts %v: %d of %d messages of copied findings are poisoned", keepsTexts, staleTexts, copies)
		}
		if keepsTexts && staleTimes > 0 || !keepsTexts && staleTimes < copies/2 {
			t.Errorf("keeps texts %v: %d of %d timecodes of copied findings are poisoned", keepsTexts, staleTimes, copies)
		}
	}
}

// Recycler's bookkeeping: a part is given back when its last reader is
// done with it, never before; parts it did not lend (no file record, or
// findings of its own) are left alone; take gives the smallest array that
// fits.
func TestRecyclerLendsAndTakesBack(t *testing.T) {
	rec := NewRecycler(false)
	empty := func() (report.Part, bool) { return report.Part{}, false }
	rec.Reader(empty)
	rec.Reader(empty)
	file := &report.File{Path: "a.srt"}
	small, big := make([]rule.Finding, 3, 4), make([]rule.Finding, 10)
	rec.lend(report.Part{File: file, Findings: small}, rule.Held{})
	rec.lend(report.Part{File: file, Findings: big}, rule.Held{})
	rec.lend(report.Part{Findings: make([]rule.Finding, 5)}, rule.Held{}) // no record: never lent
	rec.done(report.Part{File: file, Findings: small[:1]})                // one reader of two, the slice cut short
	if got := rec.take(2); cap(got) == 4 {
		t.Fatal("an array came back before its last reader was done")
	}
	rec.done(report.Part{File: file, Findings: small})
	rec.done(report.Part{File: file, Findings: big})
	rec.done(report.Part{File: file, Findings: big})
	rec.done(report.Part{File: file, Findings: make([]rule.Finding, 2)}) // never lent: ignored
	if len(rec.free) != 2 || len(rec.lent) != 0 {
		t.Fatalf("%d free, %d lent; want 2 and 0", len(rec.free), len(rec.lent))
	}
	if got := rec.take(4); cap(got) != 4 || len(got) != 0 {
		t.Errorf("take(4) gave len %d cap %d; want the array of 4", len(got), cap(got))
	}
	if got := rec.take(11); cap(got) < 11 || len(rec.free) != 0 {
		t.Errorf("take(11) gave cap %d and kept %d too small; want a new array, the small one dropped", cap(got), len(rec.free))
	}
	var none *Recycler
	if got := none.take(5); got != nil {
		t.Errorf("no Recycler: take gave %d", cap(got))
	}
	none.lend(report.Part{File: file, Findings: small}, rule.Held{})
	none.done(report.Part{File: file, Findings: small})
}

// sortedInto writing into a used array gives what sortedCopy gives, and
// clears the array past the findings; a worker's order memory, reused
// from one size to the next, orders as fresh memory does.
func TestSortedIntoUsedArray(t *testing.T) {
	var bufs orderBufs
	for _, n := range []int{1, 5, 300, 7, 1000, 2} {
		fs := make([]rule.Finding, n)
		for i := range fs {
			fs[i] = rule.Finding{File: "a.srt", Cue: (i * 7919) % 13, Line: i % 3, Rule: "T00" + string(rune('0'+i%3)),
				Expected: strings.Repeat("x", i%5)}
		}
		want := sortedCopy(fs)
		used := make([]rule.Finding, n+3, n+9)
		for i := range used {
			used[i] = poisoned
		}
		got := sortedInto(used[:0], fs, &bufs)
		if !slices.EqualFunc(got, want, func(a, b rule.Finding) bool {
			return a.Cue == b.Cue && a.Line == b.Line && a.Rule == b.Rule && a.Expected == b.Expected
		}) {
			t.Fatalf("n=%d: sortedInto a used array differs from sortedCopy", n)
		}
		if rest := used[:cap(used)][n:]; slices.ContainsFunc(rest, func(f rule.Finding) bool { return f.Rule != "" }) {
			t.Fatalf("n=%d: the array past the findings still holds old ones", n)
		}
	}
}
