// Package textpos maps the visible text of a display line back to the
// source bytes it was read from, for formats whose text is not written as
// it is shown: TTML (entities, <span>, collapsed white space), SSA/ASS
// ({\override} blocks, \N and \h escapes), EBU STL (a code table with
// control codes). A text fix computes its edit on what a viewer reads and
// places it through a Line, so that it lands on the characters it means
// and never inside markup.
package textpos

// Line is one display line's visible text and, for each of its bytes, the
// source bytes [From[k], To[k]) it was read from. All bytes of one
// character read from one source unit (an entity, an escape) share that
// unit. From[k] < 0 marks a byte no edit may touch: a character read from
// an escape, a space that stands for white space around markup.
type Line struct {
	Text     string
	From, To []int
}

// Add appends text read from src[from:to]; editable false marks it as
// not to be edited. Every byte of text shares the unit.
func (l *Line) Add(text string, from, to int, editable bool) {
	if !editable {
		from, to = -1, -1
	}
	l.Text += text
	for range len(text) {
		l.From = append(l.From, from)
		l.To = append(l.To, to)
	}
}

// AddEach appends text written byte for byte at src[from:].
func (l *Line) AddEach(text string, from int) {
	l.Text += text
	for k := range len(text) {
		l.From = append(l.From, from+k)
		l.To = append(l.To, from+k+1)
	}
}

// Place maps the edit of visible bytes [a, b) (a == b: an insertion before
// byte a) to source bytes [from, to). ok is false when the edit would
// touch a byte that is not editable, cut a source unit, or span source
// bytes that are not adjacent (markup lies between them). An insertion
// goes just before the character it precedes (after a tag that opens
// there), or at the end just after the last character (before a tag that
// closes there).
func (l *Line) Place(a, b int) (from, to int, ok bool) {
	n := len(l.Text)
	if a < 0 || b < a || b > n || n == 0 {
		return 0, 0, false
	}
	if a == b {
		if a == n {
			return l.To[n-1], l.To[n-1], l.To[n-1] >= 0
		}
		return l.From[a], l.From[a], l.startsUnit(a)
	}
	if !l.startsUnit(a) || (b < n && l.From[b] == l.From[b-1]) {
		return 0, 0, false
	}
	for k := a; k < b; k++ {
		if l.From[k] < 0 {
			return 0, 0, false
		}
		if k+1 < b && l.From[k+1] != l.From[k] && l.From[k+1] != l.To[k] {
			return 0, 0, false
		}
	}
	return l.From[a], l.To[b-1], true
}

// startsUnit reports whether visible byte k is editable and the first byte
// of its source unit.
func (l *Line) startsUnit(k int) bool {
	return l.From[k] >= 0 && (k == 0 || l.From[k-1] != l.From[k])
}
