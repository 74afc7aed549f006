package engine

import (
	"bufio"
	"fmt"
	"os"
	"sync"
	"unsafe"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// DefaultSpillAbove is how many bytes of file results (an estimate of
// their findings and records) a delivery keeps in memory while its files
// are checked; the results after that wait for its delivery rules in a
// temporary file. A 2,400-file delivery of dense files held about half a
// gigabyte; most deliveries stay far below this and never touch the disk.
const DefaultSpillAbove = 32 << 20

// spillLimit is opts.spillAbove, or the default; below zero every result
// of a delivery is spilled (the tests' way to force it on small trees).
func (o *Options) spillLimit() int64 {
	if o.spillAbove == 0 {
		return DefaultSpillAbove
	}
	return o.spillAbove
}

// resultSpill holds the results of one segment with deliveries: the first
// ones in memory up to the limit, the others encoded (spillcodec.go) in
// an unlinked temporary file, read back one at a time in report order.
// Only what the delivery rules read of a spilled result stays in memory:
// whether it was skipped, and its format.
type resultSpill struct {
	limit int64
	mu    sync.Mutex
	held  int64    // bytes of results kept in memory
	file  *os.File // nil until the first result is spilled
	w     *bufio.Writer
	size  int64
	at    []spillRef // by result index; n == 0: in memory
	buf   []byte     // get's read buffer
	// noFile: the temporary file could not be made; everything stays in
	// memory.
	noFile bool
	count  *int // tests: results spilled so far
}

type spillRef struct {
	off int64
	n   int
}

func newResultSpill(opts *Options, results int) *resultSpill {
	return &resultSpill{limit: opts.spillLimit(), at: make([]spillRef, results), count: opts.spilled}
}

// keep decides where result k waits: in memory while the segment's
// results fit under the limit, else in the spill, leaving in r only what
// the delivery rules read. Safe for concurrent use by the workers.
func (s *resultSpill) keep(k int, r *fileResult) error {
	size := resultSize(r)
	s.mu.Lock()
	if s.noFile || s.limit >= 0 && s.held+size <= s.limit {
		s.held += size
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	// Encoded outside the lock: workers encode in parallel.
	rec := appendResult(make([]byte, 0, size), r)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil {
		if err := s.open(); err != nil {
			// No temporary file to be had (TMPDIR unwritable): the
			// results stay in memory, as they did before there was a
			// spill; a run is not failed for want of one.
			s.noFile = true
			s.held += size
			return nil
		}
	}
	if _, err := s.w.Write(rec); err != nil {
		return fmt.Errorf("spilling a delivery's results: %w", err)
	}
	s.at[k] = spillRef{off: s.size, n: len(rec)}
	s.size += int64(len(rec))
	if s.count != nil {
		*s.count++
	}
	*r = fileResult{skip: r.skip, folder: r.folder, record: report.File{Format: r.record.Format}}
	return nil
}

// open makes the temporary file and unlinks it at once: it lives only as
// long as its descriptor, whatever way the run ends, and has no name that
// anything else could open, replace or find left behind.
func (s *resultSpill) open() error {
	f, err := os.CreateTemp("", "exportqc-delivery-*")
	if err != nil {
		return fmt.Errorf("spilling a delivery's results: %w", err)
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return fmt.Errorf("spilling a delivery's results: %w", err)
	}
	s.file, s.w = f, bufio.NewWriterSize(f, 1<<20)
	return nil
}

// get gives result k back whole: from memory, or read from the spill.
// Called in report order once every worker is done.
func (s *resultSpill) get(k int, r *fileResult) error {
	ref := s.at[k]
	if ref.n == 0 {
		return nil
	}
	if s.w.Buffered() > 0 {
		if err := s.w.Flush(); err != nil {
			return fmt.Errorf("spilling a delivery's results: %w", err)
		}
	}
	if cap(s.buf) < ref.n {
		s.buf = make([]byte, ref.n)
	}
	buf := s.buf[:ref.n] // decodeResult copies what it keeps
	if _, err := s.file.ReadAt(buf, ref.off); err != nil {
		return fmt.Errorf("reading a delivery's spilled results back: %w", err)
	}
	back, err := decodeResult(buf)
	if err != nil {
		return fmt.Errorf("reading a delivery's spilled results back: %w", err)
	}
	*r = back
	return nil
}

// close frees the temporary file (already unlinked).
func (s *resultSpill) close() {
	if s != nil && s.file != nil {
		s.file.Close()
		s.file = nil
	}
}

// resultSize estimates the memory r holds: its findings and record with
// their strings. An estimate is enough: it only decides when to spill.
func resultSize(r *fileResult) int64 {
	n := int64(unsafe.Sizeof(*r)) + int64(len(r.record.Path)+len(r.record.PathBytes)+len(r.record.Language)+len(r.record.Delivery))
	for i := range r.findings {
		f := &r.findings[i]
		n += int64(unsafe.Sizeof(*f)) + int64(len(f.Rule)+len(f.Name)+len(f.File)+len(f.CueID)+len(f.Message)+
			len(f.Expected)+len(f.Actual)+len(f.Source)+len(f.NoFix))
		if f.Start != nil {
			n += 8
		}
		if f.End != nil {
			n += 8
		}
		for _, x := range f.Fixes {
			n += int64(len(x.Message)) + int64(len(x.Edits))*int64(unsafe.Sizeof(rule.TextEdit{}))
			for _, e := range x.Edits {
				n += int64(len(e.New))
			}
		}
	}
	return n
}
