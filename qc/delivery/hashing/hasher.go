package hashing

import (
	"context"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/sync/semaphore"

	"github.com/exportqc/exportqc/qc/internal/openfiles"
)

// BufferSize is the read size: large enough that syscalls do not dominate
// on multi-gigabyte MXF files, small enough to run many readers at once.
const BufferSize = 1 << 20

// Result is what one pass over a file produced.
type Result struct {
	Size int64             // bytes read
	Hex  map[string]string // algorithm → lower-case hex digest
}

// Sum streams r once through every algorithm in algos.
func Sum(r io.Reader, algos []string) (Result, error) {
	buf := make([]byte, BufferSize)
	return sum(r, algos, buf)
}

func sum(r io.Reader, algos []string, buf []byte) (Result, error) {
	hs := make([]hash.Hash, 0, len(algos))
	ws := make([]io.Writer, 0, len(algos))
	names := make([]string, 0, len(algos))
	seen := map[string]bool{}
	for _, a := range algos {
		if seen[a] {
			continue
		}
		seen[a] = true
		h := newHash(a)
		if h == nil {
			return Result{}, fmt.Errorf("hash algorithm %q is not supported", a)
		}
		hs = append(hs, h)
		ws = append(ws, h)
		names = append(names, a)
	}
	var n int64
	var err error
	if len(hs) == 0 {
		n, err = io.CopyBuffer(io.Discard, onlyReader{r}, buf)
	} else {
		n, err = io.CopyBuffer(io.MultiWriter(ws...), onlyReader{r}, buf)
	}
	if err != nil {
		return Result{}, err
	}
	res := Result{Size: n, Hex: make(map[string]string, len(names))}
	for i, a := range names {
		res.Hex[a] = hex.EncodeToString(hs[i].Sum(nil))
	}
	return res, nil
}

// onlyReader hides WriterTo/ReaderFrom so CopyBuffer really uses our buffer.
type onlyReader struct{ io.Reader }

// SumFile hashes the file at path with algos in one pass.
func SumFile(path string, algos []string) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{}, err
	}
	defer f.Close()
	return Sum(f, algos)
}

// Hasher hashes files for one run: concurrency-safe, at most N files read
// at a time, and each file read once per set of algorithms however many
// manifests or rules ask for it.
type Hasher struct {
	sem *semaphore.Weighted

	mu    sync.Mutex
	files map[string]*entry
}

// readBuffers are the read buffers of every Hasher: a run that streams
// makes a Hasher per delivery (its cache dies with the delivery), and a
// pool per Hasher allocated a fresh 1 MiB buffer for each, 10 GB of
// garbage for ten thousand deliveries.
var readBuffers = sync.Pool{New: func() any { b := make([]byte, BufferSize); return &b }}

type entry struct {
	mu   sync.Mutex // held while the file is being read
	size int64
	hex  map[string]string
	err  error
}

// New returns a Hasher reading at most readers files concurrently (at
// least 1).
func New(readers int64) *Hasher {
	if readers < 1 {
		readers = 1
	}
	return NewWithSemaphore(semaphore.NewWeighted(readers))
}

// NewWithSemaphore shares sem with other I/O of the run (the integrator
// may bound subtitle parsing and hashing together).
func NewWithSemaphore(sem *semaphore.Weighted) *Hasher {
	return &Hasher{sem: sem, files: map[string]*entry{}}
}

// File returns the size and the digests of path for every algorithm in
// algos. Algorithms computed earlier for the same file come from the
// cache; only missing ones cause another read. Callers that know all the
// algorithms a file needs should ask for them together.
func (h *Hasher) File(ctx context.Context, path string, algos ...string) (Result, error) {
	for _, a := range algos {
		if !Known(a) {
			return Result{}, fmt.Errorf("hash algorithm %q is not supported", a)
		}
	}
	key, err := filepath.Abs(path)
	if err != nil {
		key = path
	}
	h.mu.Lock()
	e := h.files[key]
	if e == nil {
		e = &entry{size: -1, hex: map[string]string{}}
		h.files[key] = e
	}
	h.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err != nil {
		return Result{}, e.err
	}
	var missing []string
	for _, a := range algos {
		if _, ok := e.hex[a]; !ok {
			missing = append(missing, a)
		}
	}
	if len(missing) > 0 || e.size < 0 {
		if err := h.sem.Acquire(ctx, 1); err != nil {
			return Result{}, err // cancelled: do not cache
		}
		bp := readBuffers.Get().(*[]byte)
		res, err := func() (Result, error) {
			f, err := openfiles.Open(path)
			if err != nil {
				return Result{}, err
			}
			defer f.Close()
			return sum(f, missing, *bp)
		}()
		readBuffers.Put(bp)
		h.sem.Release(1)
		if err != nil {
			e.err = err
			return Result{}, err
		}
		e.size = res.Size
		for a, v := range res.Hex {
			e.hex[a] = v
		}
	}
	out := Result{Size: e.size, Hex: make(map[string]string, len(algos))}
	for _, a := range algos {
		out.Hex[a] = e.hex[a]
	}
	return out, nil
}
