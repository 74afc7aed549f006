package shots

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// generate makes a video of shots of the given lengths in frames at rate
// fr, from ffmpeg's synthetic sources (test pattern, flat colours) joined
// with hard cuts, and returns its path and the first frame of each shot
// after the first: the cuts a detector must find.
func generate(t *testing.T, fr cue.FrameRate, lengths []int) (string, []int64) {
	t.Helper()
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not on PATH")
	}
	sources := []string{"testsrc=", "color=c=red:", "color=c=blue:", "testsrc2=", "color=c=yellow:"}
	rate := strconv.FormatInt(fr.Num, 10) + "/" + strconv.FormatInt(fr.Den, 10)
	args := []string{"-hide_banner", "-nostdin", "-loglevel", "error"}
	filter := ""
	var cuts []int64
	at := int64(0)
	for i, n := range lengths {
		src := sources[i%len(sources)]
		args = append(args, "-f", "lavfi", "-i", src+"size=160x90:rate="+rate)
		filter += "[" + strconv.Itoa(i) + ":v]trim=end_frame=" + strconv.Itoa(n) + ",setpts=PTS-STARTPTS[v" + strconv.Itoa(i) + "];"
		if i > 0 {
			cuts = append(cuts, at)
		}
		at += int64(n)
	}
	for i := range lengths {
		filter += "[v" + strconv.Itoa(i) + "]"
	}
	filter += "concat=n=" + strconv.Itoa(len(lengths)) + ":v=1:a=0[out]"
	out := filepath.Join(t.TempDir(), "cuts.mkv")
	args = append(args, "-filter_complex", filter, "-map", "[out]", "-c:v", "ffv1", "-r", rate, out)
	if b, err := exec.Command(ffmpeg, args...).CombinedOutput(); err != nil {
		t.Fatalf("generating the video: %v\n%s", err, b)
	}
	return out, cuts
}

// The detected cut frames are exactly the generated ones, at an integral
// and an NTSC rate; a second run reads the cache and runs no ffmpeg.
func TestDetectGeneratedVideo(t *testing.T) {
	for _, fr := range []cue.FrameRate{{Num: 25, Den: 1}, {Num: 24000, Den: 1001}} {
		t.Run(fr.String(), func(t *testing.T) {
			video, want := generate(t, fr, []int{50, 31, 40, 23, 30})
			cache := t.TempDir()
			d := Detector{Threshold: DefaultThreshold, CacheDir: cache}
			l, cached, err := d.Detect(context.Background(), video)
			if err != nil {
				t.Fatal(err)
			}
			if got := frames(t, l, fr); cached || !slices.Equal(got, want) {
				t.Fatalf("detected cut frames %v (cached %v), generated %v", got, cached, want)
			}
			// The cache answers the same without ffmpeg.
			d.FFmpeg = filepath.Join(t.TempDir(), "no-such-ffmpeg")
			l, cached, err = d.Detect(context.Background(), video)
			if err != nil || !cached {
				t.Fatalf("second run: cached %v, %v", cached, err)
			}
			if got := frames(t, l, fr); !slices.Equal(got, want) {
				t.Errorf("cached cut frames %v, generated %v", got, want)
			}
			// Nothing is written beside the video.
			if entries, _ := os.ReadDir(filepath.Dir(video)); len(entries) != 1 {
				t.Errorf("video folder has %d entries", len(entries))
			}
			// Another threshold is another cache entry.
			d.Threshold = 0.5
			if _, _, err := d.Detect(context.Background(), video); err == nil {
				t.Errorf("threshold 0.5 with no ffmpeg was answered from the 0.4 cache")
			}
		})
	}
}

func TestDetectErrors(t *testing.T) {
	d := Detector{Threshold: DefaultThreshold}
	if _, _, err := d.Detect(context.Background(), "no/such/video.mp4"); err == nil {
		t.Error("missing video: no error")
	}
	p := filepath.Join(t.TempDir(), "v.mp4")
	os.WriteFile(p, []byte("not a video"), 0o644)
	d.FFmpeg = filepath.Join(t.TempDir(), "missing-ffmpeg")
	if _, _, err := d.Detect(context.Background(), p); err == nil {
		t.Error("missing ffmpeg binary: no error")
	}
	d.Threshold = 1.5
	if _, _, err := d.Detect(context.Background(), p); err == nil {
		t.Error("threshold 1.5: no error")
	}
}
