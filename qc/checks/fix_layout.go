package checks

import (
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// whitespaceFix rewrites an SRT or WebVTT cue's payload without stray
// whitespace (L004): each line trimmed (inside the formatting tags that
// open or close it too), runs of spaces outside tags collapsed to one, and
// lines left empty dropped. Line terminators are kept as written.
func whitespaceFix(p *rule.Pass, c *cue.Cue) []rule.SuggestedFix {
	if !p.Fixing() || (p.Doc.Format != "srt" && p.Doc.Format != "webvtt") {
		return nil
	}
	old := p.File.Fix.Bytes(c.TextSrc, false)
	if old == nil {
		return nil
	}
	var b strings.Builder
	for _, line := range cue.SplitKeepEOL(string(old)) {
		text, eol := cutEOL(line)
		text = tidyLine(text)
		if stripTags(text) == "" && strings.TrimSpace(text) == "" {
			continue
		}
		b.WriteString(text)
		b.WriteString(eol)
	}
	// The payload range ends before the last line's terminator: keep it so.
	out, _ := cutEOL(b.String())
	if out == string(old) || out == "" {
		return nil
	}
	a, z, _ := p.File.Fix.Span(c.TextSrc, false)
	return fixOf("remove stray whitespace from cue "+itoa(int64(c.Index)), []rule.TextEdit{{Start: a, End: z, New: out}})
}

func cutEOL(s string) (text, eol string) {
	t := strings.TrimRight(s, "\r\n")
	return t, s[len(t):]
}

// tidyLine trims spaces at the line's visible edges (past leading opening
// and trailing closing tags) and collapses double spaces outside tags.
func tidyLine(s string) string {
	head, body := leadingTags(s)
	body, tail := trailingTags(body)
	var b strings.Builder
	b.WriteString(strings.ReplaceAll(strings.ReplaceAll(head, " ", ""), "\t", ""))
	inTag, space := false, false
	for _, r := range strings.Trim(body, " \t") {
		switch {
		case r == '<':
			inTag = true
		case r == '>':
			inTag = false
		case !inTag && (r == ' ' || r == '\t'):
			if space {
				continue
			}
			space = true
			b.WriteByte(' ')
			continue
		}
		space = false
		b.WriteRune(r)
	}
	b.WriteString(strings.ReplaceAll(strings.ReplaceAll(tail, " ", ""), "\t", ""))
	return b.String()
}

// leadingTags splits off the tags (and spaces among them) a line starts with.
func leadingTags(s string) (tags, rest string) {
	i := 0
	for {
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j < len(s) && s[j] == '<' {
			if k := strings.IndexByte(s[j:], '>'); k > 0 {
				i = j + k + 1
				continue
			}
		}
		return s[:i], s[i:]
	}
}

// trailingTags splits off the tags (and spaces among them) a line ends with.
func trailingTags(s string) (rest, tags string) {
	i := len(s)
	for {
		j := i
		for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
			j--
		}
		if j > 0 && s[j-1] == '>' {
			if k := strings.LastIndexByte(s[:j], '<'); k >= 0 && !strings.ContainsAny(s[k:j-1], "<>") {
				i = k
				continue
			}
		}
		return s[:i], s[i:]
	}
}

// stripTags removes <...> tags, for the emptiness test.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}
