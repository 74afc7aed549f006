// Package openfiles bounds how many files exportqc holds open at once,
// whatever --jobs says, and rides out a momentary shortage of file
// descriptors. With --jobs 1000 under a 64-descriptor limit the workers
// would otherwise fail with "too many open files", and each failure would
// be reported as a defect of the delivery being read: a limit of the
// tool's machine must never become a finding about someone's files.
//
// Open takes one of a number of slots sized from the process's descriptor
// limit (half of it, less a reserve for the standard streams, the history
// database, walks and the network), waits for a free one, and retries
// EMFILE/ENFILE with a growing pause for up to a minute; the slot is given
// back when the file is closed.
package openfiles

import (
	"errors"
	"os"
	"sync"
	"syscall"
	"time"
)

// File is an open file holding a slot until Close.
type File struct {
	*os.File
	once sync.Once
}

// Close closes the file and frees its slot (once, however often called).
func (f *File) Close() error {
	err := f.File.Close()
	f.once.Do(release)
	return err
}

// Open opens path for reading within the bound (see the package doc).
func Open(path string) (*File, error) {
	var f *os.File
	err := withSlot(func() (err error) {
		f, err = os.Open(path)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &File{File: f}, nil
}

// withSlot takes a slot and calls open until it succeeds, fails for a
// reason other than a descriptor shortage, or the shortage outlasts
// retryFor; the slot is given back unless open succeeded.
func withSlot(open func() error) error {
	acquire()
	pause := time.Millisecond
	deadline := time.Now().Add(retryFor)
	for {
		err := open()
		if err == nil {
			return nil
		}
		if !Exhausted(err) || time.Now().After(deadline) {
			release()
			return err
		}
		time.Sleep(pause)
		pause = min(2*pause, 250*time.Millisecond)
	}
}

// Exhausted reports whether err is the system running out of file
// descriptors (the process's EMFILE or the system's ENFILE): the machine's
// trouble, never the file's.
func Exhausted(err error) bool {
	return errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)
}

// retryFor is how long Open keeps retrying a descriptor shortage.
var retryFor = time.Minute

// SetRetry changes how long Open retries a descriptor shortage and returns
// what restores it: for tests that make descriptors run out.
func SetRetry(d time.Duration) (restore func()) {
	old := retryFor
	retryFor = d
	return func() { retryFor = old }
}

var slots = struct {
	sync.Mutex
	cond  *sync.Cond
	inUse int
}{}

func init() { slots.cond = sync.NewCond(&slots.Mutex) }

func acquire() {
	slots.Lock()
	// With fewer than the least limit open there is no need to ask the
	// system for the descriptor limit: that was a system call for every
	// file opened, and on two cores (two workers and the read-ahead) a run
	// seldom holds more. With more workers, opens past the fourth still
	// ask, so that a limit lowered while running applies.
	for slots.inUse >= minLimit && slots.inUse >= Limit() {
		slots.cond.Wait()
	}
	slots.inUse++
	slots.Unlock()
}

func release() {
	slots.Lock()
	slots.inUse--
	slots.Unlock()
	slots.cond.Signal()
}

// minLimit is the fewest files Open lets be open at once, however low the
// descriptor limit.
const minLimit = 4

// reserve is what is left to the rest of the process: standard streams,
// the history database and its journal, folder walks, the Go runtime.
const reserve = 16

// Limit is how many files Open lets be open at once: half the descriptor
// limit less the reserve, at least 4 (read when asked, so a limit changed
// while running applies).
func Limit() int {
	n := descriptorLimit()
	return max(minLimit, min((n-reserve)/2, 1024))
}
