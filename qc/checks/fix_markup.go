package checks

import (
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// balanceFix closes an SRT or WebVTT cue's unclosed tags at the end of its
// payload and deletes closing tags that close nothing (L005). Mis-nested
// tags ("<i><b></i></b>") are left alone: which order was meant needs a
// person. Tags are read as the check reads them: a tag is on one line,
// names are case-insensitive, <v> and <rt> need no end tag.
func balanceFix(p *rule.Pass, c *cue.Cue) []rule.SuggestedFix {
	if !p.Fixing() || (p.Doc.Format != "srt" && p.Doc.Format != "webvtt") {
		return nil
	}
	src := p.File.Fix.Bytes(c.TextSrc, false)
	base, _, ok := p.File.Fix.Span(c.TextSrc, false)
	if !ok {
		return nil
	}
	s := string(src)
	type open struct{ name, written string }
	var stack []open
	var edits []rule.TextEdit
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		name, closing, end := readTag(s, i)
		if end < 0 {
			continue
		}
		paired := pairedTag(name)
		if paired == "" {
			i = end - 1
			continue
		}
		if !closing {
			stack = append(stack, open{paired, name})
			i = end - 1
			continue
		}
		if paired == "ruby" && len(stack) > 0 && stack[len(stack)-1].name == "rt" {
			stack = stack[:len(stack)-1]
		}
		k := len(stack) - 1
		for k >= 0 && stack[k].name != paired {
			k--
		}
		switch {
		case k < 0: // closes nothing: drop it
			edits = append(edits, rule.TextEdit{Start: base + int64(i), End: base + int64(end)})
		case k < len(stack)-1:
			return nil // mis-nested
		default:
			stack = stack[:k]
		}
		i = end - 1
	}
	var closers strings.Builder
	for k := len(stack) - 1; k >= 0; k-- {
		if o := stack[k]; o.name != "v" && o.name != "rt" {
			closers.WriteString("</" + o.written + ">")
		}
	}
	if closers.Len() > 0 {
		at := base + int64(len(s))
		edits = append(edits, rule.TextEdit{Start: at, End: at, New: closers.String()})
	}
	return fixOf("balance the formatting tags of cue "+itoa(int64(c.Index)), edits)
}

// readTag reads the tag at s[i] ('<'): its name, whether it closes, and
// the index after its '>' (-1 when it is not a tag on one line).
func readTag(s string, i int) (name string, closing bool, end int) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		closing = true
		j++
	}
	k := j
	for k < len(s) && (s[k]|0x20 >= 'a' && s[k]|0x20 <= 'z' || k > j && (s[k] >= '0' && s[k] <= '9' || s[k] == '-' || s[k] == '_')) {
		k++
	}
	if k == j {
		return "", false, -1
	}
	for e := k; e < len(s); e++ {
		switch s[e] {
		case '>':
			if s[e-1] == '/' {
				return "", false, e + 1 // self-closing: nothing to balance
			}
			return s[j:k], closing, e + 1
		case '\n', '\r', '<':
			return "", false, -1
		}
	}
	return "", false, -1
}

// pairedTag is the canonical name of a formatting tag that needs closing.
func pairedTag(name string) string {
	for _, t := range [...]string{"i", "b", "u", "s", "font", "c", "v", "lang", "ruby", "rt", "span"} {
		if strings.EqualFold(name, t) {
			return t
		}
	}
	return ""
}
