// Package engine is the QC pipeline: it expands the inputs, checks every
// file in a bounded pool of workers, and assembles one deterministic report.
//
// Determinism without a global lock: inputs are sorted, each file's work
// writes only to its own result slot, and each slot's findings are sorted
// before the slots are concatenated in input order (as actionlint does).
// The same inputs therefore give byte-identical reports for any --jobs.
package engine

import (
	"context"
	"runtime"
	"slices"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/shots"
	"github.com/exportqc/exportqc/qc/waiver"
)

// Resolver gives the effective rule configuration for a file in a given
// language (canonical BCP-47 tag, "" when unknown). Implementations cache:
// it is called once per file from many goroutines.
type Resolver interface {
	Resolve(language string) (map[string]*rule.Config, error)
}

// FormatResolver is a Resolver that also knows what a file's format asks
// of the packs (SCC files are captions: the captions layer applies).
// territories are a delivery's, or nil for the run's.
type FormatResolver interface {
	ResolveFormat(language string, territories []string, format string) (map[string]*rule.Config, error)
}

// Options configure one run.
type Options struct {
	Paths    []string
	Jobs     int          // workers; <= 0 means runtime.NumCPU()
	Rules    []*rule.Rule // registry, sorted by code
	Resolver Resolver
	// Language forces the language of every file (--lang); "" to detect.
	Language string
	// FrameRate is the rate for files that declare none (--fps or config);
	// FrameRateSource names where it came from ("flag", "config"). Zero rate:
	// fall back to DefaultFrameRate, undeclared.
	FrameRate       cue.FrameRate
	FrameRateSource string
	FailOn          rule.Severity
	Tool            report.Tool
	// Progress, if set, is called after each file (from worker goroutines).
	Progress func(done, total int)

	// Delivery mode (delivery.go). Territories are the run's --territory
	// codes (added to each delivery's own); Manifest is --manifest, for the
	// one folder named; Patterns are extra file-name patterns for deliveries
	// described by their file names.
	Territories []string
	Manifest    string
	Patterns    []string

	// Waivers accept findings with a reason (--waivers); Baseline drops
	// findings an earlier report already had (--baseline); Now decides
	// which waivers have expired (injected so tests are reproducible).
	Waivers  *waiver.Set
	Baseline *waiver.Baseline
	Now      time.Time

	// Per-file limits (file.go); 0 means the default.
	MaxFileSize        int64 // bytes read of one file at most
	MaxCues            int   // cues of one file checked at most
	MaxFindingsPerRule int   // findings of one rule listed for one file at most
	// SuggestFixes asks rules for suggested fixes (exportqc fix); ReadFile,
	// when set, reads subtitle files instead of the disk (fix re-checks its
	// corrected copies in memory, under the original paths).
	SuggestFixes bool
	ReadFile     func(path string) ([]byte, error)
	// ShotChanges is the run's shot-change list (--shot-changes, or
	// detected in --video), for every file without a list of its own
	// episode (shots.go); nil for none.
	ShotChanges *shots.List
	// Videos detects the shot changes of the video a delivery's manifest
	// names for an episode (shots.go), when the episode has no list; nil:
	// such videos are not looked at.
	Videos *shots.Videos
	// NoteMissingShotChanges asks for one note (T013) when files had no
	// shot changes for the shot-change rules enabled on them: exportqc
	// check sets it; the audit, which counts members' own findings, does
	// not. Run keeps one note per run; RunEach does not deduplicate.
	NoteMissingShotChanges bool

	// spillAbove overrides DefaultSpillAbove (below zero: spill every
	// result of a delivery); spilled, when set, counts the results
	// spilled. For the tests.
	spillAbove int64
	spilled    *int

	// Recycler, when set, takes back the findings arrays of RunStream's
	// parts once its readers are done with them, for the workers to use
	// again (recycle.go); nil: each file's findings get a new array.
	Recycler *Recycler

	// base is the language-less configuration, resolved once per run
	// (resolveBase) and shared by every file and pass that needs it.
	base map[string]*rule.Config
}

// resolveBase resolves the language-less configuration once, up front, so
// that a broken pack or override fails the run (exit 2) instead of
// becoming a finding per file.
func (o *Options) resolveBase() error {
	base, err := o.Resolver.Resolve("")
	if err != nil {
		return err
	}
	if base == nil {
		base = map[string]*rule.Config{} // set, so baseConfig never writes during the run
	}
	o.base = base
	return nil
}

