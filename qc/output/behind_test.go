package output

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"testing"
)

// writeBehind passes on exactly the bytes written to it, in order, for
// writes of any size around its buffers' (the plain reference: the same
// writes appended to a slice).
func TestWriteBehindWritesWhatItIsGiven(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 14))
	for round := range 20 {
		var got bytes.Buffer
		var want []byte
		b := newWriteBehind(&got)
		total := rng.IntN(4 * writeBehindSize)
		for len(want) < total {
			n := rng.IntN(3 * writeBehindSize / 2)
			if rng.IntN(4) == 0 {
				n = rng.IntN(100)
			}
			p := make([]byte, n)
			for i := range p {
				p[i] = byte(rng.Uint32())
			}
			if k, err := b.Write(p); k != n || err != nil {
				t.Fatalf("round %d: Write = %d, %v", round, k, err)
			}
			want = append(want, p...)
		}
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("round %d: wrote %d bytes, want the %d given", round, got.Len(), len(want))
		}
	}
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errBoom
	}
	f.n -= len(p)
	return len(p), nil
}

// A failed write stops the report: later writes return the error, and so
// does Close, even when the failure is the last buffer's.
func TestWriteBehindReportsTheWriteError(t *testing.T) {
	b := newWriteBehind(&failAfter{n: writeBehindSize})
	chunk := make([]byte, 1000)
	var err error
	for written := 0; err == nil && written < 10*writeBehindSize; written += len(chunk) {
		_, err = b.Write(chunk)
	}
	if !errors.Is(err, errBoom) {
		t.Errorf("Write after the failure: %v, want the write's error", err)
	}
	if err := b.Close(); !errors.Is(err, errBoom) {
		t.Errorf("Close: %v, want the write's error", err)
	}

	b = newWriteBehind(&failAfter{n: 10})
	b.Write(chunk[:100])
	if err := b.Close(); !errors.Is(err, errBoom) {
		t.Errorf("Close of a short report: %v, want the write's error", err)
	}
}

// A cancelled context stops the writes: nothing more reaches the file.
func TestWriteBehindStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var got bytes.Buffer
	b := newWriteBehind(&ctxWriter{ctx: ctx, w: &got})
	b.Write(make([]byte, writeBehindSize))
	cancel()
	var err error
	for i := 0; err == nil && i < 10; i++ {
		_, err = b.Write(make([]byte, writeBehindSize))
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Write after cancel: %v", err)
	}
	if err := b.Close(); !errors.Is(err, context.Canceled) {
		t.Errorf("Close after cancel: %v", err)
	}
	if got.Len() > writeBehindSize {
		t.Errorf("%d bytes written after the cancel", got.Len()-writeBehindSize)
	}
}
