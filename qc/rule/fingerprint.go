package rule

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// fingerprintRecipe is hashed first, so a change of recipe can never make an
// old baseline or waiver match a different finding by accident: bump it
// whenever what goes into the hash changes.
const fingerprintRecipe = "exportqc-finding-v1"

// Fingerprint identifies a finding across runs: the same problem in the same
// place gets the same 16 hex digits (the first 8 bytes of a SHA-256) in every
// run, for any worker count, and after unrelated edits elsewhere in the file.
// Baselines and fingerprint waivers compare these; SARIF publishes them.
//
// What goes in, and why:
//
//   - the rule code;
//   - the file path as reported, in slash form and cleaned, so a baseline
//     made on Windows matches on Linux; the path is not made absolute, so
//     the baseline must be made from the same directory with the same
//     arguments;
//   - the cue's start timecode at millisecond precision, when the finding
//     has one. Not the cue index or source line: inserting a cue above
//     shifts both, and a retimed cue is a different cue. Millisecond
//     precision is what the JSON report keeps, so a fingerprint recomputed
//     from a saved report equals the live one;
//   - the message's shape: the message with every number replaced by '#'
//     (see MessageShape). The words say what kind of problem it is; the
//     numbers are measurements (a reading speed, a duration), thresholds set
//     by packs, and cue or line references, none of which should make an
//     accepted problem new. So a cue whose text is edited but still reads
//     too fast keeps its fingerprint (a waiver granted for that cue keeps
//     holding), while tightening a pack's max_cps does not invalidate the
//     baseline. Text a message quotes is kept: it says which problem.
//
// Findings without a start time (parse errors outside cues, file-level
// problems) are identified by rule, file and shape only: same-shaped ones
// in a file share a fingerprint, and baselines count them (Baseline.New).
// Several findings on one cue with the same shape (line 1 and line 2 too
// long) share one too; a fingerprint waiver covers them all.
func Fingerprint(f *Finding) string {
	var buf [256]byte
	b := append(buf[:0], fingerprintRecipe...)
	b = append(b, 0)
	b = append(b, f.Rule...)
	b = append(b, 0)
	b = append(b, SlashPath(f.File)...)
	b = append(b, 0)
	if f.Start != nil {
		b = cue.Time(*f.Start).AppendTimecode(b)
	}
	b = append(b, 0)
	b = AppendMessageShape(b, f.Message)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// SlashPath is the form of a finding's path that fingerprints and waiver
// globs see: backslashes become slashes (reports made on Windows), and the
// path is cleaned ("./a/../b.srt" is "b.srt"). "" stays "".
func SlashPath(p string) string {
	if p == "" {
		return ""
	}
	return path.Clean(strings.ReplaceAll(p, `\`, "/"))
}

// MessageShape replaces every number in msg with '#': a run of digits, and
// digit groups joined by '.', ',' or ':' (decimals, "1,5", timecodes), so
// "reading speed 21.3 characters/s" and "reading speed 19.8 characters/s"
// have the same shape.
func MessageShape(msg string) string { return string(AppendMessageShape(nil, msg)) }

// AppendMessageShape appends the shape of msg to dst.
func AppendMessageShape(dst []byte, msg string) []byte {
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if !isDigit(c) {
			dst = append(dst, c)
			continue
		}
		dst = append(dst, '#')
		for i+1 < len(msg) {
			n := msg[i+1]
			if isDigit(n) || ((n == '.' || n == ',' || n == ':') && i+2 < len(msg) && isDigit(msg[i+2])) {
				i++
				continue
			}
			break
		}
	}
	return dst
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
