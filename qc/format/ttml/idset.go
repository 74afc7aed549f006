package ttml

import (
	"hash/maphash"
	"unsafe"
)

// idSet is the set of xml:id values seen so far, each with the line it was
// first seen on (P005 names it). Nearly every paragraph has an id, so a
// lookup and an insertion are one hash and one probe sequence of an
// open-addressing table whose slots hold where the id is written (a piece
// of src, or of extra for the rare id written with references): the table
// has no pointers for the collector to scan, and filling it costs no write
// barriers, where a map[string]int cost a hash and a probe for each of the
// two.
type idSet struct {
	src   string
	seed  maphash.Seed
	slots []idSlot // a power of two long; at most 3/4 used
	n     int
	extra []byte // ids not written as is in src, one after another
}

type idSlot struct {
	hash uint64 // never 0 in a used slot
	from int    // src[from:from+size], or extra[-from-1:][:size] when from < 0
	size int
	line int
}

// newIDSet returns an empty set for ids in src, with room for expected
// ids, made in sc's buffers when they are big enough.
func newIDSet(src string, expected int, sc *scratch) *idSet {
	n := 16
	for n*3/4 < expected {
		n *= 2
	}
	slots := reuse(sc.ids, n)[:n]
	clear(slots)
	return &idSet{src: src, seed: maphash.MakeSeed(), slots: slots, extra: sc.idExtra[:0]}
}

// add records id, first seen on line, and returns 0; when id was already
// recorded it records nothing and returns the line it was first seen on.
func (s *idSet) add(id string, line int) (first int) {
	h := maphash.String(s.seed, id) | 1
	mask := len(s.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.hash == 0 {
			if (s.n+1)*4 > len(s.slots)*3 {
				s.grow()
				return s.add(id, line)
			}
			*sl = idSlot{hash: h, from: s.place(id), size: len(id), line: line}
			s.n++
			return 0
		}
		if sl.hash == h && sl.size == len(id) && s.text(sl) == id {
			return sl.line
		}
	}
}

// place returns where id is written in src, or copies it into extra.
func (s *idSet) place(id string) int {
	if id != "" && len(id) <= len(s.src) {
		base := uintptr(unsafe.Pointer(unsafe.StringData(s.src)))
		p := uintptr(unsafe.Pointer(unsafe.StringData(id)))
		if p >= base && p-base <= uintptr(len(s.src)-len(id)) {
			return int(p - base)
		}
	}
	from := len(s.extra)
	s.extra = append(s.extra, id...)
	return -from - 1
}

func (s *idSet) text(sl *idSlot) string {
	if sl.from >= 0 {
		return s.src[sl.from : sl.from+sl.size]
	}
	from := -sl.from - 1
	return unsafe.String(unsafe.SliceData(s.extra[from:]), sl.size)
}

// grow doubles the table, placing every id anew.
func (s *idSet) grow() {
	old := s.slots
	s.slots = make([]idSlot, 2*len(old))
	mask := len(s.slots) - 1
	for _, sl := range old {
		if sl.hash == 0 {
			continue
		}
		i := int(sl.hash) & mask
		for s.slots[i].hash != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = sl
	}
}
