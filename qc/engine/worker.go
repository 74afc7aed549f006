package engine

// checkInput is the body every run's workers share (Run, RunEach,
// RunStream): check one input, fail the run when the machine rather than
// the file is at fault, stamp what its delivery says about it, and sort its
// findings here, in parallel, so that putting files together later is a
// concatenation. progress, if not nil, is called once the file is done.
//
// Each file is checked in a workspace from the pool (workspace.go): its
// findings are collected in the workspace's buffer and then copied out at
// their exact number (grown one append at a time, each file's slice would
// allocate about twice what it keeps: findings are large structs, and a
// dense file has hundreds; a run with a Recycler copies them into an
// array its writers are done with), after every string of the result
// that points into the workspace's read buffer has been given its own
// copy.
func checkInput(opts *Options, in input, progress func()) (fileResult, error) {
	ws := workspaces.Get().(*workspace)
	res, err := ws.check(opts, in)
	if err != nil {
		return res, err
	}
	workspaces.Put(ws)
	if progress != nil {
		progress()
	}
	return res, nil
}

// check is checkInput's work in one workspace, which is ready for the
// next file when it returns without an error.
func (ws *workspace) check(opts *Options, in input) (fileResult, error) {
	// Finished in the workspace's own slot (ownResult keeps pointers to
	// its strings for a moment: a local would be moved to the heap).
	tracked := opts.Recycler.tracksTexts()
	if tracked {
		// The file's texts and timecodes in memory of their own, given
		// back with its findings' array (Recycler).
		ws.file.TrackTexts(opts.Recycler.supply)
	}
	ws.res = checkFileSafely(opts, in, ws)
	res := &ws.res
	if err := res.runError(); err != nil {
		return *res, err
	}
	stampDelivery(res, in)
	collected := res.findings
	res.findings = sortedInto(opts.Recycler.take(len(collected)), collected, &ws.order)
	ws.order.trim()
	ws.ownResult(res)
	if tracked {
		res.texts = ws.file.TakeTexts()
	}
	out := *res
	clear(collected) // the buffer must not keep this file's strings alive
	ws.findings = collected[:0]
	if cap(collected) > maxKeptFindings {
		ws.findings = nil // a rare file with thousands: not kept in every worker
	}
	ws.release()
	return out, nil
}
