package ttml

import (
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// shear is an internal style bit: IMSC 1.1 documents (Japanese above all)
// set italics with tts:shear / tts:fontShear instead of tts:fontStyle, and a
// run is italic when either says so.
const shear cue.Style = 1 << 7

// rubyNote is an internal style bit for tts:ruby="text" and "delimiter":
// ruby annotations sit above or beside the base text and are not part of
// the line a viewer reads (nor of its length).
const rubyNote cue.Style = 1 << 6

// tri is a set of specified style properties: set says which of the bits are
// specified, val gives their values. Unspecified properties inherit.
type tri struct{ set, val cue.Style }

// over returns a with b's specified properties taking priority.
func (a tri) over(b tri) tri {
	return tri{set: a.set | b.set, val: a.val&^b.set | b.val&b.set}
}

func (t *tri) put(bit cue.Style, on bool) {
	t.set |= bit
	if on {
		t.val |= bit
	} else {
		t.val &^= bit
	}
}

// style is the cue.Style a run with these computed properties shows.
func (t tri) style() cue.Style {
	s := t.val & (cue.Italic | cue.Bold | cue.Underline)
	if t.val&shear != 0 {
		s |= cue.Italic
	}
	return s
}

// applyStyleAttr records one tts:* attribute. Only the properties QC
// reports on are kept; the rest (colour, size, position) are not ours.
func (t *tri) applyStyleAttr(local, value string) {
	value = trimXMLSpace(value)
	switch local {
	case "fontStyle":
		switch value {
		case "normal":
			t.put(cue.Italic, false)
		case "italic", "oblique", "reverseOblique":
			t.put(cue.Italic, true)
		}
	case "fontWeight":
		switch value {
		case "normal":
			t.put(cue.Bold, false)
		case "bold":
			t.put(cue.Bold, true)
		}
	case "textDecoration":
		// "none" or a list such as "underline lineThrough"; tokens that do
		// not name underline leave it as inherited.
		for _, tok := range strings.Fields(value) {
			switch tok {
			case "none", "noUnderline":
				t.put(cue.Underline, false)
			case "underline":
				t.put(cue.Underline, true)
			}
		}
	case "ruby":
		switch value {
		case "text", "delimiter":
			t.put(rubyNote, true)
		case "container", "base", "baseContainer", "textContainer", "none":
			t.put(rubyNote, false)
		}
	case "shear", "fontShear":
		t.put(shear, nonZeroPercent(value))
	}
}

// nonZeroPercent reports whether a TTML2 shear value such as "16.6667%"
// is anything but zero.
func nonZeroPercent(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c >= '1' && c <= '9' {
			return true
		}
	}
	return false
}

// styleDef is a <style> element of head/styling.
type styleDef struct {
	refs string // its own style="..." references (chained styles)
	own  tri
	geo  geometry // tts:origin, extent, position it sets (regions referencing it use them)
	at   at
	// geoState/geoRes memoise the geometry resolved through references,
	// as state/res do for the styles (regions.go).
	geoState uint8
	geoRes   geometry
	state    uint8 // 0 unresolved, 1 resolving (loop detection), 2 done
	res      tri
}

// regionDef is a <region> element of head/layout. Its styles are inherited
// by the content flowed into it, and its timing bounds when that content
// shows (IMSC region timing).
type regionDef struct {
	id        string
	refs      string
	nested    tri // from <style> children, in document order
	own       tri
	geo       geometry // its own tts:origin, extent, position
	nestedGeo geometry // the same from <style> children
	at        at
	begin     cue.Time
	end       cue.Time // forever when untimed
	state     uint8
	res       tri
}

// resolveRefs merges the styles named in a style="a b" attribute; later
// references take priority (TTML1 §8.4.4.1). Unknown names are reported
// at pos.
func (r *reader) resolveRefs(refs string, pos at) tri {
	var t tri
	for refs != "" {
		var name string
		name, refs = nextToken(refs)
		if name == "" {
			break
		}
		s, ok := r.styles[name]
		if !ok {
			r.diag(pos, "style \""+name+"\" is not defined in head/styling")
			continue
		}
		t = t.over(r.resolveStyle(name, s))
	}
	return t
}

func (r *reader) resolveStyle(name string, s *styleDef) tri {
	switch s.state {
	case 2:
		return s.res
	case 1:
		r.diag(s.at, "style \""+name+"\" refers back to itself through its style references")
		return tri{}
	}
	s.state = 1
	s.res = r.resolveRefs(s.refs, s.at).over(s.own)
	s.state = 2
	return s.res
}

func (r *reader) regionStyle(g *regionDef) tri {
	if g.state != 2 {
		g.state = 2
		g.res = r.resolveRefs(g.refs, g.at).over(g.nested).over(g.own)
	}
	return g.res
}

// nextToken splits off the first whitespace-separated token of s without
// allocating.
func nextToken(s string) (tok, rest string) {
	i := 0
	for i < len(s) && isXMLSpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && !isXMLSpace(s[j]) {
		j++
	}
	return s[i:j], s[j:]
}
