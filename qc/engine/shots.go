package engine

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/shots"
)

// setShotChanges gives a file the shot changes it is timed against: its
// episode's list when its delivery's manifest names one (shot_changes:),
// else the cuts detected in the episode's video (video:, an IMF main
// image, an MMC/iTunes video track), else the run's (--shot-changes,
// --video). A list that cannot be used at the file's rate, or a video
// ffmpeg cannot read, is a problem of the file naming it; without ffmpeg
// the rules do not run and the note says why. Episode lists are read for
// each of their files: they are a few kilobytes, and reading them again
// keeps the workers free of shared state (videos are detected once, in
// opts.Videos).
func setShotChanges(opts *Options, in input, file *rule.File) {
	list := opts.ShotChanges
	if ep := episodeOf(in); ep != nil && ep.ShotChanges != "" {
		l, err := shots.Load(filepath.Join(in.meta.u.disk, filepath.FromSlash(ep.ShotChanges)))
		if err != nil {
			file.Problemf(0, "%v (episode %d's shot_changes: the shot-change rules did not run)", err, ep.Number)
			return
		}
		list = l
	} else if ep != nil && ep.Video != "" && opts.Videos != nil {
		l, err := opts.Videos.Cuts(context.Background(), filepath.Join(in.meta.u.disk, filepath.FromSlash(ep.Video)))
		switch {
		case errors.Is(err, shots.ErrNoFFmpeg):
			// One cause for every video of the run: worded without the
			// episode so that the note is given once.
			file.ShotChangesUnavailable = "the videos named by the manifest were not scanned: " + err.Error()
			return
		case errors.Is(err, fs.ErrNotExist):
			// A missing file is the delivery checks' finding; here it
			// only means there are no cuts.
			file.ShotChangesUnavailable = "episode " + strconv.Itoa(ep.Number) + "'s video " + ep.Video + ", named by the manifest, is not in the delivery"
			return
		case err != nil:
			file.Problemf(0, "%v (episode %d's video, named by the manifest: the shot-change rules did not run)", err, ep.Number)
			file.ShotChangesUnavailable = "episode " + strconv.Itoa(ep.Number) + "'s video " + ep.Video + " could not be read (E000)"
			return
		}
		list = l
	}
	if list == nil {
		return
	}
	if list.NeedsRate() && !file.FrameRateDeclared {
		file.Problemf(0, "shot-change list %s gives frame timecodes and no frame rate is declared for this file: "+
			"set --fps (the shot-change rules did not run)", list.Path)
		return
	}
	times, err := list.Times(file.FrameRate)
	if err != nil {
		file.Problemf(0, "%v (the shot-change rules did not run)", err)
		return
	}
	file.ShotChanges = times
}

// episodeOf is the delivery episode a file belongs to, nil for none.
func episodeOf(in input) *delivery.Episode {
	if in.meta == nil {
		return nil
	}
	return in.meta.episode
}

// noteMissingShotChanges runs the shot-changes note on a file that has no
// shot changes while a rule needing them is enabled on it, when the run
// asks for the note.
func noteMissingShotChanges(opts *Options, file *rule.File, doc *cue.Document, cfg map[string]*rule.Config, res *fileResult) {
	if !opts.NoteMissingShotChanges || file.ShotChanges != nil {
		return
	}
	needed := false
	for _, r := range opts.Rules {
		if c := configFor(r, cfg); r.NeedsShotChanges && c != nil && c.Enabled {
			needed = true
		}
	}
	if !needed {
		return
	}
	for _, r := range opts.Rules {
		if c := configFor(r, cfg); r.ShotChangesNote && r.Run != nil && c != nil && c.Enabled {
			runRule(new(rule.Pass), r, file, doc, c, res.add)
		}
	}
}

// keepOneShotChangesNote keeps, of the shot-changes note's findings, the
// first of each message in report order (files are in input order, and
// the note is once per file): the note says once per run, for each cause
// (no list at all, no ffmpeg, each video missing or unreadable), that the
// rules did not run.
func keepOneShotChangesNote(rules []*rule.Rule, results []fileResult) {
	once, seen := onceCodes(rules), map[string]bool{}
	for i := range results {
		results[i].findings = dropRepeatedNotes(once, results[i].findings, seen)
	}
}

// dropRepeatedNotes removes from one file's findings the once-per-run
// notes already given for an earlier file (seen, by rule code and
// message: one note per cause), and marks those given now: the same for the whole report and for a streamed one,
// whose files arrive in report order.
func dropRepeatedNotes(once []string, findings []rule.Finding, seen map[string]bool) []rule.Finding {
	if len(once) == 0 {
		return findings
	}
	// Findings move down only from the first one dropped: most files drop
	// none, and moving a finding (a large struct full of pointers) costs
	// a copy and the collector's write barriers.
	kept := 0
	for i := range findings {
		f := &findings[i]
		// The once-per-run rules are one or two: comparing a finding's
		// code with theirs is cheaper than hashing it.
		if slices.Contains(once, f.Rule) {
			key := f.Rule + "\x00" + f.Message
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		if kept != i {
			findings[kept] = *f
		}
		kept++
	}
	clear(findings[kept:]) // the dropped tail must not keep its strings alive
	return findings[:kept]
}

// onceCodes are the codes of the rules whose finding is given once per run.
func onceCodes(rules []*rule.Rule) []string {
	var once []string
	for _, r := range rules {
		if r.ShotChangesNote {
			once = append(once, r.Code)
		}
	}
	return once
}
