package gen

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
)

// rng is a SplitMix64 generator. We use our own rather than math/rand so
// that a seed gives the same bytes on every Go release: the generated
// corpus is a benchmark fixture, and its figures must stay comparable.
type rng struct{ s uint64 }

// newRNG derives an independent stream from the seed and a name (a file's
// path in the tree, "plan", ...). Hashing the name, rather than drawing
// from one shared stream, is what makes every file's content independent
// of the order workers happen to generate them in.
func newRNG(seed uint64, name string) *rng {
	h := sha256.New()
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], seed)
	h.Write(b[:])
	h.Write([]byte(name))
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return &rng{s: binary.LittleEndian.Uint64(sum[:8])}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n <= 0 gives 0. The modulo bias is
// below 2^-40 for the small n used here.
func (r *rng) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.next() % uint64(n))
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.intn(hi-lo+1)
}

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// exp returns an exponentially distributed number with mean 1.
func (r *rng) exp() float64 { return -math.Log(1 - r.float()) }

// pick returns one element of list.
func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }
