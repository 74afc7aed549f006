package lang

import (
	"strings"
	"sync"
)

// A tagMemo remembers a tag function's answers for the strings a run
// meets again and again: every file of a batch names its language the same
// few ways ("fr", "pt_BR"), and reading one through x/text costs a dozen
// allocations. The functions remembered are pure, so an answer from the
// memo is the answer; TestMemoIsPlain compares the two.
//
// It holds at most memoSize strings, so that a run of ten thousand
// distinct names (or hostile manifests) cannot grow it without end: past
// that, new strings are answered without being remembered.
type tagMemo struct {
	mu   sync.RWMutex
	seen map[string]memoTag
}

type memoTag struct {
	tag string
	ok  bool
}

const memoSize = 512

func (m *tagMemo) get(s string, plain func(string) (string, bool)) (string, bool) {
	m.mu.RLock()
	v, hit := m.seen[s]
	m.mu.RUnlock()
	if hit {
		return v.tag, v.ok
	}
	tag, ok := plain(s)
	m.mu.Lock()
	if m.seen == nil {
		m.seen = make(map[string]memoTag)
	}
	if len(m.seen) < memoSize {
		// A copy: s may be a slice of a path or of a file's text.
		m.seen[strings.Clone(s)] = memoTag{tag, ok}
	}
	m.mu.Unlock()
	return tag, ok
}

var (
	normalized tagMemo // Normalize
	nameTags   tagMemo // nameTag
)
