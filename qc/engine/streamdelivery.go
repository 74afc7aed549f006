package engine

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/exportqc/exportqc/qc/delivery/hashing"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// A segment is a stretch of the run's inputs checked together before any
// of them is reported: the stretch of report order that holds all of a
// delivery's inputs (its rules need all their results, and their findings
// are counted in those files' records), or a few files outside any
// delivery.
type segment struct {
	from, to int     // inputs[from:to]
	units    []*unit // the deliveries whose inputs all lie here; nil outside deliveries
}

// deliverySegments cuts inputs into segments: the stretch from each
// delivery's first input to its last (its files, and any loose file under
// its folder) is one segment, the others go in stretches of at most
// chunk. Deliveries whose stretches overlap share one segment: a delivery
// inside another's folder (two folders named, or a manifest named inside
// a folder named, with --territory), or whose files lie apart in report
// order, is checked with what lies between, so memory holds the union of
// their stretches (at worst the whole run: a delivery at "." holding the
// rest), never more. It also returns the deliveries with no input (their
// rules run before any file is reported).
//
// inputs are sorted by path, so the paths inside a delivery's folder are
// one stretch, found by binary search (see underRange); a file the
// delivery declares is inside its folder, but one that is not is found by
// one pass over the inputs. The cost is inputs + deliveries × log inputs,
// not deliveries × inputs (ten thousand deliveries took half a minute).
func deliverySegments(inputs []input, units []*unit, chunk int) (segs []segment, empty []*unit) {
	index := make(map[*unit]int, len(units))
	spans := make([]segment, len(units))
	for k, u := range units {
		index[u] = k
		from, to := underRange(inputs, u.root)
		spans[k] = segment{from: from, to: to, units: []*unit{u}}
	}
	// A declared file outside its delivery's folder widens the stretch.
	for i := range inputs {
		m := inputs[i].meta
		if m == nil || under(inputs[i].path, m.u.root) {
			continue
		}
		sp := &spans[index[m.u]]
		if sp.from == sp.to {
			sp.from, sp.to = i, i+1
		} else {
			sp.from, sp.to = min(sp.from, i), max(sp.to, i+1)
		}
	}
	kept := spans[:0]
	for _, sp := range spans {
		if sp.from == sp.to {
			empty = append(empty, sp.units[0])
			continue
		}
		kept = append(kept, sp)
	}
	spans = kept
	// Units are sorted by root, so each merged segment lists its
	// deliveries in that order.
	slices.SortStableFunc(spans, func(a, b segment) int { return cmp.Compare(a.from, b.from) })
	next := 0
	loose := func(to int) {
		for next < to {
			end := min(next+chunk, to)
			segs = append(segs, segment{from: next, to: end})
			next = end
		}
	}
	for _, sp := range spans {
		if n := len(segs); n > 0 && segs[n-1].units != nil && sp.from < segs[n-1].to {
			last := &segs[n-1]
			last.to = max(last.to, sp.to)
			last.units = append(last.units, sp.units...)
			next = last.to
			continue
		}
		loose(sp.from)
		segs = append(segs, sp)
		next = sp.to
	}
	loose(len(inputs))
	return segs, empty
}

// underRange is the shortest stretch inputs[from:to] of the sorted
// inputs that holds every path at root or inside it. The paths that start
// with root+"/" are exactly those from root+"/" up to root+"0" ('0'
// follows '/'): one stretch. An input that is root itself sorts before
// it, with at most paths like "root-x" between (not inside root, but in
// the stretch all the same).
func underRange(inputs []input, root string) (from, to int) {
	if root == "." {
		return 0, len(inputs)
	}
	find := func(p string) int {
		i, _ := slices.BinarySearchFunc(inputs, p, func(in input, p string) int { return cmp.Compare(in.path, p) })
		return i
	}
	from, to = find(root+"/"), find(root+"0")
	if i := find(root); i < len(inputs) && inputs[i].path == root {
		if from == to {
			return i, i + 1
		}
		return i, to
	}
	return from, to
}

// under reports whether path is root or inside it.
func under(path, root string) bool {
	return root == "." || path == root || strings.HasPrefix(path, root+"/")
}

// heldFinding is a delivery finding waiting for its place in the report:
// the file it names is reported later, or has no record (such paths come
// last, as the whole report shows them). unit and seq keep the whole
// report's order among findings that compare equal (deliveries in order,
// each one's findings as its rules gave them).
type heldFinding struct {
	f         rule.Finding
	unit, seq int
}

func compareHeld(a, b heldFinding) int {
	if c := compareFindings(a.f, b.f); c != 0 {
		return c
	}
	if c := cmp.Compare(a.unit, b.unit); c != 0 {
		return c
	}
	return cmp.Compare(a.seq, b.seq)
}

