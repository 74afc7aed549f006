package engine

import (
	"slices"
	"sync"

	"github.com/exportqc/exportqc/qc/rule"
)

// checkInput is the body every run's workers share (Run, RunEach,
// RunStream): check one input, fail the run when the machine rather than
// the file is at fault, stamp what its delivery says about it, and sort its
// findings here, in parallel, so that putting files together later is a
// concatenation. progress, if not nil, is called once the file is done.
//
// A file's findings are collected in a buffer the workers reuse and then
// copied out at their exact number: grown one append at a time, each
// file's slice would allocate about twice what it keeps (findings are
// large structs, and a dense file has hundreds).
func checkInput(opts *Options, in input, progress func()) (fileResult, error) {
	buf := findingBufs.Get().(*[]rule.Finding)
	res := checkFileSafely(opts, in, *buf)
	if err := res.runError(); err != nil {
		return res, err
	}
	stampDelivery(&res, in)
	sortFindings(res.findings)
	collected := res.findings
	res.findings = nil
	if len(collected) > 0 {
		res.findings = slices.Clone(collected)
	}
	clear(collected) // the buffer must not keep this file's strings alive
	*buf = collected[:0]
	findingBufs.Put(buf)
	if progress != nil {
		progress()
	}
	return res, nil
}

// findingBufs are the workers' finding buffers (checkInput).
var findingBufs = sync.Pool{New: func() any { return new([]rule.Finding) }}
