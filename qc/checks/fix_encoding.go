package checks

import (
	"bytes"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textenc"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// bomFix (E002) drops a UTF-8 byte-order mark. Another encoding's mark goes
// with E001's transcoding, which writes the text as UTF-8 (a mark kept as
// the UTF-8 one, for this fix to drop on the next pass).
func bomFix(p *rule.Pass) []rule.SuggestedFix {
	if !p.Fixing() || !bytes.HasPrefix(p.File.Fix.Data, utf8BOM) {
		return nil
	}
	return fixOf("drop the UTF-8 byte-order mark", []rule.TextEdit{{Start: 0, End: int64(len(utf8BOM))}})
}

// innerBOMFix (E002) drops a UTF-8 byte-order mark a reader found at
// offset at of the text, past its start (files joined together).
func innerBOMFix(p *rule.Pass, at int64) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	start, end, ok := p.File.Fix.Span(cue.Range{From: at, To: at + int64(len(utf8BOM))}, false)
	if !ok || end > int64(len(p.File.Fix.Data)) || !bytes.Equal(p.File.Fix.Data[start:end], utf8BOM) {
		return nil
	}
	return fixOf("drop the byte-order mark where files were joined", []rule.TextEdit{{Start: start, End: end}})
}

// transcodeFix (E001) rewrites the whole file as UTF-8 from the encoding
// that was detected. Not offered when bytes could not be decoded (the copy
// would lose them) or when an XML declaration names the old encoding (the
// copy would contradict it): those need a person.
func transcodeFix(p *rule.Pass) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	data := p.File.Fix.Data
	dec := textenc.Decode(data)
	if dec.Encoding == "UTF-8" || dec.Invalid > 0 || declaresEncoding(dec.Text) {
		return nil
	}
	text := dec.Text
	if dec.BOM {
		text = "\ufeff" + text
	}
	return fixOf("transcode from "+dec.Encoding+" to UTF-8", []rule.TextEdit{{Start: 0, End: int64(len(data)), New: text}})
}

// declaresEncoding reports an XML declaration naming an encoding.
func declaresEncoding(text string) bool {
	head := text
	if len(head) > 256 {
		head = head[:256]
	}
	return bytes.Contains([]byte(head), []byte("<?xml")) && bytes.Contains([]byte(head), []byte("encoding="))
}
