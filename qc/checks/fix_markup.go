package checks

import (
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/markup"
	"github.com/exportqc/exportqc/qc/rule"
)

// balanceFix closes an SRT or WebVTT cue's unclosed tags at the end of its
// payload and deletes closing tags that close nothing (L005), from the
// issues markup.Balance found in the cue's payload for the check itself.
// A closing tag that ends what the cue before left open (cue 1 "<i>I
// remember the day", cue 2 "we met by the river.</i>") is kept, and the
// tag opened again at the start of the cue: players render cue by cue, so
// each must be balanced, and the author meant both in italics. When
// opening it again would not nest cleanly, the cue is left for a person.
// Mis-nested tags ("<i><b></i></b>") are left alone: which order was meant
// needs a person.
func balanceFix(p *rule.Pass, c *cue.Cue, issues []markup.Issue, before leftOpen) []rule.SuggestedFix {
	if !p.Fixing() || (p.Doc.Format != "srt" && p.Doc.Format != "webvtt") {
		return nil
	}
	base, _, ok := p.File.Fix.Span(c.TextSrc, false)
	if !ok {
		return nil
	}
	src := string(p.File.Fix.Bytes(c.TextSrc, false))
	at := rawToSource(c.Raw, src)
	if at == nil {
		return nil
	}
	prefix, kept := before.reopen(issues)
	if kept != nil && !reopensCleanly(prefix+c.Raw, strays(issues)-len(kept)) {
		return nil
	}
	var edits []rule.TextEdit
	if prefix != "" {
		edits = append(edits, rule.TextEdit{Start: base, End: base, New: prefix})
	}
	var closers []string
	for k, is := range issues {
		switch is.Kind {
		case markup.Misnested:
			return nil
		case markup.Stray:
			if !kept[k] {
				edits = append(edits, rule.TextEdit{Start: base + int64(at[is.Tag.Start]), End: base + int64(at[is.Tag.End])})
			}
		case markup.Unclosed:
			closers = append(closers, "</"+is.Tag.Written+">")
		}
	}
	if len(closers) > 0 {
		slices.Reverse(closers) // the last opened closes first
		end := base + int64(len(src))
		edits = append(edits, rule.TextEdit{Start: end, End: end, New: strings.Join(closers, "")})
	}
	return fixOf("balance the formatting tags of cue "+itoa(int64(c.Index)), edits)
}

// leftOpen holds the opening tags a cue left unclosed, in the order they
// were opened, as written ("<i>", "<c.yellow>").
type leftOpen struct {
	names, written []string
}

func leftOpenIn(raw string, issues []markup.Issue) leftOpen {
	var l leftOpen
	for _, is := range issues {
		if is.Kind == markup.Unclosed {
			l.names = append(l.names, is.Tag.Name)
			l.written = append(l.written, raw[is.Tag.Start:is.Tag.End])
		}
	}
	return l
}

// reopen matches the stray closers among issues with the tags left open
// (the innermost of a name first) and returns the opening tags to write
// at the start of the cue, in their first order, and which issues (by
// index) are kept; nil when none matches.
func (l leftOpen) reopen(issues []markup.Issue) (string, map[int]bool) {
	used := make([]bool, len(l.names))
	var kept map[int]bool
	for k, is := range issues {
		if is.Kind != markup.Stray {
			continue
		}
		for o := len(l.names) - 1; o >= 0; o-- {
			if !used[o] && l.names[o] == is.Tag.Name {
				used[o] = true
				if kept == nil {
					kept = map[int]bool{}
				}
				kept[k] = true
				break
			}
		}
	}
	var prefix strings.Builder
	for o, u := range used {
		if u {
			prefix.WriteString(l.written[o])
		}
	}
	return prefix.String(), kept
}

func strays(issues []markup.Issue) int {
	n := 0
	for _, is := range issues {
		if is.Kind == markup.Stray {
			n++
		}
	}
	return n
}

// reopensCleanly reports whether raw, the payload with the tags opened
// again, has no mis-nested tag and only the strays left to delete.
func reopensCleanly(raw string, strays int) bool {
	n := 0
	for _, is := range markup.Balance(raw) {
		switch is.Kind {
		case markup.Misnested:
			return false
		case markup.Stray:
			n++
		}
	}
	return n <= strays
}

// rawToSource maps each byte offset of a cue's Raw payload (lines joined
// by "\n") to the offset of the same byte in its source bytes, which may
// end lines with "\r\n"; nil when they differ otherwise.
func rawToSource(raw, src string) []int {
	at := make([]int, 0, len(raw)+1)
	j := 0
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\n' && j < len(src) && src[j] == '\r' {
			j++ // the CR of a CRLF (or a lone CR) the reader turned into "\n"
			if j < len(src) && src[j] == '\n' {
				at = append(at, j-1)
				j++
				continue
			}
			at = append(at, j-1)
			continue
		}
		if j >= len(src) || raw[i] != src[j] {
			return nil
		}
		at = append(at, j)
		j++
	}
	if j != len(src) {
		return nil
	}
	return append(at, j)
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
