package shots

import (
	"context"
	"sync"
)

// Videos detects the cuts of the videos a delivery's manifest names, each
// once however many subtitle files (and, for exportqc fix, re-checks) are
// timed against it. Safe for concurrent use by the engine's workers.
type Videos struct {
	Detector Detector
	// Scanning, when set, is told of each video before it is scanned (a
	// long programme takes ffmpeg minutes to decode).
	Scanning func(path string)

	mu   sync.Mutex
	done map[string]*detection
}

type detection struct {
	once sync.Once
	list *List
	err  error
}

// Cuts returns the shot changes detected in the video at path (ErrNoFFmpeg
// when ffmpeg is not on PATH).
func (v *Videos) Cuts(ctx context.Context, path string) (*List, error) {
	v.mu.Lock()
	if v.done == nil {
		v.done = map[string]*detection{}
	}
	d := v.done[path]
	if d == nil {
		d = &detection{}
		v.done[path] = d
	}
	v.mu.Unlock()
	d.once.Do(func() {
		if v.Scanning != nil {
			v.Scanning(path)
		}
		d.list, _, d.err = v.Detector.Detect(ctx, path)
	})
	return d.list, d.err
}
