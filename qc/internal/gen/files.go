package gen

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// FilesOptions describe a flat folder of generated episodes, the input of
// the "2,000 files" benchmark.
type FilesOptions struct {
	Count     int // files; 2,000 by default
	Seed      uint64
	Cues      int      // per file; 700 by default
	Minutes   float64  // per file; 45 by default
	Languages []string // drawn from; all built-in languages by default
	Formats   []string // drawn from; the default mix (SRT, TTML, WebVTT) when empty
	Workers   int      // runtime.NumCPU() by default
	Progress  func(done, total int)
	// Defects are seeded in every file (none by default: clean files), for
	// finding-dense runs such as the report-writing benchmark.
	Defects CueDefects
}

// Files writes opts.Count episodes (clean unless opts.Defects says) into dir (created if needed) and
// returns their paths in order. File i is Batch<i>_S01E01.<lang>.<ext>, so
// QC reads its language from the name; its language and format are drawn
// from the seed and i alone.
func Files(dir string, opts FilesOptions) ([]string, error) {
	if opts.Count == 0 {
		opts.Count = 2000
	}
	if opts.Count < 0 {
		return nil, fmt.Errorf("count must be positive")
	}
	if len(opts.Languages) == 0 {
		opts.Languages = Languages()
	}
	for _, l := range opts.Languages {
		if _, err := lookupLanguage(l); err != nil {
			return nil, err
		}
	}
	for _, f := range opts.Formats {
		if !knownFormat(f) {
			return nil, unknownFormat(f)
		}
		if opts.Defects.Total() > 0 && !slices.Contains(DefectFormats, f) {
			return nil, fmt.Errorf("format %s: seeded cue defects are written in %s only", f, strings.Join(DefectFormats, ", "))
		}
		if len(writable(f, opts.Languages)) == 0 {
			return nil, fmt.Errorf("format %s: none of the languages %s can be written in it (it takes %s)",
				f, strings.Join(opts.Languages, ", "), strings.Join(FormatLanguages(f), ", "))
		}
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	ao := AuditOptions{Formats: opts.Formats}
	paths := make([]string, opts.Count)
	eps := make([]EpisodeOptions, opts.Count)
	for i := range eps {
		r := newRNG(opts.Seed, fmt.Sprintf("files\x00%d", i))
		o := EpisodeOptions{Seed: opts.Seed, Language: pick(r, opts.Languages), Format: ao.pickFormat(r),
			Cues: opts.Cues, Minutes: opts.Minutes, Defects: opts.Defects}
		if langs := writable(o.Format, opts.Languages); !slices.Contains(langs, o.Language) {
			// A format that cannot carry the language drawn (SCC and
			// Japanese): draw again among those it can. Only then, so
			// that files of the other formats stay what they were.
			o.Language = pick(r, langs)
		}
		o.Name = fmt.Sprintf("Batch%04d_S01E01.%s%s", i+1, o.Language, Ext(o.Format))
		eps[i] = o
		paths[i] = filepath.Join(dir, o.Name)
	}
	var next, done atomic.Int64
	g, ctx := errgroup.WithContext(context.Background())
	for range opts.Workers {
		g.Go(func() error {
			var buf bytes.Buffer
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(eps) {
					return nil
				}
				buf.Reset()
				if err := Episode(&buf, eps[i]); err != nil {
					return fmt.Errorf("%s: %w", eps[i].Name, err)
				}
				if err := os.WriteFile(paths[i], buf.Bytes(), 0o644); err != nil {
					return err
				}
				if n := done.Add(1); opts.Progress != nil {
					opts.Progress(int(n), len(eps))
				}
			}
			return ctx.Err()
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return paths, nil
}

// writable is the languages of langs that an episode in format can be
// written in.
func writable(format string, langs []string) []string {
	can := FormatLanguages(format)
	var out []string
	for _, l := range langs {
		if slices.ContainsFunc(can, func(c string) bool { return strings.EqualFold(c, l) }) {
			out = append(out, l)
		}
	}
	return out
}
