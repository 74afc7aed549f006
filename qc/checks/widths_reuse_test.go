package checks_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// A worker checks its files through one rule.File, and the line counts of
// L001 and T005 reuse the memory the last file's counts left. What they
// report on a file must not depend on the file checked before it.
func TestLineCountsDoNotCarryOverFiles(t *testing.T) {
	cfg := func(params ...string) *rule.Config {
		c := &rule.Config{Enabled: true, Severity: rule.Warning, Params: map[string]rule.Setting{}}
		for i := 0; i < len(params); i += 2 {
			v, err := rule.ParseValue(rule.KindFloat, params[i+1])
			if err != nil {
				t.Fatal(err)
			}
			c.Params[params[i]] = rule.Setting{Value: v, Layer: "test", Source: "test"}
		}
		return c
	}
	rules := []struct {
		r   *rule.Rule
		cfg *rule.Config
	}{
		{checks.LineTooLong, cfg("max_chars", "20", "half_width_weight", "1")},
		{checks.ReadingSpeed, cfg("max_cps", "10", "half_width_weight", "1")},
	}
	doc := func(n int, text func(i int) string) *cue.Document {
		d := &cue.Document{Format: "srt"}
		for i := range n {
			start := cue.Time(i) * 2 * cue.Second
			d.Cues = append(d.Cues, cue.Cue{Index: i + 1, Line: 4*i + 1, Start: start, End: start + cue.Second,
				Lines: cue.SplitLines(text(i))})
		}
		return d
	}
	run := func(f *rule.File, d *cue.Document) []string {
		var out []string
		for _, r := range rules {
			rule.NewPass(r.r, f, d, r.cfg, func(fd rule.Finding) { out = append(out, fd.Rule+" "+fd.Message) }).Run()
		}
		return out
	}
	long := doc(40, func(i int) string { return strings.Repeat("é", 10+i) + "\n" + strings.Repeat("x", 30-i%20) })
	short := doc(12, func(i int) string { return strings.Repeat("日本", 4+i) })
	mixed := doc(25, func(i int) string { return "a\n" + strings.Repeat("ab ", i) + "\nc" })
	worker := &rule.File{}
	for _, d := range []*cue.Document{long, short, mixed, long, short} {
		worker.Reset("a.srt")
		got := run(worker, d)
		want := run(&rule.File{Path: "a.srt"}, d)
		if len(want) == 0 {
			t.Fatal("no findings: the test checks nothing")
		}
		if !slices.Equal(got, want) {
			t.Errorf("after another file:\n got %q\nwant %q", got, want)
		}
	}
}
