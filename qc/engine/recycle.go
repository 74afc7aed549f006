package engine

import (
	"sync"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// A Recycler gives the arrays of a streamed run's findings back to its
// workers once every report writer has written them: a finding-dense run
// otherwise allocates each file's findings afresh (half of all it
// allocated: 120,000 findings of ~240 bytes), only to drop them a moment
// later.
//
// The arrays it lends are those of the parts RunStream emits with a
// file record (Part.File set), after the engine's last look at them: the
// engine keeps none of them (orderedEmit forgets a result once emitted,
// the waivers and the baseline keep counts, not findings). The parts
// without a record (a folder that could not be walked, a delivery's
// findings about its manifests, the waiver notes) are never recycled:
// the human formats hold those back to the end (report's recordsFirst),
// and the notes are counted again at the end of the run.
//
// The readers' side of the bargain: each of the run's readers (one per
// report writer) takes its parts through Reader, made before the run's
// first part, which says it is done with each part when the reader asks for the
// next one (or ends); a reader keeps copies of findings, never a part's
// slice nor a pointer into it. A finding's texts and timecodes are
// given back with its array too, unless the run has a reader that keeps
// some past their part (report.KeepsTexts: HTML, SARIF), said when the
// Recycler is made: a new writer must copy the texts it keeps, or be
// listed there. Its waiver is never recycled.
//
// Without a Recycler (Options.Recycler nil, as in Run and RunEach, whose
// results outlive any writer) every file's findings get a new array.
type Recycler struct {
	readers int32
	// keepsTexts is set when a reader keeps findings' texts past their
	// part (NewRecycler): then files' texts are not kept apart, and none
	// is given back. Set before the run, never changed.
	keepsTexts bool
	mu         sync.Mutex
	// lent maps the first element of each array lent to the readers
	// that have not yet said they are done with it, and the chunks of its texts.
	lent   map[*rule.Finding]loan
	free   [][]rule.Finding // arrays to use again, each at its full capacity
	chunks [][]byte         // text chunks to use again
	slabs  [][]rule.Timecode
	supply rule.Supply // r.chunk and r.slab, bound once
	// poison, set by tests, overwrites every array given back, so that a
	// reader that still reads one writes findings nobody made; reused
	// counts the arrays take gave out again.
	poison                           bool
	reused, reusedTexts, reusedSlabs int
}

// loan is what a lent part holds: readers still reading it, and the
// chunks of its file's texts (nil when they are not to be given back).
type loan struct {
	readers int32
	texts   rule.Held
}

// maxFreeChunks bounds the text chunks (8 KiB each) and the timecode
// slabs (2 KiB) a Recycler keeps: a dense file's fill a handful.
const maxFreeChunks = 256

// maxFreeArrays bounds the arrays a Recycler keeps for later: the run's
// window and the writers' queues hold a few dozen results at a time, so
// about that many come back before the workers take them again.
const maxFreeArrays = 64

// NewRecycler is a Recycler for one RunStream (Options.Recycler), with
// no reader yet. keepsTexts says that some reader of the run will keep
// findings' texts or timecodes past their part (report.KeepsTexts of any
// of its formats): then each file's texts are written where the worker's
// earlier files' are, as without a Recycler, and only the arrays go
// round. (Kept apart per file and never given back, they held a chunk
// each: an HTML report of 24,000 one-finding files took twice the
// memory.)
func NewRecycler(keepsTexts bool) *Recycler {
	r := &Recycler{lent: map[*rule.Finding]loan{}, keepsTexts: keepsTexts}
	r.supply = rule.Supply{Texts: r.chunk, Timecodes: r.slab}
	return r
}

// done says that one reader no longer reads p's findings. When every
// reader has said so, their array goes back to the workers. Parts the
// Recycler did not lend are ignored. Safe for concurrent use.
func (r *Recycler) done(p report.Part) {
	if r == nil || cap(p.Findings) == 0 {
		return
	}
	key := unsafe.SliceData(p.Findings)
	r.mu.Lock()
	defer r.mu.Unlock()
	l, ok := r.lent[key]
	if !ok {
		return
	}
	if l.readers > 1 {
		l.readers--
		r.lent[key] = l
		return
	}
	delete(r.lent, key)
	r.keep(p.Findings[:cap(p.Findings)])
	r.keepTexts(l.texts)
}

// Reader counts one more reader of every part, and returns next, its
// source of parts (a report.Stream's Next), saying it is done with each part at
// the call for the one after it, and with the last at the call that finds
// no more. Every reader must be made before the run's first part (in
// RunStream's start): a part is recycled once as many readers as there
// were when it was emitted are done with it.
func (r *Recycler) Reader(next func() (report.Part, bool)) func() (report.Part, bool) {
	r.mu.Lock()
	r.readers++
	r.mu.Unlock()
	var prev report.Part
	return func() (report.Part, bool) {
		r.done(prev)
		p, ok := next()
		prev = p
		return p, ok
	}
}

// tracksTexts reports whether each file's texts and timecodes are kept
// apart, to be given back with its findings' array.
func (r *Recycler) tracksTexts() bool { return r != nil && !r.keepsTexts }

// lend registers the findings of a part about to be emitted, which the
// engine no longer reads or keeps, with the memory of its file's texts
// and timecodes (File.TakeTexts), which nothing but its findings points
// into. Only parts with a file record.
func (r *Recycler) lend(p report.Part, texts rule.Held) {
	if r == nil || p.File == nil || cap(p.Findings) == 0 {
		return
	}
	r.mu.Lock()
	if r.readers > 0 { // without readers, nobody would give it back
		if r.keepsTexts {
			texts = rule.Held{}
		}
		r.lent[unsafe.SliceData(p.Findings)] = loan{readers: r.readers, texts: texts}
	}
	r.mu.Unlock()
}

// reclaim takes back an array lent but replaced before any reader saw it
// (notesPlace merging the waiver notes into a held part): it goes back
// to the workers at once, its texts not (the merged part holds them).
func (r *Recycler) reclaim(fs []rule.Finding) {
	if r == nil || cap(fs) == 0 {
		return
	}
	key := unsafe.SliceData(fs)
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.lent[key]; ok {
		delete(r.lent, key)
		r.keep(fs[:cap(fs)])
	}
}

// keep puts an array no reader reads any more on the free list; r.mu is
// held.
func (r *Recycler) keep(fs []rule.Finding) {
	if r.poison {
		for i := range fs {
			fs[i] = poisoned
		}
	}
	if len(r.free) < maxFreeArrays {
		r.free = append(r.free, fs)
	}
}

// keepTexts puts text chunks and timecode slabs no reader reads any
// more on the free lists; r.mu is held.
func (r *Recycler) keepTexts(h rule.Held) {
	for _, s := range h.Timecodes {
		if r.poison {
			for i := range s {
				s[i] = poisonedTime
			}
		}
		if len(r.slabs) < maxFreeChunks {
			r.slabs = append(r.slabs, s)
		}
	}
	for _, c := range h.Texts {
		if r.poison {
			c = c[:cap(c)]
			for i := range c {
				c[i] = '#'
			}
		}
		if len(r.chunks) < maxFreeChunks {
			r.chunks = append(r.chunks, c)
		}
	}
}

// chunk is a text chunk to write a file's texts in (File.TrackTexts), or
// nil when none is free.
func (r *Recycler) chunk() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return popFree(&r.chunks, &r.reusedTexts)
}

