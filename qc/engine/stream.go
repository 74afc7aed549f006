package engine

import (
	"context"
	"errors"
	"fmt"
	"github.com/exportqc/exportqc/qc/format"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// Part is the finished result of one of Options.Paths in RunEach.
type Part struct {
	// Index is the path's position in Options.Paths.
	Index int
	// Report holds that path's files, findings and deliveries (sorted, and
	// counted as Run counts them) with its own Summary; Rules is empty (the
	// run's rules are RunEach's result).
	Report *report.Report
}

// RunEach is Run for many independent paths whose results are consumed as
// they finish, so memory stays flat however many files the run covers: an
// audit of 50,000 files holds the results of the few paths in flight, not
// a result slot per file until the end.
//
// Each path is planned (walked, its manifests read) only when the pool has
// room for it; its files go through the same bounded pool of opts.Jobs
// workers as every other path's, and once its last file is checked its
// delivery rules run and emit receives its Part. emit is called once per
// path, one call at a time (never concurrently), in completion order:
// callers that need a deterministic result place each Part by its Index.
// An error from emit stops the run and is returned.
//
// A path that no longer exists is a part with an E000 at the path, not an
// error: the caller listed it, so it disappeared since. Paths must not
// overlap (a path inside another would be checked twice),
// and the engine's waivers and baseline are not applied (opts.Waivers and
// opts.Baseline must be nil): they need every finding of the run at once,
// so a caller that streams applies its own, as the audit does.
// opts.Progress receives the files done and the files planned so far.
func RunEach(ctx context.Context, opts Options, emit func(Part) error) ([]report.RuleInfo, error) {
	if opts.Waivers != nil || opts.Baseline != nil {
		return nil, errors.New("engine.RunEach applies no waivers or baseline: apply them to the parts")
	}
	if opts.Manifest != "" {
		return nil, errors.New("engine.RunEach: --manifest names one delivery; use Run")
	}
	// As in Run: a broken pack or override fails the run, not every file.
	if err := opts.resolveBase(); err != nil {
		return nil, err
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	s := &streamRun{opts: &opts, emit: emit, jobs: jobs,
		// A few paths beyond the workers keep the pool busy while a
		// finished path runs its delivery rules; more would only hold
		// results longer.
		window:    semaphore.NewWeighted(int64(2*jobs + 2)),
		hashReads: semaphore.NewWeighted(int64(jobs)),
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	s.g, s.ctx = g, gctx
	s.progress = progressOf(&opts, func() int { return int(s.total.Load()) })
	s.ahead = newReadAhead()
	planErr := s.feed()
	err := g.Wait()
	s.ahead.stop()
	if err != nil {
		return nil, err
	}
	if planErr != nil {
		return nil, planErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return ruleInfos(&opts)
}

// streamRun is the state of one RunEach.
type streamRun struct {
	opts      *Options
	emit      func(Part) error
	jobs      int
	g         *errgroup.Group
	ctx       context.Context
	ahead     *readAhead
	window    *semaphore.Weighted // paths planned and not yet emitted
	hashReads *semaphore.Weighted // shared by every path's checksum reads
	emitMu    sync.Mutex
	total     atomic.Int64 // files planned so far
	progress  func()       // after each file checked (progressOf), or nil
}

// feed plans the paths one by one, as the window allows, and hands their
// files to the pool. It returns the first planning error (which, like
// Run's, fails the run) after cancelling the work in flight.
func (s *streamRun) feed() error {
	for i, p := range s.opts.Paths {
		if err := s.window.Acquire(s.ctx, 1); err != nil {
			return nil // the run was cancelled: g.Wait has the reason
		}
		sub := *s.opts
		sub.Paths = []string{p}
		inputs, units, err := plan(&sub)
		if err != nil && vanished(p) {
			// Gone since the caller listed it (an audit plans its
			// deliveries before checking them): a finding for that path,
			// as for a file that disappears, not the end of the run.
			inputs, units, err = []input{{path: filepath.ToSlash(filepath.Clean(p)), explicit: true,
				walkErr: errors.New("folder disappeared during the run: nothing in it was checked")}}, nil, nil
		}
		if err != nil {
			s.g.Go(func() error { return err }) // cancels the others
			return err
		}
		s.total.Add(int64(len(inputs)))
		// The window bounds how far ahead of the pool this reads: a few
		// paths.
		for k := range inputs {
			s.ahead.hint(inputs[k].path)
		}
		pr := &pathRun{index: i, opts: &sub, inputs: inputs, units: units, results: make([]fileResult, len(inputs))}
		pr.left.Store(int64(len(inputs)))
		if len(inputs) == 0 {
			s.g.Go(func() error { return s.finish(pr) })
			continue
		}
		for k := range inputs {
			s.g.Go(func() error {
				if err := s.ctx.Err(); err != nil {
					return err
				}
				var err error
				if pr.results[k], err = checkInput(pr.opts, pr.inputs[k], s.progress); err != nil {
					return err
				}
				if pr.left.Add(-1) == 0 {
					return s.finish(pr) // the path's last file: its worker finishes the path
				}
				return nil
			})
		}
	}
	return nil
}

// vanished reports whether path no longer exists.
func vanished(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// pathRun is one path of a RunEach: its plan and its files' results.
type pathRun struct {
	index   int
	opts    *Options
	inputs  []input
	units   []*unit
	results []fileResult
	left    atomic.Int64 // files not yet checked
}

// finish runs the path's delivery rules, assembles its part and emits it.
func (s *streamRun) finish(pr *pathRun) error {
	defer s.window.Release(1)
	hasher := hashing.NewWithSemaphore(s.hashReads) // per path: its cache dies with the path
	if err := checkDeliveries(s.ctx, pr.opts, pr.units, pr.inputs, pr.results, hasher, s.jobs); err != nil {
		return err
	}
	rep, err := assemble(pr.opts, pr.results, func(rep *report.Report) {
		addDeliveries(rep, pr.opts, pr.units, pr.inputs, pr.results)
	})
	if err != nil {
		return err
	}
	rep.Rules = nil
	s.emitMu.Lock()
	defer s.emitMu.Unlock()
	if err := s.ctx.Err(); err != nil {
		return err // an earlier emit failed: no more parts
	}
	return s.emit(Part{Index: pr.index, Report: rep})
}

// ErrWholeRun is RunStream's answer for a run that may check nothing and
// reported nothing (see mayBeEmpty in RunStream: its whole report is
// empty), having started no report. Use Run.
var ErrWholeRun = errors.New("engine: this run needs its whole report at once")

// RunStream is Run for a report written while the run goes on, so memory
// stays flat in the number of files: each file's result is handed to emit
// as soon as it and every file before it in report order are done, and
// then forgotten. Workers that finish out of order park their result in a
// window of slots a few times the number of workers wide (as actionlint
// does); a file is only started when the window has room, so a slow file
// holds back at most the window, never the run.
//
// start is called once the run is planned, before any file is checked
// (for a run that may check nothing, with its first part), with the rules
// the report lists; it returns emit, called once per
// reported file, one call at a time, in report order. An error from
// start or emit ends the run and is returned. The result is what only the
// whole run knows: the summary and the deliveries' records.
//
// A run with deliveries is checked one delivery at a time
// (streamDeliveries): its findings about paths without a record (its
// manifests) come as parts with no File, in report order among the files.
//
// The run's waivers and baseline are applied to each part as it is
// emitted (streamAcceptance); the notes about the waivers go at the
// waiver file's place in report order, the parts after it held until the
// notes are known (notesPlace).
//
// A run it does not stream (ErrWholeRun) never calls start.
func RunStream(ctx context.Context, opts Options, start func(rules []report.RuleInfo) (emit func(report.Part) error, err error)) (report.Tail, error) {
	inputs, units, err := plan(&opts)
	if err != nil {
		return report.Tail{}, err
	}
	var segs []segment
	var emptyUnits []*unit
	if len(units) > 0 {
		segs, emptyUnits = deliverySegments(inputs, units, 4*max(opts.Jobs, 1)+16)
	}
	if err := opts.resolveBase(); err != nil { // once, before the workers share it
		return report.Tail{}, err
	}
	rules, err := ruleInfos(&opts)
	if err != nil {
		return report.Tail{}, err
	}
	reports := &lazyStart{start: start, rules: rules}
	// A run that may check nothing (only walked .xml and .txt files,
	// which may be no subtitles) is decided on the whole report when it
	// turns out to report nothing: the command refuses an empty run
	// before writing anything. So its reports start with its first part,
	// and a run without one is handed back (ErrWholeRun): its collected
	// report holds nothing, so costs no memory.
	mayBeEmpty := len(units) == 0 && !mayHoldSubtitles(inputs)
	reports.holdLoose = mayBeEmpty
	if !mayBeEmpty {
		if err := reports.begin(); err != nil {
			return report.Tail{}, err
		}
	}
	accept := newStreamAcceptance(&opts)
	notes := newNotesPlace(&opts, accept, reports.part)
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	var tail report.Tail
	if len(units) > 0 {
		tail, err = streamDeliveries(ctx, &opts, inputs, units, segs, emptyUnits, notes.part, accept, jobs)
	} else {
		tail, err = streamFiles(ctx, &opts, inputs, notes.part, accept, jobs)
	}
	if err != nil {
		return report.Tail{}, err
	}
	if err := notes.end(); err != nil {
		return report.Tail{}, err
	}
	countNotes(&tail.Summary, notes.notes, opts.FailOn)
	if reports.emit == nil {
		return report.Tail{}, ErrWholeRun // nothing reported: see mayBeEmpty
	}
	return tail, nil
}

// streamFiles is RunStream for a run without deliveries: each file's
// result is emitted as soon as every file before it is.
func streamFiles(ctx context.Context, opts *Options, inputs []input, emit func(report.Part) error, accept *streamAcceptance, jobs int) (report.Tail, error) {
	// A file starts only when fewer than size files are started and not
	// yet emitted, so file i's slot, i mod size, is free when it starts.
	size := 4*jobs + 16
	window := semaphore.NewWeighted(int64(size))
	o := &orderedEmit{opts: opts, emit: emit, window: window, total: len(inputs),
		results: make([]fileResult, size), ready: make([]bool, size), accept: accept}
	o.sum.FailOn = opts.FailOn.String()
	o.sum.Passed = true
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	progress := progressOf(opts, func() int { return len(inputs) })
	ahead := newReadAhead()
	for i := range min(readAheadFiles, len(inputs)) {
		ahead.hint(inputs[i].path)
	}
	for i := range inputs {
		if window.Acquire(gctx, 1) != nil {
			break // cancelled: g.Wait or ctx has the reason
		}
		if k := i + readAheadFiles; k < len(inputs) {
			ahead.hint(inputs[k].path)
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			res, err := checkInput(opts, inputs[i], progress)
			if err != nil {
				return err
			}
			return o.done(i, res)
		})
	}
	err := g.Wait()
	ahead.stop()
	if err != nil {
		return report.Tail{}, err
	}
	if err := ctx.Err(); err != nil {
		return report.Tail{}, err
	}
	o.sum.Files = o.files
	return report.Tail{Summary: o.sum}, nil
}

// lazyStart starts the reports (RunStream's start) when asked to, or at
// the first part.
type lazyStart struct {
	start func(rules []report.RuleInfo) (func(report.Part) error, error)
	rules []report.RuleInfo
	emit  func(report.Part) error // nil until started
	// holdLoose keeps parts about no file (the notes about unused or
	// expired waivers) until a file's part starts the reports: notes alone
	// do not make a run that checked nothing a run that checked something.
	holdLoose bool
	held      []report.Part
}

func (l *lazyStart) begin() error {
	var err error
	l.emit, err = l.start(l.rules)
	return err
}

// part is the emit RunStream's workers call, one at a time.
func (l *lazyStart) part(p report.Part) error {
	if l.emit == nil {
		if l.holdLoose && p.File == nil {
			l.held = append(l.held, p)
			return nil
		}
		if err := l.begin(); err != nil {
			return err
		}
		for _, h := range l.held {
			if err := l.emit(h); err != nil {
				return err
			}
		}
		l.held = nil
	}
	return l.emit(p)
}

// orderedEmit hands results to emit in input order (which is report
// order: inputs are sorted by path and each file's findings name it).
type orderedEmit struct {
	opts    *Options
	emit    func(report.Part) error
	window  *semaphore.Weighted
	mu      sync.Mutex
	results []fileResult // a ring: file i parks in slot i mod len until every earlier file is emitted
	ready   []bool
	next    int               // the next file to emit
	total   int               // files in the run
	accept  *streamAcceptance // nil without waivers or a baseline
	sum     report.Summary
	files   int
	last    *rule.Finding // the last finding emitted, to prove the order
	// once holds the codes of once-per-run notes, notes those already given.
	once  []string
	notes map[string]bool
}

// done parks input i's result and emits every result now in sequence.
// The window guarantees i < next+len(results), so its slot is free.
func (o *orderedEmit) done(i int, res fileResult) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := len(o.results)
	o.results[i%n], o.ready[i%n] = res, true
	for o.next < o.total && o.ready[o.next%n] {
		k := o.next % n
		if r := &o.results[k]; !r.skip {
			if err := o.emitOne(r); err != nil {
				return err
			}
		}
		o.results[k], o.ready[k] = fileResult{}, false // forget it: this is what keeps memory flat
		o.next++
		o.window.Release(1)
	}
	return nil
}

func (o *orderedEmit) emitOne(r *fileResult) error {
	if o.notes == nil {
		o.once, o.notes = onceCodes(o.opts.Rules), map[string]bool{}
	}
	r.findings = dropRepeatedNotes(o.once, r.findings, o.notes)
	if len(r.findings) > 0 {
		if o.last != nil && compareFindings(*o.last, r.findings[0]) > 0 {
			return fmt.Errorf("internal error: %s has findings out of report order after %s (please report it)", r.record.Path, o.last.File)
		}
		o.last = lastKey(&r.findings[len(r.findings)-1])
	}
	var baselined int
	r.findings, _, baselined = o.accept.decide(r.findings, nil)
	o.sum.Baselined += baselined
	for j := range r.findings {
		f := &r.findings[j]
		if !counts(f) {
			o.sum.Waived++
			continue
		}
		r.record.AddFinding(f)
		if f.Severity >= o.opts.FailOn {
			o.sum.Passed = false
		}
	}
	if r.folder {
		// A folder that could not be walked: its findings count, but it
		// is no file checked, and has no record (as in the whole report).
		o.sum.AddCounts(r.record.Counts)
		if len(r.findings) == 0 {
			return nil // all known to the baseline: nothing to say about it
		}
		return o.emit(report.Part{Findings: r.findings})
	}
	o.files++
	o.sum.Cues += r.record.Cues
	o.sum.AddCounts(r.record.Counts)
	rec := withPathBytes(r.record)
	part := report.Part{File: &rec, Findings: r.findings}
	o.opts.Recycler.lend(part, r.texts) // the engine is done with it: done forgets the result
	return o.emit(part)
}

// mayHoldSubtitles reports whether any input is surely read as a subtitle
// file: named on the command line, or walked with a subtitle extension
// (walked .xml and .txt files are skipped when their content is not one).
func mayHoldSubtitles(inputs []input) bool {
	for i := range inputs {
		if inputs[i].explicit || !format.Ambiguous(inputs[i].path) {
			return true
		}
	}
	return false
}

// lastKey is what proving report order needs of the last finding emitted
// (its place and message), kept apart from the finding: once emitted, a
// part's array and texts may be given back for later files (Recycler).
func lastKey(f *rule.Finding) *rule.Finding {
	return &rule.Finding{File: f.File, Cue: f.Cue, Line: f.Line, Rule: f.Rule, Message: strings.Clone(f.Message)}
}
