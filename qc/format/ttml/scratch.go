package ttml

import "sync"

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

// maxKept bounds the buffers kept for the next document (in elements):
// those of a huge one (a few MB and up) are left to the collector rather
// than held while ordinary documents are read.
const maxKept = 1 << 17

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
	if cap(s) > maxKept {
		return nil
	}
	return s[:0]
}
