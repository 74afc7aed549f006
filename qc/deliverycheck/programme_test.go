package deliverycheck_test

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/deliverycheck"
	"github.com/exportqc/exportqc/qc/rule"
)

func doc(spans ...[2]float64) *cue.Document {
	d := &cue.Document{}
	for i, s := range spans {
		d.Cues = append(d.Cues, cue.Cue{Index: i + 1, Line: 4*i + 1, Start: cue.FromSeconds(s[0]), End: cue.FromSeconds(s[1]),
			Lines: []cue.Line{{Text: "x"}}})
	}
	return d
}

func d007(t *testing.T, tolerance, start string) *rule.Config {
	t.Helper()
	tol, err := rule.ParseValue(rule.KindDuration, tolerance)
	if err != nil {
		t.Fatal(err)
	}
	st, err := rule.ParseValue(rule.KindDuration, start)
	if err != nil {
		t.Fatal(err)
	}
	return &rule.Config{Enabled: true, Params: map[string]rule.Setting{"tolerance": {Value: tol}, "programme_start": {Value: st}}}
}

func TestCheckProgramme(t *testing.T) {
	ep := &rule.Programme{Label: "episode 3", Episode: 3, Duration: cue.FromSeconds(20), FrameRate: cue.FrameRate{Num: 25, Den: 1}}
	cases := []struct {
		name       string
		doc        *cue.Document
		tol, start string
		want       []string // "cue N" of each finding
		words      []string
	}{
		{"inside", doc([2]float64{1, 3}, [2]float64{17, 20}), "0s", "0s", nil, nil},
		{"past the end: one finding at the cue ending last", doc([2]float64{1, 3}, [2]float64{18.52, 22}, [2]float64{23, 26}), "0s", "0s",
			[]string{"cue 3"}, []string{"2 cues run past the end, the first is cue 2", "6.000s after the end of episode 3"}},
		{"within tolerance", doc([2]float64{18, 20.5}), "1s", "0s", nil, nil},
		{"tolerance in frames", doc([2]float64{18, 20.12}), "2f", "0s", []string{"cue 1"}, nil},
		{"timed from 10:00:00:00", doc([2]float64{36001, 36003}, [2]float64{36005, 36008}), "0s", "0s",
			[]string{"cue 2"}, []string{"start timecode"}},
		{"programme_start set", doc([2]float64{36001, 36003}, [2]float64{36005, 36008}), "0s", "10h", nil, nil},
		{"before the start", doc([2]float64{3590, 3592}, [2]float64{3601, 3603}), "0s", "3600s",
			[]string{"cue 1"}, []string{"before episode 3 starts"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.start = strings.Replace(c.start, "10h", "36000s", 1)
			fs := runD007(c.doc, ep, d007(t, c.tol, c.start))
			var got []string
			for _, f := range fs {
				got = append(got, "cue "+itoa(f.Cue))
				for _, w := range c.words {
					if !strings.Contains(f.Message, w) {
						t.Errorf("%q lacks %q", f.Message, w)
					}
				}
				if f.Rule != "D007" || f.File != "a.srt" || f.Line == 0 || f.Start == nil {
					t.Errorf("finding %+v", f)
				}
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("findings at %v, want %v", got, c.want)
			}
		})
	}
	// Unknown duration, or a loose file: nothing to say.
	if fs := runD007(doc([2]float64{1, 99}), &rule.Programme{}, d007(t, "0s", "0s")); fs != nil {
		t.Errorf("no duration: %+v", fs)
	}
	if fs := runD007(doc([2]float64{1, 99}), nil, d007(t, "0s", "0s")); fs != nil {
		t.Errorf("loose file: %+v", fs)
	}
}

// runD007 runs D007 on doc as the file a.srt of the programme p.
func runD007(doc *cue.Document, p *rule.Programme, cfg *rule.Config) []rule.Finding {
	var out []rule.Finding
	f := &rule.File{Path: "a.srt", Programme: p}
	rule.NewPass(deliverycheck.OutsideProgramme, f, doc, cfg, func(f rule.Finding) { out = append(out, f) }).Run()
	return out
}
