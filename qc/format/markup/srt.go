package markup

import "github.com/exportqc/exportqc/qc/cue"

// srt runs the lenient SubRip reading over raw into d.b.
func (d *Decoder) srt(raw string) {
	b := &d.b
	var depth [3]int     // open <i>, <b>, <u> tags
	var override [3]bool // {\i1} {\b1} {\u1} in force
	style := func() cue.Style {
		var st cue.Style
		for k := range depth {
			if depth[k] > 0 || override[k] {
				st |= 1 << k
			}
		}
		return st
	}
	text := 0 // start of pending plain text
	for i := 0; i < len(raw); {
		switch raw[i] {
		case '\n':
			b.raw(text, i, style())
			b.endLine()
			i++
			text = i
		case '<':
			t, ok := lenientTag(raw, i)
			if !ok {
				i++
				continue
			}
			b.raw(text, i, style())
			if k := styleIndex(t.name); k >= 0 {
				if t.closing {
					if depth[k] > 0 {
						depth[k]--
					}
				} else if !t.selfClosing {
					depth[k]++
				}
			}
			i = t.end
			text = i
		case '{':
			end, ok := overrideBlock(raw, i)
			if !ok {
				i++
				continue
			}
			b.raw(text, i, style())
			applyOverrides(raw[i+1:end-1], &override)
			i = end
			text = i
		case '&':
			s, next, ok := entity(raw, i, true)
			if !ok {
				i++
				continue
			}
			b.raw(text, i, style())
			b.str(s, style())
			i = next
			text = i
		default:
			// Plain text: skip the words that hold none of the bytes
			// above (nextStop's), so each byte is looked at about once.
			i = nextStop(raw, i+1)
		}
	}
	b.raw(text, len(raw), style())
}

// tag is one HTML-like tag found by lenientTag.
type tag struct {
	name                 string // as written; compare case-insensitively
	closing, selfClosing bool
	end                  int // index just past '>'
}

// lenientTag recognises a tag at s[i] (s[i] == '<') the way SRT players do:
// '<', an optional '/', an ASCII letter, then anything up to a '>' on the
// same line. Anything else ("a < b", "<3", a '<' never closed) is text.
func lenientTag(s string, i int) (tag, bool) {
	j := i + 1
	var t tag
	if j < len(s) && s[j] == '/' {
		t.closing = true
		j++
	}
	if j >= len(s) || !isAlpha(s[j]) {
		return t, false
	}
	k := j
	for k < len(s) && (isAlnum(s[k]) || s[k] == '-' || s[k] == '_') {
		k++
	}
	t.name = s[j:k]
	for ; k < len(s); k++ {
		switch s[k] {
		case '>':
			t.selfClosing = s[k-1] == '/'
			t.end = k + 1
			return t, true
		case '\n', '<':
			return t, false
		}
	}
	return t, false
}

// styleIndex maps i, b, u (any case) to the bit index of their Style.
func styleIndex(name string) int {
	if len(name) != 1 {
		return -1
	}
	switch name[0] | 0x20 {
	case 'i':
		return 0
	case 'b':
		return 1
	case 'u':
		return 2
	}
	return -1
}

// overrideBlock recognises an ASS override block "{\...}" at s[i] and
// returns the index just past its '}'. "{ \an8}" (space first) and
// "{music}" are text, as in players that honour override blocks.
func overrideBlock(s string, i int) (int, bool) {
	if i+1 >= len(s) || s[i+1] != '\\' {
		return 0, false
	}
	for k := i + 2; k < len(s); k++ {
		switch s[k] {
		case '}':
			return k + 1, true
		case '\n', '{':
			return 0, false
		}
	}
	return 0, false
}

// applyOverrides applies the \i \b \u toggles (and \r reset) of one block's
// body. "\i1" turns italics on and "\i0" off; other tags that merely start
// with the same letter (\iclip, \bord, \blur, \be) are not toggles.
func applyOverrides(body string, on *[3]bool) {
	for len(body) > 0 {
		if body[0] != '\\' {
			body = body[1:]
			continue
		}
		body = body[1:]
		n := 0
		for n < len(body) && body[n] != '\\' {
			n++
		}
		t := body[:n]
		body = body[n:]
		if t == "" {
			continue
		}
		if t[0] == 'r' {
			*on = [3]bool{}
			continue
		}
		k := styleIndex(t[:1])
		if k < 0 || t[0] < 'a' {
			continue
		}
		v, digits := t[1:], true
		for m := 0; m < len(v); m++ {
			digits = digits && isDigit(v[m])
		}
		if !digits {
			continue
		}
		on[k] = v != "" && trimZeros(v) != ""
	}
}

func trimZeros(s string) string {
	for len(s) > 0 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

// ASSAlignment returns the numpad position N of the first {\anN} override
// (1-9: 1 bottom left, 2 bottom centre, 8 top centre...) in an SRT payload,
// or 0 when there is none. Rules about subtitle placement read it.
func ASSAlignment(raw string) int {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '{' {
			continue
		}
		end, ok := overrideBlock(raw, i)
		if !ok {
			continue
		}
		body := raw[i+1 : end-1]
		for k := 0; k+3 < len(body); k++ {
			if body[k] == '\\' && body[k+1] == 'a' && body[k+2] == 'n' && '1' <= body[k+3] && body[k+3] <= '9' &&
				(k+4 == len(body) || body[k+4] == '\\' || body[k+4] == ' ') {
				return int(body[k+3] - '0')
			}
		}
		i = end - 1
	}
	return 0
}
