package markup

import (
	"strconv"
	"strings"
)

// Problem is one markup fault in a cue payload.
type Problem struct {
	// LineInPayload is the 1-based line of the raw payload (cue.Cue.Raw)
	// where the fault is: for an unclosed tag, the line of its start tag.
	// The readers document how to turn it into a source line.
	LineInPayload int
	Message       string
}

// pairedTags are the tags that need an end tag. Others (<br>, unknown
// names) are not checked.
var pairedTags = [...]string{"i", "b", "u", "s", "font", "c", "v", "lang", "ruby", "rt", "span"}

// endOptional lists tags whose end tag may be left out: WebVTT lets a voice
// span run to the end of the cue, and </ruby> closes an open <rt>.
func endOptional(name string) bool { return name == "v" || name == "rt" }

type openTag struct {
	name string // canonical lower-case name from pairedTags
	line int
}

// Unbalanced reports formatting tags in raw that are never closed, closed
// without being opened, or closed in the wrong order ("<i><b></i></b>").
// It reads tags the lenient SRT way (a tag is on one line; names are
// case-insensitive), which for well-formed WebVTT tags is the same reading.
// A payload without '<' costs nothing.
func Unbalanced(raw string) []Problem {
	if strings.IndexByte(raw, '<') < 0 {
		return nil
	}
	var probs []Problem
	var stack []openTag
	line := 1
	for i := 0; i < len(raw); {
		switch raw[i] {
		case '\n':
			line++
			i++
			continue
		case '<':
		default:
			i++
			continue
		}
		t, ok := lenientTag(raw, i)
		if !ok {
			i++
			continue
		}
		i = t.end
		name := canonicalTag(t.name)
		if name == "" || t.selfClosing {
			continue
		}
		if !t.closing {
			stack = append(stack, openTag{name, line})
			continue
		}
		// </ruby> implicitly closes an open <rt>.
		if name == "ruby" && len(stack) > 0 && stack[len(stack)-1].name == "rt" {
			stack = stack[:len(stack)-1]
		}
		k := len(stack) - 1
		for k >= 0 && stack[k].name != name {
			k--
		}
		switch {
		case k < 0:
			probs = append(probs, Problem{line, "stray </" + name + "> closes a <" + name + "> that is not open"})
		case k < len(stack)-1:
			inner := stack[len(stack)-1]
			probs = append(probs, Problem{line, "</" + name + "> closes <" + name + "> (line " + strconv.Itoa(stack[k].line) +
				") while <" + inner.name + "> opened inside it (line " + strconv.Itoa(inner.line) + ") is still open: tags are mis-nested"})
			stack = append(stack[:k], stack[k+1:]...)
		default:
			stack = stack[:k]
		}
	}
	for _, o := range stack {
		if endOptional(o.name) {
			continue
		}
		probs = append(probs, Problem{o.line, "<" + o.name + "> is never closed"})
	}
	return probs
}

func canonicalTag(name string) string {
	for _, p := range pairedTags {
		if strings.EqualFold(name, p) {
			return p
		}
	}
	return ""
}

// knownTags are the formatting tags of SRT (as players read it) and WebVTT.
var knownTags = [...]string{"i", "b", "u", "s", "font", "c", "v", "lang", "ruby", "rt"}

// UnknownTags reports tags in raw that are no SRT or WebVTT formatting tag
// ("<yyyy>", "<bold>", "<br>", "<span>"). Players disagree about them: some
// show them as text, others drop them (our display lines drop them), so a
// delivery should not contain them. Each distinct tag is reported once, on
// the payload line where it first occurs.
func UnknownTags(raw string) []Problem {
	if strings.IndexByte(raw, '<') < 0 {
		return nil
	}
	var probs []Problem
	var seen []string
	line := 1
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\n':
			line++
			continue
		case '<':
		default:
			continue
		}
		t, ok := lenientTag(raw, i)
		if !ok {
			continue
		}
		i = t.end - 1
		known := false
		for _, k := range knownTags {
			known = known || strings.EqualFold(t.name, k)
		}
		name := strings.ToLower(t.name)
		if known || contains(seen, name) {
			continue
		}
		seen = append(seen, name)
		probs = append(probs, Problem{line, "<" + name + "> is not a subtitle formatting tag: some players show it as text, others drop it"})
	}
	return probs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
