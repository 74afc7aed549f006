package lang

import (
	"strings"

	"github.com/exportqc/exportqc/qc/internal/memo"
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
type tagMemo struct{ memo.Bounded[string, memoTag] }

type memoTag struct {
	tag string
	ok  bool
}

const memoSize = 512

func newTagMemo() *tagMemo {
	// A copy of a kept string: s may be a slice of a path or of a file's text.
	return &tagMemo{memo.Bounded[string, memoTag]{Limit: memoSize, Own: strings.Clone}}
}

func (m *tagMemo) get(s string, plain func(string) (string, bool)) (string, bool) {
	v := m.Get(s, func(s string) memoTag {
		tag, ok := plain(s)
		return memoTag{tag, ok}
	})
	return v.tag, v.ok
}

var (
	normalized = newTagMemo() // Normalize
	nameTags   = newTagMemo() // nameTag
)
