package rule

import (
	"slices"
	"sync"
	"unsafe"
)

// Finding texts (messages, expected and actual values) are built by
// appending into shared chunks of a few kilobytes instead of one string
// allocation per concatenation: a finding-dense run makes hundreds of
// thousands of them, and each used to cost several allocations (the
// numbers, then the message) and its share of the collector's work.
//
// A chunk is only ever appended to, so a string handed out stays valid
// for as long as something points into it (the collector keeps the whole
// chunk alive for it). A rule's texts go to its File's own chunk
// (Pass.Text: a worker runs its rules one after another on one File);
// other texts, and a text built while building another, take a chunk
// from a sync.Pool, held alone while the text is built, so nothing
// running in parallel ever shares bytes. A run that knows when a file's
// findings are written has the File keep that file's texts apart and
// hand their chunks over (File.TrackTexts), to be written over for
// later files once nothing reads them.

// textChunkSize is the size of a new chunk: a dense file's few hundred
// messages of ~80 bytes fill a handful.
const textChunkSize = 8 << 10

// textRoom is the least spare room a text starts with; a longer text
// outgrows it through append, which moves it to a larger array of its own.
const textRoom = 512

type textChunk struct {
	buf  []byte
	busy bool // a text is being built in it (see Pass.Text)
	// tracking is set while a File's texts are kept apart from other
	// files' (File.TrackTexts): held lists the chunks they were written
	// in, buf last; new chunks come from supply, when it gives one.
	tracking bool
	held     [][]byte
	supply   func() []byte
}

var textChunks = sync.Pool{New: func() any { return new(textChunk) }}

// Text returns the string that build appends to an empty slice, stored in
// a shared chunk. build must only append to the slice it is given and
// return the result (as the strconv Append functions do), and must not
// keep it.
func Text(build func(b []byte) []byte) string {
	c := textChunks.Get().(*textChunk)
	s := c.text(build)
	textChunks.Put(c)
	return s
}

// Text is rule.Text written in the file's own chunk instead of a pooled
// one: a worker's rules run one after another on its File, so the chunk
// needs no pool (whose Get and Put were a good part of a finding's cost).
// A text built inside another (build calling p.Text) takes a pooled chunk.
func (p *Pass) Text(build func(b []byte) []byte) string {
	c := &p.File.texts
	if c.busy {
		return Text(build)
	}
	c.busy = true
	s := c.text(build)
	c.busy = false
	return s
}

func (c *textChunk) text(build func(b []byte) []byte) string {
	if cap(c.buf)-len(c.buf) < textRoom {
		c.buf = c.next()
	}
	start := len(c.buf)
	b := build(c.buf)
	s := ""
	if n := len(b) - start; n > 0 {
		// Whether append grew into a new array or not, b holds the text at
		// [start:]; earlier texts keep the array they were written in.
		s = unsafe.String(&b[start], n)
		if c.tracking && start > 0 && &b[0] != &c.buf[:1][0] {
			c.held = append(c.held, c.buf) // grown out of: its texts stay
		}
	}
	c.buf = b // the next text starts after this one (or in a new chunk)
	return s
}

// next is a chunk to write texts in: a new one, or while tracking one
// from supply (the chunk left, if it holds texts, joins held).
func (c *textChunk) next() []byte {
	if !c.tracking {
		return make([]byte, 0, textChunkSize)
	}
	if len(c.buf) > 0 {
		c.held = append(c.held, c.buf)
	}
	if c.supply != nil {
		if b := c.supply(); cap(b) >= textRoom {
			return b[:0]
		}
	}
	return make([]byte, 0, textChunkSize)
}

// Supply gives a File that tracks its texts (File.TrackTexts) memory to
// write them in: a text chunk, a slab of timecodes. A func that is nil
// or gives nil means new memory.
type Supply struct {
	Texts     func() []byte
	Timecodes func() []Timecode
}

// Held is the memory a File's tracked texts and timecodes were written
// in (File.TakeTexts).
type Held struct {
	Texts     [][]byte
	Timecodes [][]Timecode
}

// TrackTexts starts keeping the texts the file's rules write (Pass.Text)
// and the timecodes of their findings (Pass.AtCue) in memory of their
// own, none shared with another file's, taken from supply: a run that
// knows when a file's findings are no longer read can then give that
// memory back for later files (TakeTexts). Texts and timecodes made
// through rule.Text and rule.Span are not kept apart, nor handed over.
func (f *File) TrackTexts(supply Supply) {
	texts, slabs := f.texts.held, f.timecodes.held
	clear(texts)
	clear(slabs)
	f.texts = textChunk{tracking: true, supply: supply.Texts, held: texts[:0]}
	f.timecodes = timecodeSlab{tracking: true, supply: supply.Timecodes, held: slabs[:0]}
}

// TakeTexts stops TrackTexts and returns the memory holding every text
// and timecode written through the File's passes since it started;
// nothing else is written in it. The File's next texts and timecodes go
// to new memory.
func (f *File) TakeTexts() Held {
	c, s := &f.texts, &f.timecodes
	if len(c.buf) > 0 {
		c.held = append(c.held, c.buf)
	}
	if len(s.free) < len(s.cur) {
		s.held = append(s.held, s.cur)
	}
	h := Held{Texts: slices.Clone(c.held), Timecodes: slices.Clone(s.held)}
	clear(c.held)
	clear(s.held)
	*c = textChunk{held: c.held[:0]}
	*s = timecodeSlab{held: s.held[:0]}
	return h
}

// Concat is a+b+… built as a Text: one message from its pieces without
// an allocation of its own.
func Concat(parts ...string) string {
	return Text(func(b []byte) []byte {
		for _, s := range parts {
			b = append(b, s...)
		}
		return b
	})
}
