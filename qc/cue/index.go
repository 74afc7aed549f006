package cue

import (
	"strings"
	"unsafe"
)

// LineIndex records where each line of a text starts and ends, so a reader
// can look ahead and back (SRT resynchronisation, WebVTT blocks) without
// copying: Text(i) is a substring of the source. Lines are split as
// LineScanner splits them (LF, CRLF, CR). Offsets are int32 and hold no
// pointers, so the index of a large file costs the GC nothing to scan;
// readers refuse inputs over 2 GiB before indexing.
type LineIndex struct {
	src   string
	lines []lineSpan
	// marks has bit i set when line i holds markup or a NUL (see
	// markLines): Plain reads it. Empty when no line is marked.
	marks []uint64
	// arrows has bit i set when line i holds "-->": see MarkArrows.
	arrows []uint64
	nul    bool // src holds a NUL (HasNUL)
	// noCR is set when src holds no CR: every line then ends with a
	// plain LF, and Join returns a substring without testing the line
	// ends of each range.
	noCR bool
	// joined holds the texts Join had to copy (lines not separated by a
	// plain LF, as in every CRLF file): written one after another into
	// shared blocks, not allocated one string each. A pointer, so that
	// copies of the index append to the same block and never over each
	// other's texts.
	joined *joinBlock
}

// joinBlock is where Join writes copied texts. Bytes once written are
// never written again (appends only go past them, and a full block is
// replaced, not grown), so the strings made over them stay immutable.
type joinBlock struct{ buf []byte }

// minJoinBlock is the smallest block: about a hundred two-line payloads.
const minJoinBlock = 4 << 10

type lineSpan struct{ off, n int32 }

// IndexLines indexes src.
func IndexLines(src string) LineIndex {
	return indexLinesInto(make([]lineSpan, 0, countLines(src)), nil, src)
}

// indexLinesInto indexes src in lines (empty, with room for all of them)
// and marks (empty).
func indexLinesInto(lines []lineSpan, marks []uint64, src string) LineIndex {
	start := 0
	if hasBOM(src) {
		start = 3 // as LineScanner: the encoding layer reports it
	}
	// One search of the text, many bytes at a time (stopping at once in
	// a CRLF file), lets the split look for LFs alone and spares Join
	// its test of each line end of each cue.
	noCR := strings.IndexByte(src, '\r') < 0
	if noCR {
		lines = appendLFLines(lines, src, start)
	} else {
		lines = appendLines(lines, src, start)
	}
	marks, nul := markLines(lines, marks, src)
	return LineIndex{src: src, lines: lines, marks: marks, nul: nul, noCR: noCR}
}

// countLines is how many lines src has at most: one more than its LFs (or
// than its CRs when it has no LF, as old Mac files). Counting is a fast
// pass that sizes the index once, exactly for LF and CRLF files.
func countLines(src string) int {
	n := strings.Count(src, "\n")
	if n == 0 {
		n = strings.Count(src, "\r")
	}
	return n + 1
}

func hasBOM(src string) bool {
	return len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF
}

// Len is the number of lines.
func (x *LineIndex) Len() int { return len(x.lines) }

// Text is line i (0-based) without its terminator.
func (x *LineIndex) Text(i int) string {
	l := x.lines[i]
	// Every span lies within src (the split made it so): made without
	// the two bounds checks of a slice expression, as readers ask for
	// each line several times.
	return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(x.src)), l.off)), l.n)
}

// Plain reports whether lines [a, b) are known to hold no '<', '&', '{'
// or NUL: each is then its own display text in any markup dialect, and a
// reader can take Text(i) as it is instead of decoding Join(a, b). False
// means they may hold some.
func (x *LineIndex) Plain(a, b int) bool {
	for i := uint(a); i < uint(b); i++ {
		if w := i / 64; w < uint(len(x.marks)) && x.marks[w]&(1<<(i%64)) != 0 {
			return false
		}
	}
	return true
}

// HasNUL reports whether the text holds a NUL byte anywhere (strings.
// IndexByte(src, 0) >= 0), found by the search that marks lines.
func (x *LineIndex) HasNUL() bool { return x.nul }

// Offset is the byte offset of line i.
func (x *LineIndex) Offset(i int) int64 { return int64(x.lines[i].off) }

// Join returns lines [a, b) joined by "\n": a substring of the source when
// they are separated by plain LFs (no copy), else a copy in the index's
// shared block (see joinBlock).
func (x *LineIndex) Join(a, b int) string {
	if a >= b {
		return ""
	}
	if x.noCR {
		// Every line ends with an LF: lines [a, b) are contiguous.
		last := x.lines[b-1]
		return x.src[x.lines[a].off : last.off+last.n]
	}
	return x.joinLines(a, b)
}

// joinLines is Join for a text with CRs, testing each line end: the
// general path, which Join's test compares the CR-free one with.
func (x *LineIndex) joinLines(a, b int) string {
	contiguous, size := true, 0
	for k := a; k < b; k++ {
		l := x.lines[k]
		size += int(l.n) + 1
		if k > a && (l.off != x.lines[k-1].off+x.lines[k-1].n+1 || x.src[l.off-1] != '\n') {
			contiguous = false
		}
	}
	if contiguous {
		last := x.lines[b-1]
		return x.src[x.lines[a].off : last.off+last.n]
	}
	if x.joined == nil {
		x.joined = &joinBlock{}
	}
	blk := x.joined
	if cap(blk.buf)-len(blk.buf) < size-1 {
		blk.buf = make([]byte, 0, max(minJoinBlock, size-1))
	}
	from := len(blk.buf)
	for k := a; k < b; k++ {
		if k > a {
			blk.buf = append(blk.buf, '\n')
		}
		blk.buf = append(blk.buf, x.Text(k)...)
	}
	out := blk.buf[from:]
	return unsafe.String(unsafe.SliceData(out), len(out))
}
