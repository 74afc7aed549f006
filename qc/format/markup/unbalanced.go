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

// Tag is one formatting tag of a payload.
type Tag struct {
	Name    string // canonical lower-case name from pairedTags
	Written string // the name as written ("I" in "<I>")
	Start   int    // byte offset of '<' in the payload
	End     int    // byte offset just past '>'
	Line    int    // 1-based payload line
}

// IssueKind says what is wrong with a tag.
type IssueKind int

const (
	// Stray: a closing tag that closes nothing open.
	Stray IssueKind = iota
	// Misnested: a closing tag that closes Open while Inner, opened inside
	// it, is still open.
	Misnested
	// Unclosed: an opening tag never closed (tags whose end is optional,
	// <v> and <rt>, are not reported).
	Unclosed
)

// Issue is one fault of a payload's tag structure.
type Issue struct {
	Kind  IssueKind
	Tag   Tag // the stray or mis-nested closing tag, or the unclosed opening tag
	Open  Tag // Misnested: the tag it closes
	Inner Tag // Misnested: the tag still open inside
}

// Balance finds the formatting tags of raw that are never closed, closed
// without being opened, or closed in the wrong order ("<i><b></i></b>"),
// in the order a reader meets them (unclosed ones last, in opening order),
// with their offsets. It reads tags the lenient SRT way (a tag is on one
// line; names are case-insensitive), which for well-formed WebVTT tags is
// the same reading. L005's check (Unbalanced) and its fix both read it, so
// they cannot disagree. A payload without '<' costs nothing.
func Balance(raw string) []Issue {
	if strings.IndexByte(raw, '<') < 0 {
		return nil
	}
	var issues []Issue
	// The open tags: rarely more than two, so held on the stack (L005
	// balances every payload with a tag, a new slice for each was most
	// of its cost).
	var open [4]Tag
	stack := open[:0]
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
		tag := Tag{Name: canonicalTag(t.name), Written: t.name, Start: i, End: t.end, Line: line}
		i = t.end
		if tag.Name == "" || t.selfClosing {
			continue
		}
		if !t.closing {
			stack = append(stack, tag)
			continue
		}
		// </ruby> implicitly closes an open <rt>.
		if tag.Name == "ruby" && len(stack) > 0 && stack[len(stack)-1].Name == "rt" {
			stack = stack[:len(stack)-1]
		}
		k := len(stack) - 1
		for k >= 0 && stack[k].Name != tag.Name {
			k--
		}
		switch {
		case k < 0:
			issues = append(issues, Issue{Kind: Stray, Tag: tag})
		case k < len(stack)-1:
			issues = append(issues, Issue{Kind: Misnested, Tag: tag, Open: stack[k], Inner: stack[len(stack)-1]})
			stack = append(stack[:k], stack[k+1:]...)
		default:
			stack = stack[:k]
		}
	}
	for _, o := range stack {
		if !endOptional(o.Name) {
			issues = append(issues, Issue{Kind: Unclosed, Tag: o})
		}
	}
	return issues
}

// Unbalanced reports Balance's issues as messages, each at its payload line.
func Unbalanced(raw string) []Problem {
	return Problems(Balance(raw))
}

// Problems words Balance's issues.
func Problems(issues []Issue) []Problem {
	probs := make([]Problem, 0, len(issues))
	for _, is := range issues {
		name := is.Tag.Name
		var msg string
		switch is.Kind {
		case Stray:
			msg = "stray </" + name + "> closes a <" + name + "> that is not open"
		case Misnested:
			msg = "</" + name + "> closes <" + name + "> (line " + strconv.Itoa(is.Open.Line) + ") while <" + is.Inner.Name +
				"> opened inside it (line " + strconv.Itoa(is.Inner.Line) + ") is still open: tags are mis-nested"
		case Unclosed:
			msg = "<" + name + "> is never closed"
		}
		probs = append(probs, Problem{is.Tag.Line, msg})
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
