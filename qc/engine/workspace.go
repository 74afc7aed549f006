package engine

import (
	"sync"
	"unsafe"

	"github.com/exportqc/exportqc/qc/rule"
)

// A workspace is the memory one worker carries from one file to the next,
// so that a run of many files does not allocate (and collect) the same
// buffers once per file: the read buffer, the buffer collecting the
// file's findings, and the rule.File and rule.Pass with the memo the rules
// share and the scratch memory memos are built in (rule.Pass.Scratch: the
// line facts, G002's tally, lines and ranking, L001/T005's line widths,
// refilled for each file; File.Reset ends the memos that point into it),
// and the File's own text chunk and timecode slab the findings' texts are
// appended to. Workers take one from the pool for each
// file and put it back when the file's result no longer points into it.
//
// The read buffer is the one thing that needs care: valid UTF-8 is
// decoded without a copy (textenc.DecodeOwned), so a document's strings
// (cue ids, lines, raw payloads) point into it, and so may a finding's
// (a cue id, a message quoting a line). Before the buffer is reused,
// every string of the result that points into it is copied out (own).
type workspace struct {
	data     []byte         // the read buffer, reused when nothing can keep it (reusesData)
	cur      []byte         // what the current file was read into: data, or a file too large to keep
	findings []rule.Finding // collects one file's findings; copied out at their number
	file     rule.File
	pass     rule.Pass
	inBuf    []*string // ownResult's list of the strings it copies; emptied after each file
	order    orderBufs // the sort of the findings into report order
	// res is the result being collected, add its add method, bound once
	// (a method value handed to the rules is an allocation each time).
	res fileResult
	add func(rule.Finding)
}

// maxKeptData is the largest read buffer a workspace keeps for the next
// file: a rare large file should not pin its size in every worker.
const maxKeptData = 4 << 20

// maxKeptFindings is the largest finding buffer a workspace keeps (about
// 1 MB: a finding is ~240 bytes); a dense episode has a few hundred.
const maxKeptFindings = 4096

var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// reusesData reports whether a run may read files into the workspace's
// buffer: not when fixes are asked for (a fix keeps the file's bytes to
// edit) nor when files come from ReadFile (the bytes are the caller's).
func (o *Options) reusesData() bool { return !o.SuggestFixes && o.ReadFile == nil }

// read returns the run's reader for one file: into ws's buffer when the
// run allows it, else a buffer of the file's own.
func (ws *workspace) read(opts *Options) func(string) ([]byte, error) {
	if ws == nil || !opts.reusesData() {
		return opts.reader()
	}
	limit := opts.maxFileSize()
	return func(p string) ([]byte, error) {
		data, err := readFileInto(ws.data, p, limit)
		ws.cur = data
		if err == nil && cap(data) <= maxKeptData {
			ws.data = data
		}
		return data, err
	}
}

// newFile is the rule.File for the next file: the workspace's, emptied
// (its memo keeps its memory), or a new one without a workspace.
func (ws *workspace) newFile(path string) *rule.File {
	if ws == nil {
		return &rule.File{Path: path}
	}
	ws.file.Reset(path)
	return &ws.file
}

// newResult is where checkFile collects a file's result, starting as r,
// and the function the rules add findings with: the workspace's own, its
// findings in the workspace's buffer, or new ones without a workspace.
// checkFile returns a copy; release empties the workspace's.
func (ws *workspace) newResult(r fileResult) (*fileResult, func(rule.Finding)) {
	if ws == nil {
		res := new(fileResult)
		*res = r
		return res, res.add
	}
	r.findings = ws.findings[:0]
	ws.res = r
	if ws.add == nil {
		ws.add = ws.res.add
	}
	return &ws.res, ws.add
}

// newPass is the rule.Pass runRules resets for each rule.
func (ws *workspace) newPass() *rule.Pass {
	if ws == nil {
		return new(rule.Pass)
	}
	return &ws.pass
}

