package ttml

import (
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// pTiming says which of a <p>'s own time attributes a fix may rewrite: a
// begin and an end written on the p itself (no dur, no iTT negative
// offset), in a par container (in a seq one, moving an end would move every
// later sibling).
type pTiming struct{ ok bool }

func pTimingOf(a *attrs, parent *frame) pTiming {
	return pTiming{ok: a.hasBegin && a.hasEnd && !a.hasDur && !parent.seq &&
		!strings.HasPrefix(trimXMLSpace(a.begin), "-")}
}

// timeAttrs calls fn with the name and the value's span of each begin= or
// end= attribute in a start tag (a name after white space, then =, then a
// quoted value, white space allowed around =), skipping other attributes'
// values. Hand-written rather than a
// regular expression: it runs on every timed paragraph of every file, and
// a backtracking match there cost an eighth of a TTML check.
func timeAttrs(tag string, fn func(name string, vs, ve int)) {
	for i := 0; i < len(tag); i++ {
		if q := tag[i]; q == '"' || q == '\'' {
			// Another attribute's value: "end='3s'" inside a description
			// is text, not this element's end.
			k := strings.IndexByte(tag[i+1:], q)
			if k < 0 {
				return
			}
			i += k + 1
			continue
		}
		if i > 0 && !xmlSpace(tag[i-1]) {
			// Inside a name or a bare word: nothing starts before the next
			// quote, or just after the next white space.
			k := i
			for k < len(tag) && !quoteOrSpace[tag[k]] {
				k++
			}
			switch {
			case k == len(tag):
				return
			case tag[k] == '"' || tag[k] == '\'':
				i = k - 1 // the loop's i++ lands on the quote
			default:
				i = k // the loop's i++ lands after the white space
			}
			continue
		}
		var name string
		switch {
		case strings.HasPrefix(tag[i:], "begin"):
			name = "begin"
		case strings.HasPrefix(tag[i:], "end"):
			name = "end"
		default:
			continue
		}
		j := i + len(name)
		for j < len(tag) && xmlSpace(tag[j]) {
			j++
		}
		if j >= len(tag) || tag[j] != '=' {
			continue
		}
		j++
		for j < len(tag) && xmlSpace(tag[j]) {
			j++
		}
		if j >= len(tag) || (tag[j] != '"' && tag[j] != '\'') {
			continue
		}
		q := tag[j]
		k := strings.IndexByte(tag[j+1:], q)
		if k < 0 {
			continue
		}
		vs, ve := j+1, j+1+k
		fn(name, vs, ve)
		i = ve // past the value: matches do not overlap
	}
}

// quoteOrSpace marks the bytes timeAttrs stops at inside a word.
var quoteOrSpace = func() (t [256]bool) {
	for _, c := range []byte{'"', '\'', ' ', '\t', '\n', '\r', '\f'} {
		t[c] = true
	}
	return t
}()

// xmlSpace is what the tag scanner takes for white space (\s in Go's
// regular expressions: tab, newline, form feed, carriage return, space).
func xmlSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// sources records where cue c's begin and end values are written in the
// p's start tag, when the cue's times are exactly those attributes' (not
// clipped by a container, region or timed span).
func (r *reader) sources(c *cue.Cue, f *frame) {
	if !r.pTimed.ok || c.Start != f.begin || !f.hasEnd || c.End != f.ownEnd || r.hasTimedText {
		return
	}
	// From the p's own '<': text earlier on its line (another paragraph,
	// an apostrophe read as an opening quote) is not this tag.
	from := r.pTag
	if from < 0 || r.pInner > len(r.src) || from >= r.pInner {
		return
	}
	tag := r.src[from:r.pInner]
	timeAttrs(tag, func(name string, vs, ve int) {
		rg := cue.Range{From: int64(from+vs) + r.base, To: int64(from+ve) + r.base}
		switch name {
		case "begin":
			c.StartSrc = rg
		case "end":
			c.EndSrc = rg
		}
	})
}
