package engine

// checkInput is the body every run's workers share (Run, RunEach,
// RunStream): check one input, fail the run when the machine rather than
// the file is at fault, stamp what its delivery says about it, and sort its
// findings here, in parallel, so that putting files together later is a
// concatenation. progress, if not nil, is called once the file is done.
func checkInput(opts *Options, in input, progress func()) (fileResult, error) {
	res := checkFileSafely(opts, in)
	if err := res.runError(); err != nil {
		return res, err
	}
	stampDelivery(&res, in)
	sortFindings(res.findings)
	if progress != nil {
		progress()
	}
	return res, nil
}