// deliveryStream is RunStream's state for a run with deliveries.
type deliveryStream struct {
	opts      *Options
	inputs    []input
	emit      func(report.Part) error
	jobs      int
	unitIndex map[*unit]int
	records   []report.Delivery // by unit index
	pending   map[string][]heldFinding
	loose     []heldFinding
	seq       int
	lastPath  string // the path of the last part reported
	next      int    // the next input to report
	skipped   []bool // inputs reported as skipped (not subtitles)
	once      []string
	notes     map[string]bool
	last      *rule.Finding
	accept    *streamAcceptance // nil without waivers or a baseline
	sum       report.Summary
}

// streamDeliveries checks the run segment by segment: a segment's files
// are checked by the pool, its deliveries' rules run, then its files are
// reported and forgotten, so memory holds one segment at a time: one
// delivery's results (a delivery's rules need them all, and its findings
// about a file go out with that file) up to a limit, past which they
// wait in a spill file (resultSpill), or chunk files. The parts are those the whole report would show: each
// file's findings merged with the delivery findings that name it, and
// the paths without a record last, in path order.
func streamDeliveries(ctx context.Context, opts *Options, inputs []input, units []*unit, segs []segment, empty []*unit,
	emit func(report.Part) error, accept *streamAcceptance, jobs int) (report.Tail, error) {
	s := &deliveryStream{opts: opts, inputs: inputs, emit: emit, jobs: jobs, unitIndex: map[*unit]int{},
		records: make([]report.Delivery, len(units)), pending: map[string][]heldFinding{},
		skipped: make([]bool, len(inputs)), once: onceCodes(opts.Rules), notes: map[string]bool{},
		accept: accept}
	for k, u := range units {
		s.unitIndex[u] = k
	}
	s.sum.FailOn = opts.FailOn.String()
	s.sum.Passed = true
	for _, u := range empty {
		if err := s.runUnit(ctx, u, nil, nil); err != nil {
			return report.Tail{}, err
		}
	}
	progress := progressOf(opts, func() int { return len(inputs) })
	ahead := newReadAhead()
	defer ahead.stop()
	for _, seg := range segs {
		for i := seg.from; i < seg.to; i++ {
			ahead.hint(inputs[i].path)
		}
		if err := s.segment(ctx, seg, progress); err != nil {
			return report.Tail{}, err
		}
	}
	for _, held := range s.pending { // none: every input is reported
		s.loose = append(s.loose, held...)
	}
	if err := s.reportLoose(""); err != nil {
		return report.Tail{}, err
	}
	return report.Tail{Summary: s.sum, Deliveries: s.records}, nil
}