// baseConfig is the run's language-less configuration. Every run resolves
// it before any file is read (resolveBase), failing on an error; a caller
// that checks one file directly (a benchmark) has it resolved here, and
// gets no configuration if that fails.
func (o *Options) baseConfig() map[string]*rule.Config {
	base, _ := o.resolvedBase()
	return base
}

// resolvedBase is baseConfig with the error of resolving it.
func (o *Options) resolvedBase() (map[string]*rule.Config, error) {
	if o.base == nil {
		if err := o.resolveBase(); err != nil {
			return nil, err
		}
	}
	return o.base, nil
}

// progressOf returns what a worker calls after each file: opts.Progress
// with the files done so far and the files planned (total), or nil.
func progressOf(opts *Options, total func() int) func() {
	if opts.Progress == nil {
		return nil
	}
	var done atomic.Int64
	return func() { opts.Progress(int(done.Add(1)), total()) }
}

// DefaultFrameRate is used for frame-based thresholds when nothing declares a rate.
var DefaultFrameRate = cue.FrameRate{Num: 24000, Den: 1001}

// Run checks every input and returns the report. An error means the run
// could not happen at all (no such path, bad configuration); problems with
// individual files are findings in the report.
func Run(ctx context.Context, opts Options) (*report.Report, error) {
	inputs, units, err := plan(&opts)
	if err != nil {
		return nil, err
	}
	if err := opts.resolveBase(); err != nil {
		return nil, err
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	results := make([]fileResult, len(inputs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	progress := progressOf(&opts, func() int { return len(inputs) })
	ahead := newReadAhead()
	for i := range min(readAheadFiles, len(inputs)) {
		ahead.hint(inputs[i].path)
	}
	for i := range inputs {
		i := i
		// g.Go waits for a free worker, so input i starts about when the
		// pool has done i-jobs: keep the system reading a few dozen ahead.
		if k := i + readAheadFiles; k < len(inputs) {
			ahead.hint(inputs[k].path)
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			var err error
			results[i], err = checkInput(&opts, inputs[i], progress)
			return err
		})
	}
	err = g.Wait()
	ahead.stop()
	if err != nil {
		return nil, err
	}
	if err := checkDeliveries(ctx, &opts, units, inputs, results, hashing.New(int64(jobs)), jobs); err != nil {
		return nil, err
	}
	keepOneShotChangesNote(opts.Rules, results)
	run, baselined := acceptance(&opts, results, units)
	rep, err := assemble(&opts, results, func(rep *report.Report) { addDeliveries(rep, &opts, units, inputs, results) })
	if err != nil {
		return nil, err
	}
	rep.Summary.Baselined = baselined
	addRunFindings(rep, &opts, run)
	return rep, nil
}

// checkFileSafely turns a panic anywhere in one file's work into a problem
// of that file, reported by the rules that report problems: one bad file never costs the others their results.
func checkFileSafely(opts *Options, in input, ws *workspace) (res fileResult) {
	defer func() {
		if r := recover(); r != nil {
			// A result of its own: res stays on the stack in the usual case.
			failed := &fileResult{record: report.File{Path: in.path, Format: "unknown", Encoding: "unknown"}}
			file := &rule.File{Path: in.path}
			file.Problemf(0, "internal error while checking this file (please report it): %v", r)
			runRules(opts.Rules, file, nil, opts.baseConfig(), failed.add, new(rule.Pass))
			res = *failed
		}
	}()
	return checkFile(opts, in, ws)
}

// assemble builds the report; more, if not nil, adds to it (deliveries)
// before the verdict is computed.
func assemble(opts *Options, results []fileResult, more func(*report.Report)) (*report.Report, error) {
	total := 0
	for i := range results {
		total += len(results[i].findings)
	}
	rep := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          opts.Tool,
		Files:         make([]report.File, 0, len(results)),
		Findings:      make([]rule.Finding, 0, total),
	}
	for i := range results {
		r := &results[i]
		if r.skip {
			continue
		}
		for j := range r.findings {
			f := &r.findings[j]
			if !counts(f) {
				rep.Summary.Waived++
				continue
			}
			r.record.AddFinding(f)
		}
		if r.folder {
			// A folder that could not be walked: its finding counts, but
			// it is no file checked.
			rep.Findings = append(rep.Findings, r.findings...)
			rep.Summary.AddCounts(r.record.Counts)
			continue
		}
		rep.Files = append(rep.Files, withPathBytes(r.record))
		rep.Findings = append(rep.Findings, r.findings...)
		rep.Summary.Cues += r.record.Cues
		rep.Summary.AddCounts(r.record.Counts)
	}
	// Each slot is sorted and slots are in input order, which is report
	// order unless a file's findings name another file (delivery findings).
	sortFindings(rep.Findings)
	if more != nil {
		more(rep)
	}
	rep.Summary.Files = len(rep.Files)
	rep.Summary.FailOn = opts.FailOn.String()
	rep.Summary.Passed = Passed(rep, opts.FailOn)
	rules, err := ruleInfos(opts)
	if err != nil {
		return nil, err
	}
	rep.Rules = rules
	return rep, nil
}

// ruleInfos lists the rules the run has enabled, with their configured
// severities.
func ruleInfos(opts *Options) ([]report.RuleInfo, error) {
	base, err := opts.resolvedBase()
	if err != nil {
		return nil, err
	}
	var out []report.RuleInfo
	for _, r := range opts.Rules {
		cfg := base[r.Code]
		if cfg != nil && !cfg.Enabled {
			continue
		}
		sev := r.DefaultSeverity
		if cfg != nil {
			sev = cfg.Severity
		}
		out = append(out, report.RuleInfo{Code: r.Code, Name: r.Name, Family: r.Family,
			Summary: r.Summary, Doc: r.Doc, Severity: sev})
	}
	return out, nil
}

// Passed reports whether no finding is at or above the fail-on severity.
func Passed(rep *report.Report, failOn rule.Severity) bool {
	for i := range rep.Findings {
		if f := &rep.Findings[i]; counts(f) && f.Severity >= failOn {
			return false
		}
	}
	return true
}

// addRunFindings runs the rules that inspect the run as a whole (RunEnd:
// the waiver notes), configured like any rule, adds what they report and
// recomputes pass/fail. Waivers never apply to these findings.
func addRunFindings(rep *report.Report, opts *Options, run *rule.Run) {
	found := RunEndFindings(*opts, run)
	if len(found) == 0 {
		return
	}
	for i := range found {
		rep.Summary.AddFinding(&found[i])
	}
	rep.Findings = mergeFindings(rep.Findings, found)
	rep.Summary.Passed = Passed(rep, opts.FailOn)
}

// compareFindings is report order (rule.ReportOrder) for slices.SortStableFunc.
func compareFindings(a, b rule.Finding) int {
	return rule.ReportOrder(a.File, a.Cue, a.Line, a.Rule, a.Message, b.File, b.Cue, b.Line, b.Rule, b.Message)
}

// sortFindings puts one slot's findings in report order; stable, so
// findings that compare equal keep the order their rules produced them in.
// A finding is a large struct full of pointers: a stable sort moving the
// structs themselves (insertion sort and symmerge) spends its time in
// copies and GC write barriers, so this sorts their indexes (pdqsort, ties
// by index, which makes it stable) and then moves each finding once, in
// place, cycle by cycle (no second slice of findings).
func sortFindings(fs []rule.Finding) {
	if inReportOrder(fs) {
		return
	}
	permute(fs, reportOrder(fs))
}

// sortedInto is a copy of fs in report order (nil for none), written into
// dst's array when it has room for fs (a recycled one: see Recycler), else
// into a new one of fs's exact length; the order's keys in o (nil: made
// here). Each finding is copied once, straight to its place, where
// sorting in place and then copying would move the unsorted ones twice.
// The findings past len(fs) in dst's array are cleared, so that an array
// used again does not keep an older file's strings alive.
func sortedInto(dst, fs []rule.Finding, o *orderBufs) []rule.Finding {
	if len(fs) == 0 {
		return nil
	}
	ordered := inReportOrder(fs)
	if cap(dst) < len(fs) {
		if ordered {
			return slices.Clone(fs)
		}
		dst = make([]rule.Finding, len(fs))
	}
	clear(dst[len(fs):cap(dst)])
	out := dst[:len(fs)]
	if ordered {
		copy(out, fs)
		return out
	}
	for i, k := range o.reportOrder(fs) {
		out[i] = fs[k]
	}
	return out
}

// reportOrder returns the indexes of fs in report order, ties in index
// order (so a sort by it is stable).
func reportOrder(fs []rule.Finding) []int32 { return (*orderBufs)(nil).reportOrder(fs) }

// orderBufs is the memory a worker's sorts reuse from file to file (nil:
// each sort makes its own): the packed keys and the order of one file's
// findings.
type orderBufs struct {
	keys  []uint64
	order []int32
}

// reportOrder is the package's reportOrder in o's memory; what it returns
// is valid until o's next sort.
func (o *orderBufs) reportOrder(fs []rule.Finding) []int32 {
	if order, ok := o.oneFileOrder(fs); ok {
		return order
	}
	order := o.orderOf(len(fs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		x, y := &fs[a], &fs[b]
		if c := rule.ReportOrder(x.File, x.Cue, x.Line, x.Rule, x.Message, y.File, y.Cue, y.Line, y.Rule, y.Message); c != 0 {
			return c
		}
		return int(a - b)
	})
	return order
}

// orderOf is an order of n indexes: o's, grown when short, or a new one.
func (o *orderBufs) orderOf(n int) []int32 {
	if o == nil {
		return make([]int32, n)
	}
	return grown(&o.order, n)
}

// keysOf is like orderOf for the packed keys.
func (o *orderBufs) keysOf(n int) []uint64 {
	if o == nil {
		return make([]uint64, n)
	}
	return grown(&o.keys, n)
}

// grown returns *buf cut to n, made anew when too short.
func grown[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	return (*buf)[:n]
}

// maxKeptOrder is the most indexes a worker's orderBufs keeps for the
// next file (12 bytes each): a rare file with a huge number of findings
// does not pin its size in every worker.
const maxKeptOrder = 1 << 16

// trim lets go of buffers grown past maxKeptOrder.
func (o *orderBufs) trim() {
	if cap(o.order) > maxKeptOrder {
		o.order, o.keys = nil, nil
	}
}

// permute puts fs[order[i]] at i for every i, following each cycle of the
// permutation with one finding held aside; order is used up (each slot
// done is marked -1).
func permute(fs []rule.Finding, order []int32) {
	for i := range order {
		if order[i] < 0 || int(order[i]) == i {
			continue
		}
		held := fs[i]
		j := i
		for {
			k := int(order[j])
			order[j] = -1
			if k == i {
				fs[j] = held
				break
			}
			fs[j] = fs[k]
			j = k
		}
	}
}

// mergeFindings adds more (any order) to sorted, keeping report order: the
// result is what a stable sort of sorted+more gives, without re-sorting the
// whole report (more is a handful of delivery or waiver findings).
func mergeFindings(sorted, more []rule.Finding) []rule.Finding {
	if len(more) == 0 {
		return sorted
	}
	more = slices.Clone(more)
	sortFindings(more)
	out := make([]rule.Finding, 0, len(sorted)+len(more))
	i, j := 0, 0
	for i < len(sorted) && j < len(more) {
		// Ties go to sorted: it came first in the concatenation.
		if compareFindings(more[j], sorted[i]) < 0 {
			out = append(out, more[j])
			j++
		} else {
			out = append(out, sorted[i])
			i++
		}
	}
	out = append(out, sorted[i:]...)
	return append(out, more[j:]...)
}

// inReportOrder reports whether fs is sorted (one pass, no copies).
func inReportOrder(fs []rule.Finding) bool {
	for i := 1; i < len(fs); i++ {
		x, y := &fs[i-1], &fs[i]
		if rule.ReportOrder(x.File, x.Cue, x.Line, x.Rule, x.Message, y.File, y.Cue, y.Line, y.Rule, y.Message) > 0 {
			return false
		}
	}
	return true
}

// withPathBytes keeps the raw bytes of a file name that is not valid UTF-8
// beside its path (see report.File.PathBytes).
func withPathBytes(rec report.File) report.File {
	if !utf8.ValidString(rec.Path) {
		rec.PathBytes = []byte(rec.Path)
	}
	return rec
}
