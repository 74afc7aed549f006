package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// A frame count never prints as the threshold it is compared with.
func TestFrameCountNeverReadsAsTheThreshold(t *testing.T) {
	for _, c := range []struct {
		x     float64
		n     int64
		short bool
		want  string
	}{
		{1.77, 2, true, "1.8 frames"},
		{1.96, 2, true, "1.96 frames"},
		{1.9996, 2, true, "1.999 frames"},
		{2.0004, 2, false, "2.001 frames"},
		{1, 2, true, "1 frame"},
		{0, 2, true, "0 frames"},
		{12.3, 12, false, "12.3 frames"},
	} {
		if got := frameCount(c.x, c.n, c.short); got != c.want {
			t.Errorf("frameCount(%v, %d) = %q, want %q", c.x, c.n, got, c.want)
		}
	}
}

func TestRateInName(t *testing.T) {
	for name, want := range map[string]cue.FrameRate{
		"srt/Annie_Hall_-_Eng_25fps.srt": {Num: 25, Den: 1},
		"Show.S01E01.23.976fps.en.srt":   {Num: 24000, Den: 1001},
		"film_29.97 FPS.scc":             {Num: 30000, Den: 1001},
	} {
		if got, ok := rateInName(name); !ok || got != want {
			t.Errorf("rateInName(%q) = %v %v, want %v", name, got, ok, want)
		}
	}
	for _, name := range []string{"fps/show.srt", "Show.S01E01.en.srt", "x1025fps2.srt.bak/5fps.srt"} {
		if got, ok := rateInName(name); ok {
			t.Errorf("rateInName(%q) = %v, want none", name, got)
		}
	}
}
