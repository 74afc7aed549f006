package cli

import (
	"context"
	"errors"
	"fmt"
	"github.com/exportqc/exportqc/qc/output"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/shots"
)

// addShotFlags adds the shot-change inputs of check: a list, or a video to
// detect the cuts in.
func addShotFlags(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.String("shot-changes", "", "shot-change list for the files checked: Subtitle Edit .shotchanges (seconds), "+
		"seconds or timecodes one a line, ffmpeg scene-filter output, or a CMX 3600 EDL (T010-T012)")
	fs.String("video", "", "video of the files checked: detect its shot changes with ffmpeg's scene filter (needs ffmpeg on PATH)")
	fs.Float64("scene-threshold", shots.DefaultThreshold, "ffmpeg scene score (0-1) above which a frame starts a new shot, for --video")
	fs.String("shot-cache", shots.DefaultCacheDir(), "folder caching shot changes detected in videos (\"\" for no cache); never the delivery")
}

// shotOptions reads the run's shot changes into opts: a list is read now,
// so that a bad one fails the run (exit 2) naming its line; a video is
// scanned by ffmpeg (or read from the cache). Without ffmpeg the rules do
// not run, which the report notes, as it does when neither is given.
func (a *app) shotOptions(cmd *cobra.Command, opts *engine.Options) error {
	opts.NoteMissingShotChanges = true
	list, _ := cmd.Flags().GetString("shot-changes")
	video, _ := cmd.Flags().GetString("video")
	threshold, _ := cmd.Flags().GetFloat64("scene-threshold")
	cache, _ := cmd.Flags().GetString("shot-cache")
	// Videos a manifest names are detected as --video is; a cache folder
	// inside a path being checked is not used for them (it could be a
	// delivery's), as it is refused for --video.
	manifestCache := cache
	for _, p := range opts.Paths {
		if cache != "" && output.Within(cache, p) {
			manifestCache = ""
		}
	}
	opts.Videos = &shots.Videos{Detector: shots.Detector{Threshold: threshold, CacheDir: manifestCache}}
	if !a.v.GetBool("quiet") {
		opts.Videos.Scanning = func(video string) {
			fmt.Fprintf(a.stderr, "shot changes: reading %s, named by the manifest (ffmpeg scene filter, threshold %v)\n", video, threshold)
		}
	}
	switch {
	case list != "" && video != "":
		return usagef("--shot-changes and --video both give the shot changes: use one")
	case list != "":
		l, err := shots.Load(list)
		if err != nil {
			return usagef("--shot-changes: %v", err)
		}
		opts.ShotChanges = l
	case video != "":
		for _, p := range opts.Paths {
			if cache != "" && output.Within(cache, p) {
				return usagef("--shot-cache %s is inside %s, which is being checked: the cache never goes into a delivery", cache, p)
			}
		}
		if !a.v.GetBool("quiet") {
			fmt.Fprintf(a.stderr, "shot changes: reading %s (ffmpeg scene filter, threshold %v)\n", video, threshold)
		}
		l, _, err := shots.Detector{Threshold: threshold, CacheDir: cache}.Detect(context.Background(), video)
		if errors.Is(err, shots.ErrNoFFmpeg) {
			fmt.Fprintf(a.stderr, "warning: %v; the shot-change rules do not run\n", err)
			return nil
		}
		if err != nil {
			return usagef("--video: %v", err)
		}
		opts.ShotChanges = l
	}
	return nil
}