// segment checks seg's files with the pool, runs its deliveries' rules
// and reports the files. A segment with deliveries keeps its results
// until their rules have run; past a limit they wait in a spill (see
// resultSpill), so one big delivery does not hold all its findings.
func (s *deliveryStream) segment(ctx context.Context, seg segment, progress func()) error {
	results := make([]fileResult, seg.to-seg.from)
	var spill *resultSpill
	if seg.units != nil {
		spill = newResultSpill(s.opts, len(results))
		defer spill.close()
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.jobs)
	for i := seg.from; i < seg.to; i++ {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			k := i - seg.from
			var err error
			if results[k], err = checkInput(s.opts, s.inputs[i], progress); err != nil || spill == nil {
				return err
			}
			return spill.keep(k, &results[k])
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, u := range seg.units {
		if err := s.runUnit(ctx, u, s.inputs[seg.from:seg.to], results); err != nil {
			return err
		}
	}
	for k := range results {
		if spill != nil {
			if err := spill.get(k, &results[k]); err != nil {
				return err
			}
		}
		// Once-per-run notes are kept for the first file in report
		// order, before the delivery counts its files' findings (as
		// Run): the delivery rules read no file's findings, so this
		// waits until each file is reported.
		results[k].findings = dropRepeatedNotes(s.once, results[k].findings, s.notes)
		if err := s.report(&results[k]); err != nil {
			return err
		}
		results[k] = fileResult{} // reported: its findings may go
	}
	return nil
}

// runUnit runs u's delivery rules on its files' results, records u and
// holds its findings until the files they name are reported. The record
// counts findings as they are reported, once the waivers and the baseline
// have decided them.
func (s *deliveryStream) runUnit(ctx context.Context, u *unit, inputs []input, results []fileResult) error {
	if err := checkDeliveries(ctx, s.opts, []*unit{u}, inputs, results, hashing.New(int64(s.jobs)), s.jobs); err != nil {
		return err
	}
	k := s.unitIndex[u]
	s.records[k] = unitRecordUncounted(u, inputs, results)
	for _, f := range u.findings {
		s.seq++
		h := heldFinding{f: f, unit: k, seq: s.seq}
		i, found := slices.BinarySearchFunc(s.inputs, f.File, func(in input, p string) int { return cmp.Compare(in.path, p) })
		switch {
		case s.next > 0 && f.File <= s.lastPath:
			return fmt.Errorf("internal error: a finding of delivery %s names %s, whose place in the report is passed (please report it)", u.root, f.File)
		case found && !s.skipped[i] && i >= s.next:
			s.pending[f.File] = append(s.pending[f.File], h)
		default:
			s.loose = append(s.loose, h)
		}
	}
	u.findings = nil // held above; the unit is done
	return nil
}

// report hands the next input's part to emit.
func (s *deliveryStream) report(r *fileResult) error {
	i := s.next
	s.next++
	held := s.pending[s.inputs[i].path]
	delete(s.pending, s.inputs[i].path)
	if r.skip {
		s.skipped[i] = true
		s.loose = append(s.loose, held...)
		return nil
	}
	if err := s.reportLoose(r.record.Path); err != nil {
		return err
	}
	s.lastPath = r.record.Path
	if len(r.findings) > 0 {
		if s.last != nil && compareFindings(*s.last, r.findings[0]) > 0 {
			return fmt.Errorf("internal error: %s has findings out of report order after %s (please report it)", r.record.Path, s.last.File)
		}
		s.last = lastKey(&r.findings[len(r.findings)-1])
	}
	// Each finding counts in the record of the delivery it belongs to:
	// the file's own findings in the file's delivery's, held ones in the
	// delivery whose rules gave them.
	own := -1
	if m := s.inputs[i].meta; m != nil {
		own = s.unitIndex[m.u]
	}
	findings, owner := r.findings, []int(nil)
	switch {
	case len(held) > 0:
		slices.SortFunc(held, compareHeld)
		findings, owner = mergeHeld(r.findings, own, held)
	case own >= 0:
		owner = make([]int, len(findings))
		for j := range owner {
			owner[j] = own
		}
	}
	findings, owner, baselined := s.accept.decide(findings, owner)
	s.sum.Baselined += baselined
	for j := range findings {
		f := &findings[j]
		if !counts(f) {
			s.sum.Waived++
			continue
		}
		s.count(f)
		r.record.AddFinding(f)
		if owner != nil && owner[j] >= 0 {
			countInRecord(&s.records[owner[j]], f, s.opts.FailOn)
		}
	}
	s.sum.AddCounts(r.record.Counts)
	if r.folder {
		// A folder that could not be walked: its findings count, but it
		// is no file checked, and has no record (as in the whole report).
		if len(findings) == 0 {
			return nil // all known to the baseline: nothing to say about it
		}
		return s.emit(report.Part{Findings: findings})
	}
	s.sum.Files++
	s.sum.Cues += r.record.Cues
	rec := withPathBytes(r.record)
	part := report.Part{File: &rec, Findings: findings}
	// The file's own array or the merge's: the engine is done with either
	// (segment forgets the result once reported).
	s.opts.Recycler.lend(part, r.texts)
	return s.emit(part)
}

// reportLoose reports the delivery findings about paths without a record
// that sort before path (all of them for ""), one part per path in path
// order: where the whole report's findings have them.
func (s *deliveryStream) reportLoose(before string) error {
	slices.SortFunc(s.loose, compareHeld)
	i := 0
	for i < len(s.loose) && (before == "" || s.loose[i].f.File < before) {
		j := i + 1
		for j < len(s.loose) && s.loose[j].f.File == s.loose[i].f.File {
			j++
		}
		part := make([]rule.Finding, 0, j-i)
		owner := make([]int, 0, j-i)
		for _, h := range s.loose[i:j] {
			part = append(part, h.f)
			owner = append(owner, h.unit)
		}
		s.lastPath = s.loose[i].f.File
		i = j
		part, owner, baselined := s.accept.decide(part, owner)
		s.sum.Baselined += baselined
		if len(part) == 0 {
			continue // all known to the baseline: nothing to say about the path
		}
		for k := range part {
			f := &part[k]
			if !counts(f) {
				s.sum.Waived++
				continue
			}
			s.count(f)
			s.sum.AddFinding(f)
			countInRecord(&s.records[owner[k]], f, s.opts.FailOn)
		}
		if err := s.emit(report.Part{Findings: part}); err != nil {
			return err
		}
	}
	s.loose = slices.Delete(s.loose, 0, i)
	return nil
}

// count folds a finding into the verdict.
func (s *deliveryStream) count(f *rule.Finding) {
	if counts(f) && f.Severity >= s.opts.FailOn {
		s.sum.Passed = false
	}
}

// mergeHeld merges a file's own findings (a, all counting for delivery
// own, -1 for none) with the delivery findings held for it (sorted), in
// report order, ties to the file's own as in the whole report; owner says
// which delivery each finding counts for.
func mergeHeld(a []rule.Finding, own int, held []heldFinding) (out []rule.Finding, owner []int) {
	out = make([]rule.Finding, 0, len(a)+len(held))
	owner = make([]int, 0, len(a)+len(held))
	i, j := 0, 0
	for i < len(a) || j < len(held) {
		if j < len(held) && (i == len(a) || compareFindings(held[j].f, a[i]) < 0) {
			out = append(out, held[j].f)
			owner = append(owner, held[j].unit)
			j++
		} else {
			out = append(out, a[i])
			owner = append(owner, own)
			i++
		}
	}
	return out, owner
}
