package engine

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
)

// deliveryPaths are the bundled delivery folders, sorted.
func deliveryPaths(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, fixture(t, e.Name()))
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %d delivery fixtures", len(out))
	}
	return out
}

// Each part RunEach emits is exactly the report Run gives for that path
// alone (its rules apart), whatever the worker count: streaming changes
// when results leave the engine, not what they are.
func TestRunEachPartsEqualRunPerPath(t *testing.T) {
	paths := deliveryPaths(t)
	want := make([]string, len(paths))
	for i, p := range paths {
		rep := run(t, deliveryOptions(t, nil, p))
		rep.Rules = nil
		js, _ := json.Marshal(rep)
		want[i] = string(js)
	}
	for _, jobs := range []int{1, 2, 7} {
		opts := deliveryOptions(t, nil, paths...)
		opts.Jobs = jobs
		got := make([]string, len(paths))
		emitted := 0
		rules, err := RunEach(context.Background(), opts, func(p Part) error {
			if got[p.Index] != "" {
				t.Errorf("jobs %d: part %d emitted twice", jobs, p.Index)
			}
			js, _ := json.Marshal(p.Report)
			got[p.Index] = string(js)
			emitted++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if emitted != len(paths) {
			t.Errorf("jobs %d: %d parts for %d paths", jobs, emitted, len(paths))
		}
		for i := range paths {
			if got[i] != want[i] {
				t.Errorf("jobs %d: part for %s differs from Run on it alone:\n got %.400s\nwant %.400s", jobs, paths[i], got[i], want[i])
			}
		}
		full := run(t, deliveryOptions(t, nil, paths...))
		if !reflect.DeepEqual(rules, full.Rules) {
			t.Errorf("jobs %d: RunEach's rule list differs from Run's", jobs)
		}
	}
}

// RunEach does not plan the whole run up front: with one worker, when the
// first part is emitted only the paths of its window have been planned.
// That is what keeps an audit's memory flat in the number of files.
func TestRunEachPlansAsItGoes(t *testing.T) {
	src := deliveryPaths(t)
	var paths []string
	for len(paths) < 40 {
		paths = append(paths, src...)
	}
	// The fixtures named over and over: each naming is a path of its own.
	opts := deliveryOptions(t, nil, paths[:40]...)
	opts.Jobs = 1
	var planned atomic.Int64
	opts.Progress = func(done, total int) { planned.Store(int64(total)) }
	var atFirst int64 = -1
	var all int64
	_, err := RunEach(context.Background(), opts, func(p Part) error {
		if atFirst < 0 {
			atFirst = planned.Load()
		}
		all = planned.Load()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if atFirst <= 0 || atFirst*3 > all {
		t.Errorf("when the first part was emitted %d of %d files were planned; want a small window", atFirst, all)
	}
}

// A path that is gone does not fail the run: its part carries the E000
// (TestRunEachVanishedPathIsAFinding; the audit lists its paths before
// checking them, so a missing one disappeared meanwhile). An error from
// emit stops the run and is returned.
func TestRunEachErrors(t *testing.T) {
	paths := deliveryPaths(t)
	opts := deliveryOptions(t, nil, append(paths, filepath.Join(t.TempDir(), "missing"))...)
	if _, err := RunEach(context.Background(), opts, func(Part) error { return nil }); err != nil {
		t.Errorf("a missing path failed the run: %v", err)
	}
	stop := errors.New("stop here")
	n := 0
	opts = deliveryOptions(t, nil, paths...)
	opts.Jobs = 1
	_, err := RunEach(context.Background(), opts, func(Part) error { n++; return stop })
	if !errors.Is(err, stop) {
		t.Errorf("emit's error: got %v", err)
	}
	if n != 1 {
		t.Errorf("emit called %d times after it failed", n)
	}
	opts.Waivers = nil
	opts.Manifest = paths[0]
	if _, err := RunEach(context.Background(), opts, func(Part) error { return nil }); err == nil {
		t.Error("RunEach accepted --manifest")
	}
}

// Both drivers ask the system to read every file ahead of the worker that
// checks it (on Linux, posix_fadvise): a hint per file, for every file.
func TestReadAheadHintsEveryFile(t *testing.T) {
	var mu sync.Mutex
	hinted := map[string]int{}
	old := willNeed
	willNeed = func(p string) { mu.Lock(); hinted[p]++; mu.Unlock() }
	defer func() { willNeed = old }()

	paths := deliveryPaths(t)
	opts := deliveryOptions(t, nil, paths...)
	opts.Jobs = 2
	rep := run(t, opts)
	for _, f := range rep.Files {
		if hinted[f.Path] != 1 {
			t.Errorf("Run: %s hinted %d times, want once", f.Path, hinted[f.Path])
		}
	}
	clear(hinted)
	var files []string
	_, err := RunEach(context.Background(), opts, func(p Part) error {
		for _, f := range p.Report.Files {
			files = append(files, f.Path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("only %d files checked", len(files))
	}
	for _, f := range files {
		if hinted[f] != 1 {
			t.Errorf("RunEach: %s hinted %d times, want once", f, hinted[f])
		}
	}
}

// Cancelling the run stops it: RunEach returns the context's error instead
// of finishing (or hanging on) the paths not yet started.
func TestRunEachCancel(t *testing.T) {
	src := deliveryPaths(t)
	var paths []string
	for len(paths) < 60 {
		paths = append(paths, src...)
	}
	opts := deliveryOptions(t, nil, paths...)
	opts.Jobs = 2
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	_, err := RunEach(ctx, opts, func(Part) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if n >= len(paths) {
		t.Errorf("all %d parts were emitted after the run was cancelled", n)
	}
}
