package markup

import "github.com/exportqc/exportqc/qc/cue"

// node is an open element of the WebVTT cue text tree.
type node uint8

const (
	nodeClass node = iota + 1
	nodeItalic
	nodeBold
	nodeUnderline
	nodeRuby
	nodeRubyText
	nodeVoice
	nodeLang
)

// webvttNode maps a start or end tag name (case-sensitive, as the spec
// says) to its node kind.
func webvttNode(name string) node {
	switch name {
	case "c":
		return nodeClass
	case "i":
		return nodeItalic
	case "b":
		return nodeBold
	case "u":
		return nodeUnderline
	case "ruby":
		return nodeRuby
	case "rt":
		return nodeRubyText
	case "v":
		return nodeVoice
	case "lang":
		return nodeLang
	}
	return 0
}

// webvtt runs the W3C "WebVTT cue text parsing rules" over raw into d.b.
// Only what affects display text is kept: text, line breaks, and which
// italic/bold/underline/ruby-text elements are open. Tags end at the first
// '>' or at the end of the payload, whatever they contain (a tag may even
// span lines); a '<' always starts a tag.
func (d *Decoder) webvtt(raw string) {
	b := &d.b
	stack := d.stack[:0]
	var count [nodeLang + 1]int
	style := func() cue.Style {
		var st cue.Style
		if count[nodeItalic] > 0 {
			st |= cue.Italic
		}
		if count[nodeBold] > 0 {
			st |= cue.Bold
		}
		if count[nodeUnderline] > 0 {
			st |= cue.Underline
		}
		return st
	}
	text := 0
	// emit adds raw[text:i] unless it is ruby annotation text.
	emit := func(i int) {
		if count[nodeRubyText] == 0 {
			b.raw(text, i, style())
		}
	}
	pop := func() {
		count[stack[len(stack)-1]]--
		stack = stack[:len(stack)-1]
	}
	top := func() node {
		if len(stack) == 0 {
			return 0
		}
		return stack[len(stack)-1]
	}
	for i := 0; i < len(raw); {
		switch raw[i] {
		case '\n':
			emit(i)
			b.endLine()
			i++
			text = i
		case '&':
			s, next, ok := entity(raw, i, false)
			if !ok {
				i++
				continue
			}
			emit(i)
			if count[nodeRubyText] == 0 {
				b.str(s, style())
			}
			i = next
			text = i
		case '<':
			emit(i)
			closing, name, end := webvttTag(raw, i)
			switch k := webvttNode(name); {
			case closing && k != 0 && top() == k:
				pop()
			case closing && k == nodeRuby && top() == nodeRubyText:
				pop()
				pop()
			case closing || k == 0:
				// ignored: unknown tag, timestamp, or an end tag that does
				// not match the innermost open element
			case k == nodeRubyText && top() != nodeRuby:
				// <rt> outside <ruby> is ignored
			default:
				stack = append(stack, k)
				count[k]++
			}
			i = end
			text = i
		default:
			// Plain text: skip the words that hold no byte to look at.
			i = nextStop(raw, i+1)
		}
	}
	emit(len(raw))
	d.stack = stack[:0]
}

// webvttTag reads the tag starting at s[i] (s[i] == '<') per the WebVTT cue
// text tokenizer and returns whether it is an end tag, its name (empty for
// timestamp tags and nameless tags) and the index just past it.
func webvttTag(s string, i int) (closing bool, name string, end int) {
	j := i + 1
	end = len(s)
	for k := j; k < len(s); k++ {
		if s[k] == '>' {
			end = k + 1
			break
		}
	}
	body := s[j:end]
	if len(body) > 0 && body[len(body)-1] == '>' {
		body = body[:len(body)-1]
	}
	switch {
	case body == "":
		return false, "", end
	case body[0] == '/':
		// End tag state: the name is everything up to '>'.
		return true, body[1:], end
	case isDigit(body[0]):
		return false, "", end // timestamp tag: no effect on text
	}
	n := 0
	for n < len(body) {
		switch body[n] {
		case '\t', '\n', '\f', ' ', '.':
			return false, body[:n], end
		}
		n++
	}
	return false, body, end
}
