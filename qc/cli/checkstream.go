package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/output"
	"github.com/exportqc/exportqc/qc/output/progress"
	"github.com/exportqc/exportqc/qc/report"
)

// checkStreaming runs check with its reports written while the files are
// checked (engine.RunStream): each report's writer runs in its own
// goroutine and receives every file's part as the engine finishes it, in
// report order, so memory stays flat in the number of files (every
// format streams: see report.NewStream). Reports to files are still all
// or none: they are written to temporary files and renamed into place
// only when every report has been written; a report on standard output
// is written as the run goes.
//
// A GitHub step summary (stepSummary names the file, "" for none) is
// rendered on the way too, into memory (it is capped at a comment's
// size), and appended to its file once the reports are in place.
//
// Waivers and a baseline are applied by the engine to the parts as they
// pass.
//
// It returns engine.ErrWholeRun, having written nothing, for runs that
// need their whole report at once (see engine.ErrWholeRun).
func checkStreaming(ctx context.Context, stdout io.Writer, opts engine.Options, specs []output.Spec, shown report.Options, stepSummary string) (report.Tail, error) {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		chans    []chan report.Part
		tail     report.Tail
		tailErr  error
		wg       sync.WaitGroup
		mu       sync.Mutex
		pending  = make([]*output.Pending, len(specs))
		writeErr error // the first writer's failure
		summary  bytes.Buffer
		fanout   func(report.Part) error
		// deferred holds the reports on standard output after the first
		// (the annotations GitHub Actions adds after the text report),
		// rendered into memory and printed once the run is over: two
		// writers on one stream interleave, cutting lines in half. Only
		// those annotations can share standard output (CheckSpecs), and
		// they are capped per rule, so memory stays small.
		deferred = make([]*bytes.Buffer, len(specs))
	)
	// Every part goes to each writer; once all of them have moved past it,
	// its findings' array goes back to the engine's workers (a writer keeps
	// copies of findings, never a part's slice: engine.Recycler).
	keepsTexts := false
	for _, s := range specs {
		keepsTexts = keepsTexts || report.KeepsTexts(s.Format)
	}
	recycler := engine.NewRecycler(keepsTexts)
	opts.Recycler = recycler
	start := func(rules []report.RuleInfo) (func(report.Part) error, error) {
		// run starts one writer on its own copy of the stream.
		run := func(what string, write func(st *report.Stream) error) {
			ch := make(chan report.Part, 8)
			next := func() (report.Part, bool) { p, ok := <-ch; return p, ok }
			st := &report.Stream{Tool: opts.Tool, Rules: rules, FailOn: opts.FailOn.String(),
				Next: recycler.Reader(next),
				// Read after the channel is closed, which happens after
				// tail and tailErr are set.
				Tail: func() (report.Tail, error) { return tail, tailErr },
			}
			chans = append(chans, ch)
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := write(st); err != nil {
					mu.Lock()
					// The first failure is the cause; the others are
					// writers stopped by its cancel.
					if writeErr == nil {
						writeErr = fmt.Errorf("writing %s: %w", what, err)
					}
					mu.Unlock()
					cancel() // the engine stops; the other writers see their end
					for range ch {
						// drain, so the engine never waits on a writer that gave up
					}
				}
			}()
		}
		stdoutTaken := false
		for k, s := range specs {
			out := stdout
			if s.Stdout() {
				if stdoutTaken {
					deferred[k] = new(bytes.Buffer)
					out = deferred[k]
				}
				stdoutTaken = true
			}
			run(s.Format+" report to "+s.Path, func(st *report.Stream) error {
				render, _, err := report.StreamRenderer(s, st, shown)
				if err != nil {
					return err
				}
				return writeStreamed(wctx, out, s, render, &pending[k])
			})
		}
		if stepSummary != "" {
			md, _, err := report.NewStream("markdown", report.Options{MaxRows: shown.MaxRows, MinSeverity: shown.MinSeverity})
			if err != nil {
				return nil, err
			}
			run("the GitHub step summary", func(st *report.Stream) error { return md(&summary, st) })
		}
		fanout = func(p report.Part) error {
			for _, ch := range chans {
				select {
				case ch <- p:
				case <-wctx.Done():
					return wctx.Err()
				}
			}
			return nil
		}
		return fanout, nil
	}
	tail, tailErr = engine.RunStream(ctx, opts, start)
	if tailErr == nil {
		// A writer that failed after the last part stops nothing; an
		// interrupt after the engine's last file still means no report.
		if tailErr = firstError(&writeErr, &mu); tailErr == nil {
			tailErr = ctx.Err()
		}
	}
	for _, ch := range chans {
		close(ch)
	}
	wg.Wait()
	// A writer's failure is the reason the engine stopped (it cancelled
	// the run), unless the user interrupted.
	if err := firstError(&writeErr, &mu); err != nil && ctx.Err() == nil {
		tailErr = err
	}
	if tailErr != nil {
		for _, p := range pending {
			p.Discard()
		}
		output.RemoveTemps()
		return tail, tailErr
	}
	for i, p := range pending {
		if p == nil || !p.Staged() {
			continue
		}
		if err := p.Commit(); err != nil {
			for _, q := range pending[i+1:] {
				q.Discard()
			}
			return tail, fmt.Errorf("writing %s report to %s: %w", specs[i].Format, specs[i].Path, err)
		}
	}
	for _, b := range deferred {
		if b == nil {
			continue
		}
		if _, err := stdout.Write(b.Bytes()); err != nil {
			return tail, fmt.Errorf("writing to standard output: %w", err)
		}
	}
	if stepSummary != "" {
		if err := appendStepSummary(stepSummary, summary.Bytes()); err != nil {
			return tail, err
		}
	}
	return tail, nil
}

// writeStreamed renders one report while the run goes on: to its
// temporary file (kept in *staged for the final rename) or, for standard
// output (the writer given) and devices, straight to where it goes.
func writeStreamed(ctx context.Context, stdout io.Writer, s output.Spec, render output.Render, staged **output.Pending) error {
	p, err := output.Prepare(ctx, stdout, s.Path, render)
	if err != nil {
		return err
	}
	if p.Staged() {
		*staged = p
		return nil
	}
	return p.Commit()
}

func firstError(err *error, mu *sync.Mutex) error {
	mu.Lock()
	defer mu.Unlock()
	return *err
}

// wholeRunOnly makes check collect the whole run before writing, as it
// does when it cannot stream: tests compare the two.
var wholeRunOnly = false

// lastCheckStreamed is set by each check to whether it streamed its reports (the
// engine did not refuse the run): tests that compare a streamed run with a
// collected one make sure the first was streamed.
var lastCheckStreamed bool

// streamsToTerminal reports whether a report that streams is written to
// standard output and that is a terminal.
func streamsToTerminal(specs []output.Spec, stdout io.Writer) bool {
	for _, s := range specs {
		if _, streams, err := report.NewStream(s.Format, report.Options{}); err == nil && streams && s.Stdout() {
			return progress.IsTerminal(stdout)
		}
	}
	return false
}
