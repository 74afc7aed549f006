package fix

import (
	"bytes"

	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textenc"
)

// The encoding findings (E001, E002) are made by the engine from the
// decoding layer, not by a rule pass; their fixes are built here, from the
// file's bytes.

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// encodingFix returns the fix for an E001 or E002 finding on data, if any.
// keepBOM says whether a transcoded file keeps a byte-order mark (it does
// unless E002 is being fixed too).
func encodingFix(code string, data []byte, keepBOM bool) []rule.SuggestedFix {
	switch code {
	case "E002":
		if bytes.HasPrefix(data, utf8BOM) {
			return []rule.SuggestedFix{{Message: "drop the UTF-8 byte-order mark", Edits: []rule.TextEdit{{Start: 0, End: 3}}}}
		}
	case "E001":
		dec := textenc.Decode(data)
		if dec.Encoding == "UTF-8" || dec.Invalid > 0 || declaresEncoding(dec.Text) {
			return nil
		}
		text := dec.Text
		if dec.BOM && keepBOM {
			text = "\ufeff" + text
		}
		return []rule.SuggestedFix{{Message: "transcode from " + dec.Encoding + " to UTF-8",
			Edits: []rule.TextEdit{{Start: 0, End: int64(len(data)), New: text}}}}
	}
	return nil
}

// declaresEncoding reports an XML declaration naming an encoding: the
// transcoded copy would contradict it, so it is left for a person.
func declaresEncoding(text string) bool {
	head := text
	if len(head) > 256 {
		head = head[:256]
	}
	return bytes.Contains([]byte(head), []byte("<?xml")) && bytes.Contains([]byte(head), []byte("encoding="))
}