// release lets go of what the workspace's File and Pass point to (the
// document, through the memo), so that a pooled workspace keeps only
// memory, not the last file.
func (ws *workspace) release() {
	ws.file.Reset("")
	ws.pass = rule.Pass{}
	ws.res = fileResult{}
	ws.cur = nil
}

// own makes s a copy of its own if it points into the bytes the current
// file was read into. A file too large for the workspace to keep is
// copied out of too: a cue id pointing into it would otherwise keep the
// whole file (up to the size limit) until the end of the run, and a
// language code would keep it in the packs' caches for the process.
func (ws *workspace) own(s string) string {
	if ws == nil || !inBuffer(s, ws.cur) {
		return s
	}
	return string([]byte(s))
}

// ownResult copies every string of res that points into the read buffer
// into one new block, so that res outlives the buffer's reuse. Most
// results have none; a dense SRT file has one cue id per finding.
func (ws *workspace) ownResult(res *fileResult) {
	if ws == nil || cap(ws.cur) == 0 {
		return
	}
	// One walk over the result finds the strings to copy and their size;
	// the copy then visits only those (a dense file: one cue id a finding).
	inBuf, size := res.stringsIn(bufferOf(ws.cur), ws.inBuf[:0])
	if size > 0 {
		block := make([]byte, 0, size)
		for _, s := range inBuf {
			at := len(block)
			block = append(block, *s...)
			*s = unsafe.String(&block[at], len(*s))
		}
	}
	clear(inBuf) // the list must not keep this file's result alive
	ws.inBuf = inBuf[:0]
	if cap(inBuf) > maxKeptFindings {
		ws.inBuf = nil // a rare file with thousands: not kept in every worker
	}
}

// stringsIn appends to list every string of the result that points into
// buf: the file record's and each finding's (fixes included; waivers are
// only applied later, to the finished results); size is their length.
// TestOwnResultCoversEveryString keeps it complete as the types grow.
// Written out field by field: a dense file has thousands of strings, and
// this runs for every file.
func (res *fileResult) stringsIn(buf buffer, list []*string) (_ []*string, size int) {
	r := &res.record
	for _, s := range [...]*string{&r.Path, &r.Format, &r.Profile, &r.Encoding, &r.Language, &r.LanguageSource,
		&r.FrameRate, &r.FrameRateSource, &r.Delivery, &r.Kind} {
		list, size = buf.note(list, size, s)
	}
	for i := range res.findings {
		f := &res.findings[i]
		list, size = buf.note(list, size, &f.Rule)
		list, size = buf.note(list, size, &f.Name)
		list, size = buf.note(list, size, &f.File)
		list, size = buf.note(list, size, &f.CueID)
		list, size = buf.note(list, size, &f.Message)
		list, size = buf.note(list, size, &f.Expected)
		list, size = buf.note(list, size, &f.Actual)
		list, size = buf.note(list, size, &f.Source)
		list, size = buf.note(list, size, &f.NoFix)
		for j := range f.Fixes {
			fix := &f.Fixes[j]
			list, size = buf.note(list, size, &fix.Message)
			for k := range fix.Edits {
				list, size = buf.note(list, size, &fix.Edits[k].New)
			}
		}
	}
	return list, size
}

// buffer is where a read buffer's array lies in memory.
type buffer struct{ lo, n uintptr }

func bufferOf(b []byte) buffer {
	return buffer{uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(cap(b))}
}

// holds reports whether s has bytes inside the buffer's array.
func (b buffer) holds(s string) bool {
	// One unsigned comparison: below lo wraps round to a huge offset.
	return len(s) > 0 && uintptr(unsafe.Pointer(unsafe.StringData(s)))-b.lo < b.n
}

// note appends s to list, and its length to size, when its bytes lie in b.
func (b buffer) note(list []*string, size int, s *string) ([]*string, int) {
	if b.holds(*s) {
		return append(list, s), size + len(*s)
	}
	return list, size
}

// inBuffer reports whether s has bytes inside buf's array.
func inBuffer(s string, buf []byte) bool { return bufferOf(buf).holds(s) }
