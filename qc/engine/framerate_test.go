package engine

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
)

// The one frame-rate precedence: the file's own, --fps as a flag or from
// the environment, the manifest's episode then delivery rate, the config's
// fps, the default (undeclared).
func TestFrameRatePrecedence(t *testing.T) {
	r24, r25, r30, r50 := cue.FrameRate{Num: 24, Den: 1}, cue.FrameRate{Num: 25, Den: 1},
		cue.FrameRate{Num: 30, Den: 1}, cue.FrameRate{Num: 50, Den: 1}
	inDelivery := func(episode, delivered cue.FrameRate) input {
		return input{path: "a.srt", meta: &fileMeta{u: &unit{d: &delivery.Delivery{FrameRate: delivered}},
			episode: &delivery.Episode{FrameRate: episode}}}
	}
	cases := []struct {
		name       string
		file       cue.FrameRate
		opt        cue.FrameRate
		optSource  string
		in         input
		want       cue.FrameRate
		wantSource string
		declared   bool
	}{
		{"file beats everything", r24, r25, "flag", inDelivery(r30, r50), r24, "file", true},
		{"flag beats the manifest", cue.FrameRate{}, r25, "flag", inDelivery(r30, r50), r25, "flag", true},
		{"environment beats the manifest", cue.FrameRate{}, r25, "env", inDelivery(r30, r50), r25, "env", true},
		{"episode beats config", cue.FrameRate{}, r25, "config", inDelivery(r30, r50), r30, "manifest", true},
		{"delivery when the episode has none", cue.FrameRate{}, r25, "config", inDelivery(cue.FrameRate{}, r50), r50, "manifest", true},
		{"config when the manifest has none", cue.FrameRate{}, r25, "config", inDelivery(cue.FrameRate{}, cue.FrameRate{}), r25, "config", true},
		{"config for a loose file", cue.FrameRate{}, r25, "config", input{path: "a.srt"}, r25, "config", true},
		{"default, undeclared", cue.FrameRate{}, cue.FrameRate{}, "", input{path: "a.srt"}, DefaultFrameRate, "default", false},
	}
	for _, c := range cases {
		opts := &Options{FrameRate: c.opt, FrameRateSource: c.optSource}
		fr, source, declared := frameRateFor(opts, c.in, &cue.Document{FrameRate: c.file})
		if fr != c.want || source != c.wantSource || declared != c.declared {
			t.Errorf("%s: %v %s %v, want %v %s %v", c.name, fr, source, declared, c.want, c.wantSource, c.declared)
		}
	}
}
