package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// failingResolver stands for a broken pack or override.
type failingResolver struct{ err error }

func (r failingResolver) Resolve(string) (map[string]*rule.Config, error) { return nil, r.err }

// The list of rules a report shows comes from the resolved configuration:
// when that cannot be resolved the error is the answer, not an empty or
// default list of rules.
func TestRuleInfosReturnsResolveError(t *testing.T) {
	broken := errors.New("pack rules/languages/xx.yaml: bad value")
	opts := Options{Rules: checks.All(), Resolver: failingResolver{broken}}
	if infos, err := ruleInfos(&opts); !errors.Is(err, broken) {
		t.Fatalf("ruleInfos = %d rules, %v; want the resolver's error", len(infos), err)
	}
}

// Every kind of run reports progress once per file with the same totals,
// through the one worker body they share.
func TestProgressOncePerFileInEveryRun(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.srt", "b.srt", "c.srt"} {
		body := "1\n00:00:01,000 --> 00:00:02,000\nHello.\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	count := func(run func(Options) error) (calls, lastDone, lastTotal int) {
		opts := testOptions(t, dir)
		opts.Jobs = 1 // one worker: the test's own counters are not raced
		opts.Progress = func(done, total int) { calls++; lastDone, lastTotal = max(lastDone, done), total }
		if err := run(opts); err != nil {
			t.Fatal(err)
		}
		return
	}
	runs := map[string]func(Options) error{
		"Run": func(o Options) error { _, err := Run(context.Background(), o); return err },
		"RunEach": func(o Options) error {
			_, err := RunEach(context.Background(), o, func(Part) error { return nil })
			return err
		},
		"RunStream": func(o Options) error {
			_, err := RunStream(context.Background(), o, func([]report.RuleInfo) (func(report.Part) error, error) {
				return func(report.Part) error { return nil }, nil
			})
			return err
		},
	}
	for name, run := range runs {
		calls, done, total := count(run)
		if calls != 3 || done != 3 || total != 3 {
			t.Errorf("%s: %d progress calls, last %d of %d; want 3, 3 of 3", name, calls, done, total)
		}
	}
}
