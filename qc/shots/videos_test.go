package shots

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// A video is scanned once however many workers ask for its cuts at the
// same time: the stand-in ffmpeg records each run and prints one cut.
func TestVideosScanOnce(t *testing.T) {
	dir := t.TempDir()
	runs := filepath.Join(dir, "runs")
	fake := filepath.Join(dir, "ffmpeg")
	script := "#!/bin/sh\necho run >> " + runs + "\necho '[Parsed_showinfo_1] n:   0 pts:  96096 pts_time:4.004' >&2\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	video := filepath.Join(dir, "ep.mov")
	os.WriteFile(video, []byte("not decoded by the stand-in"), 0o644)
	v := &Videos{Detector: Detector{FFmpeg: fake, Threshold: DefaultThreshold}}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := v.Cuts(context.Background(), video)
			if err != nil || len(l.Cuts) != 1 {
				t.Errorf("cuts %+v, %v", l, err)
			}
		}()
	}
	wg.Wait()
	data, _ := os.ReadFile(runs)
	if n := strings.Count(string(data), "run"); n != 1 {
		t.Errorf("ffmpeg ran %d times, want 1", n)
	}
}
