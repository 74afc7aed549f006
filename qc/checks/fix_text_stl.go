package checks

import (
	"bytes"
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/rule"
)

// stlTextFix is textFix for EBU STL: a single-block subtitle's text field
// is rewritten in place, the new characters in the file's code table and
// the field kept at 112 bytes by adding or dropping its unused-space
// padding (8Fh) at the field's end. Frames, cumulative status and every
// other byte stay. A fix that cannot be made so is declined with its
// reason, which the fix log shows with the finding.
func stlTextFix(p *rule.Pass, c *cue.Cue, j int, msg string, edit func(j int, text string) []textEdit) []rule.SuggestedFix {
	edits := lineEdits(c, j, edit)
	if edits == nil {
		return nil
	}
	if !c.TextSrc.Valid() {
		return declined("EBU STL: the subtitle spreads over extension blocks, whose text fields are not rewritten")
	}
	base, _, ok := p.File.Fix.Span(c.TextSrc, true)
	cct, known := stl.CodeTable(p.File.Fix.Data)
	if !ok || !known {
		return declined("EBU STL: the header names no code table the text could be written in")
	}
	field := p.File.Fix.Bytes(c.TextSrc, true)
	used := bytes.IndexByte(field, 0x8F)
	if used < 0 {
		used = len(field)
	}
	if bytes.Count(field[used:], []byte{0x8F}) != len(field)-used {
		return declined("EBU STL: the text field holds bytes after its unused-space padding; rewriting it would move them")
	}
	lines := stl.MapLines(field, cct)
	if !sameLines(lines, c.Lines) {
		return nil
	}
	// The field is rebuilt whole, then written as one edit from the first
	// changed byte to the last: it keeps its size, so fixes of other cues
	// (or of other lines of this one, when they do not overlap) apply with it.
	text, at := append([]byte(nil), field[:used]...), 0
	var rebuilt []byte
	for k, es := range edits {
		for _, e := range es {
			a, z, ok := lines[k].Place(e.from, e.to)
			if !ok {
				return nil // across a control code: as a tag in SRT
			}
			if a < at {
				return nil // overlapping edits, as the other formats refuse them
			}
			enc, r, ok := stl.EncodeText(e.s, cct)
			if !ok {
				return declined("EBU STL: code table " + twoDigits(cct) + " has no character for " + codePoint(r))
			}
			rebuilt = append(append(rebuilt, text[at:a]...), enc...)
			at = z
		}
	}
	rebuilt = append(rebuilt, text[at:]...)
	if len(rebuilt) > len(field) {
		return declined("EBU STL: the new text needs " + strconv.Itoa(len(rebuilt)-len(field)) +
			" byte(s) more than the block's 112-byte text field has")
	}
	rebuilt = append(rebuilt, bytes.Repeat([]byte{0x8F}, len(field)-len(rebuilt))...)
	from, to := 0, len(field)
	for from < to && field[from] == rebuilt[from] {
		from++
	}
	for to > from && field[to-1] == rebuilt[to-1] {
		to--
	}
	if from == to {
		return nil
	}
	return fixOf(msg, []rule.TextEdit{{Start: base + int64(from), End: base + int64(to), New: string(rebuilt[from:to])}})
}

func declined(reason string) []rule.SuggestedFix { return []rule.SuggestedFix{rule.Declined(reason)} }

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }
