// Package memo remembers the answers of pure functions that a run asks
// again and again with a few distinct arguments (a pack's parameter
// values, language tags, a language and format's rule configuration),
// safely across workers and within a bound.
package memo

import "sync"

// Bounded remembers answers by key, at most Limit of them: past it, new
// keys are answered by their callers' computation without being kept, so
// a run of ever-new keys (hostile manifests, thousands of odd tags, a
// --set of new values) cannot grow it without end. What it hands out is
// shared by every caller and must not be modified.
type Bounded[K comparable, V any] struct {
	Limit int
	// Own, when set, is the key as kept: a copy of a string that may be
	// a slice of a file's text, so the file does not stay in memory.
	Own func(K) K

	mu   sync.RWMutex
	seen map[K]V
}

// Get is the kept answer for key, or compute(key), kept.
func (m *Bounded[K, V]) Get(key K, compute func(K) V) V {
	if v, ok := m.Lookup(key); ok {
		return v
	}
	v := compute(key)
	m.Keep(key, v)
	return v
}

// Lookup is the kept answer for key, if any.
func (m *Bounded[K, V]) Lookup(key K) (V, bool) {
	m.mu.RLock()
	v, ok := m.seen[key]
	m.mu.RUnlock()
	return v, ok
}

// Keep remembers v as key's answer while fewer than Limit are kept.
func (m *Bounded[K, V]) Keep(key K, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.seen) >= m.Limit {
		return
	}
	if m.seen == nil {
		m.seen = make(map[K]V)
	}
	if m.Own != nil {
		key = m.Own(key)
	}
	m.seen[key] = v
}

// Len is the number of answers kept.
func (m *Bounded[K, V]) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.seen)
}

// Each calls f with every kept answer (tests compare them with a fresh
// computation).
func (m *Bounded[K, V]) Each(f func(K, V)) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for k, v := range m.seen {
		f(k, v)
	}
}
