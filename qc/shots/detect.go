package shots

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// ErrNoFFmpeg is returned by Detect when ffmpeg is not on PATH.
var ErrNoFFmpeg = errors.New("ffmpeg is not on PATH: shot changes cannot be detected (install ffmpeg, or give a list with --shot-changes)")

// Detector finds shot changes in a video with ffmpeg's scene filter
// (select='gt(scene,THRESHOLD)'): a frame whose scene-change score, the
// difference from the frame before it, is over the threshold starts a new
// shot.
type Detector struct {
	// FFmpeg is the ffmpeg binary; "" looks it up on PATH.
	FFmpeg string
	// Threshold is the scene score (0–1) over which a frame is a cut.
	Threshold float64
	// CacheDir keeps detected lists, keyed by the video's absolute path,
	// size and modification time and the threshold, so that the next run
	// on the same video does not decode it again. "" disables the cache.
	// It is never the video's folder: detection writes nothing into a
	// delivery.
	CacheDir string
}

// DefaultThreshold is the scene score exportqc counts as a cut unless told
// otherwise: 0.4, the value Subtitle Edit's ffmpeg shot-change import
// starts from; hard cuts in edited picture score far above it, fades and
// fast motion mostly below.
const DefaultThreshold = 0.4

// DefaultCacheDir is the per-user cache folder for detected lists, "" when
// the system has none.
func DefaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "exportqc", "shotchanges")
}

// Detect returns the shot changes of video, from the cache when it holds
// them (cached reports that). The cut times are the presentation times
// ffmpeg gives the first frame of each new shot, from the start of the
// file.
func (d Detector) Detect(ctx context.Context, video string) (l *List, cached bool, err error) {
	st, err := os.Stat(video)
	if err != nil {
		return nil, false, fmt.Errorf("video %s: %w", video, errors.Unwrap(err))
	}
	if st.IsDir() {
		return nil, false, fmt.Errorf("video %s: is a folder", video)
	}
	if d.Threshold <= 0 || d.Threshold >= 1 {
		return nil, false, fmt.Errorf("scene threshold %v: want a score between 0 and 1 (exclusive)", d.Threshold)
	}
	abs, _ := filepath.Abs(video)
	key := cacheKey(abs, st.Size(), st.ModTime().UnixNano(), d.Threshold)
	cacheFile := ""
	if d.CacheDir != "" {
		cacheFile = filepath.Join(d.CacheDir, key+".shotchanges")
		if data, err := os.ReadFile(cacheFile); err == nil {
			if l, err := Parse(video, data); err == nil {
				l.Format = "detected"
				return l, true, nil
			}
		}
	}
	bin := d.FFmpeg
	if bin == "" {
		if bin, err = exec.LookPath("ffmpeg"); err != nil {
			return nil, false, ErrNoFFmpeg
		}
	}
	// showinfo prints one line per selected frame on stderr, with its
	// pts_time; -map 0:v:0 reads the first video stream only.
	cmd := exec.CommandContext(ctx, bin, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
		"-i", video, "-map", "0:v:0", "-an", "-sn", "-dn",
		"-vf", "select='gt(scene,"+strconv.FormatFloat(d.Threshold, 'f', -1, 64)+")',showinfo",
		"-f", "null", "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, false, fmt.Errorf("video %s: ffmpeg failed (%v): %s", video, err, lastLine(stderr.String()))
	}
	l, err = parseFFmpeg(video, strings.Split(stderr.String(), "\n"))
	if err != nil {
		return nil, false, err
	}
	l.Format = "detected"
	if cacheFile != "" {
		writeCache(cacheFile, video, d.Threshold, l)
	}
	return l, false, nil
}

func cacheKey(abs string, size, mtime int64, threshold float64) string {
	h := sha256.New()
	fmt.Fprintf(h, "exportqc shotchanges v1\x00%s\x00%d\x00%d\x00%v", abs, size, mtime, threshold)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// writeCache stores l as Subtitle Edit's .shotchanges text (seconds, one a
// line), through a temporary file so a reader never sees half a list. A
// cache that cannot be written costs only the next run's time.
func writeCache(path, video string, threshold float64, l *List) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# shot changes of %s detected by ffmpeg scene filter, threshold %v\n", filepath.Base(video), threshold)
	times, _ := l.Times(cue.FrameRate{})
	for _, t := range times {
		b.WriteString(strconv.FormatFloat(t.Seconds(), 'f', 6, 64))
		b.WriteByte('\n')
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.WriteString(b.String())
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}
