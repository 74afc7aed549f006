package output

import "io"

// writeBehindSize is the size of each of writeBehind's two buffers: the
// write calls it makes are this large.
const writeBehindSize = 512 << 10

// writeBehind is a buffered writer whose full buffers are written to the
// file by a goroutine of their own while the report fills the other
// buffer, so that the copying of a large report into the kernel (37 MB:
// 15-20 ms of write calls for the dense run) runs beside the encoding
// instead of between its parts, and the run's last files wait on less.
//
// Its methods are called from one goroutine; Close waits for the writing
// goroutine and returns the first error of the writes.
type writeBehind struct {
	buf  []byte      // being filled
	full chan []byte // to the writing goroutine
	free chan []byte // back from it, written (room for both: Close takes none back)
	done chan error  // the writing goroutine's result, once full is closed
	err  error       // the first write error seen; Write refuses from then on
	// second tells that the second buffer exists: it is made at the first
	// hand-over, so a small report (a one-file check) never makes it.
	second bool
}

// newWriteBehind writes to w (a ctxWriter, so that an interrupt stops the
// writing goroutine).
func newWriteBehind(w io.Writer) *writeBehind {
	b := &writeBehind{buf: make([]byte, 0, writeBehindSize),
		full: make(chan []byte), free: make(chan []byte, 2), done: make(chan error, 1)}
	go func() {
		failed := false
		for p := range b.full {
			if !failed {
				if _, err := w.Write(p); err != nil {
					failed = true // the rest is not written
					b.done <- err // seen at the next hand-over, or by Close
				}
			}
			b.free <- p[:0]
		}
		close(b.done)
	}()
	return b
}

func (b *writeBehind) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		if b.err != nil {
			return n, b.err
		}
		k := copy(b.buf[len(b.buf):cap(b.buf)], p)
		b.buf = b.buf[:len(b.buf)+k]
		n += k
		p = p[k:]
		if len(b.buf) == cap(b.buf) {
			b.handOver()
		}
	}
	return n, nil
}

// handOver sends the filled buffer to be written and takes the other one
// back once its write is done.
func (b *writeBehind) handOver() {
	b.full <- b.buf
	if b.second {
		b.buf = <-b.free
	} else {
		b.second, b.buf = true, make([]byte, 0, writeBehindSize)
	}
	select {
	case err, ok := <-b.done:
		if ok && b.err == nil {
			b.err = err
		}
	default:
	}
}

// Close writes what is buffered and waits for every write to finish. It
// must be called once, also after an error, so the goroutine ends.
func (b *writeBehind) Close() error {
	if b.err == nil && len(b.buf) > 0 {
		b.full <- b.buf
	}
	close(b.full)
	for err := range b.done {
		if b.err == nil {
			b.err = err
		}
	}
	return b.err
}
