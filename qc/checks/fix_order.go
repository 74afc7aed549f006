package checks

import (
	"bytes"
	"sort"
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// reorderFix sorts an SRT file's cues by in-time and renumbers them 1..n
// (T007): one edit rewriting the cue blocks, each block's own bytes kept
// (only its counter line is rewritten), the blocks separated by one blank
// line in the file's line ending. Offered only when nothing but blank lines
// lies between the blocks, so no stray text can be lost or moved.
func reorderFix(p *rule.Pass) []rule.SuggestedFix {
	if !p.Fixing() || p.Doc.Format != "srt" {
		return nil
	}
	type reorderKey struct{}
	return p.Memo(reorderKey{}, func() any { return buildReorder(p) }).([]rule.SuggestedFix)
}

func buildReorder(p *rule.Pass) []rule.SuggestedFix {
	cues := p.Doc.Cues
	if len(cues) < 2 {
		return nil
	}
	data := p.File.Fix.Data
	type block struct{ from, to int64 }
	blocks := make([]block, len(cues))
	for i := range cues {
		c := &cues[i]
		end := max(c.EndSrc.To, c.TextSrc.To)
		a, b, ok := p.File.Fix.Span(cue.Range{From: c.Offset, To: end}, false)
		if !ok || !c.EndSrc.Valid() {
			return nil
		}
		blocks[i] = block{a, b}
		if i > 0 && (blocks[i-1].to > a || len(bytes.Trim(data[blocks[i-1].to:a], " \t\r\n")) > 0) {
			return nil
		}
	}
	eol := []byte("\n")
	switch {
	case bytes.Contains(data, []byte("\r\n")):
		eol = []byte("\r\n")
	case !bytes.Contains(data, []byte("\n")) && bytes.Contains(data, []byte("\r")):
		eol = []byte("\r")
	}
	order := make([]int, len(cues))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cues[order[a]].Start < cues[order[b]].Start })
	var out []byte
	for k, i := range order {
		if k > 0 {
			out = append(append(out, eol...), eol...)
		}
		b := data[blocks[i].from:blocks[i].to]
		out = strconv.AppendInt(out, int64(k+1), 10)
		if cues[i].ID != "" {
			// Replace the counter line: keep its terminator.
			if j := bytes.IndexAny(b, "\r\n"); j >= 0 {
				b = b[j:]
			} else {
				b = nil
			}
		} else {
			out = append(out, eol...)
		}
		out = append(out, b...)
	}
	first, last := blocks[0].from, blocks[len(blocks)-1].to
	if bytes.Equal(out, data[first:last]) {
		return nil
	}
	return fixOf("sort the cues by in-time and number them 1.."+itoa(int64(len(cues))),
		[]rule.TextEdit{{Start: first, End: last, New: string(out)}})
}
