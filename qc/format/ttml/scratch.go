package ttml

import (
	"sync"
	"unsafe"
)

// scratch holds what a reader needs only while it reads a document: the
// records of the kept cues' lines and the xml:id table. None of it holds a
// pointer, so keeping it from one document to the next (each worker reads
// many) keeps no document alive; it spares a third of the bytes reading a
// document used to allocate, and the collector's work for them.
type scratch struct {
	kept    []lineRec
	keptN   []int32
	ids     []idSlot
	idExtra []byte
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// reuse returns s emptied with room for n, or a new slice when s has not.
func reuse[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, n)
}

// maxKeptBytes bounds each buffer kept for the next document: enough for
// the line records of some 13,000 cues and the id table of 24,000 ids, so
// that every real subtitle file reuses them, while those of a huge document
// are left to the collector rather than held (a pooled scratch is at most
// about 2 MB, one per worker). Bytes rather than elements: a line record
// is 40 bytes, an id slot 32, a count 4.
const maxKeptBytes = 1 << 20

// release hands the reader's scratch back for the next document; the
// reader is not used after it.
func (r *reader) release() {
	sc := r.scratch
	if sc == nil {
		return
	}
	sc.kept, sc.keptN = bounded(r.lines.kept), bounded(r.lines.keptN)
	if r.ids != nil {
		sc.ids, sc.idExtra = bounded(r.ids.slots), bounded(r.ids.extra)
	}
	r.lines.kept, r.lines.keptN, r.ids, r.scratch = nil, nil, nil, nil
	scratchPool.Put(sc)
}

// bounded returns s emptied, or nil when it is too big to keep.
func bounded[T any](s []T) []T {
	var elem T
	if uintptr(cap(s))*unsafe.Sizeof(elem) > maxKeptBytes {
		return nil
	}
	return s[:0]
}
