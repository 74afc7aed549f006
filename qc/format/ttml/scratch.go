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

// release hands the reader's scratch back for the next document; the
// reader is not used after it.
func (r *reader) release() {
	sc := r.scratch
	if sc == nil {
		return
	}
	sc.kept, sc.keptN = r.lines.kept[:0], r.lines.keptN[:0]
	if r.ids != nil {
		sc.ids, sc.idExtra = r.ids.slots[:0], r.ids.extra[:0]
	}
	r.lines.kept, r.lines.keptN, r.ids, r.scratch = nil, nil, nil, nil
	scratchPool.Put(sc)
}