// slab is a timecode slab to write a file's timecodes in, or nil when
// none is free.
func (r *Recycler) slab() []rule.Timecode {
	r.mu.Lock()
	defer r.mu.Unlock()
	return popFree(&r.slabs, &r.reusedSlabs)
}

// popFree takes the last of a free list (nil when it is empty), counting
// it in reused; r.mu is held.
func popFree[T any](free *[][]T, reused *int) []T {
	n := len(*free)
	if n == 0 {
		return nil
	}
	x := (*free)[n-1]
	(*free)[n-1] = nil
	*free = (*free)[:n-1]
	*reused++
	return x
}

// poisonedTime is what a poisoned slab holds: 99:00:00.000.
const poisonedTime = rule.Timecode(99 * 3600 * cue.Second)

// poisoned is what a poisoned array holds: a finding no rule makes.
var poisoned = rule.Finding{Rule: "X999", Name: "recycled-finding-read", File: "recycled", Message: "a recycled finding was read"}

// take returns an array with room for n findings to write a file's
// findings into: the smallest free one that fits, or a new one with a
// quarter to spare (the next file's may be a little longer), nil
// without a Recycler (sortedInto then makes one of the exact size). When
// none fits, one too small is dropped, so that a run whose files grow
// does not keep arrays it will never use.
func (r *Recycler) take(n int) []rule.Finding {
	if r == nil || n == 0 {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	best := -1
	for i, fs := range r.free {
		if cap(fs) >= n && (best < 0 || cap(fs) < cap(r.free[best])) {
			best = i
		}
	}
	if best < 0 {
		if last := len(r.free) - 1; last >= 0 {
			r.free[last] = nil
			r.free = r.free[:last]
		}
		return make([]rule.Finding, 0, n+n/4)
	}
	r.reused++
	fs := r.free[best]
	last := len(r.free) - 1
	r.free[best] = r.free[last]
	r.free[last] = nil
	r.free = r.free[:last]
	return fs[:0]
}
