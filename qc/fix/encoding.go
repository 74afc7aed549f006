package fix

import "github.com/exportqc/exportqc/qc/textenc"

// Skipped is a file whose findings no fix could be placed in, and why.
type Skipped struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Fixes are placed on a file's bytes through its decoded text, which maps
// onto them one to one only in UTF-8. A file in a legacy code page or
// UTF-16 gets its other fixes in the passes after E001 has transcoded it
// (they read the UTF-8 copy); when that did not happen, the file says so
// once, rather than keep its findings without a word.
func encodingNote(f *fileState, rules map[string]bool) (Skipped, bool) {
	switch f.encoding {
	case "", "binary", textenc.UTF8:
		return Skipped{}, false
	}
	if f.passes > 0 || !anyFixable(f, rules) {
		return Skipped{}, false // transcoded, or nothing else was asked for
	}
	why := "the file is " + f.encoding + "; fixes need UTF-8: fix E001 too"
	switch _, dropped := f.blocked["E001"]; {
	case !rules["E001"]:
	case dropped:
		why = "the file is " + f.encoding + " and its transcoding (E001) was dropped; the other fixes need UTF-8"
	default:
		why = "the file is " + f.encoding + " and E001 offers no transcoding (bytes that do not decode, " +
			"or an XML declaration naming the encoding); the other fixes need UTF-8"
	}
	return Skipped{File: f.path, Reason: why}, true
}

// anyFixable reports a finding, not waived, of a selected rule other than E001.
func anyFixable(f *fileState, rules map[string]bool) bool {
	for _, fd := range f.findings {
		if fd.Waived == nil && rules[fd.Rule] && fd.Rule != "E001" {
			return true
		}
	}
	return false
}
