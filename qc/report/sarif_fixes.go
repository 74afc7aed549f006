package report

import (
	"encoding/base64"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/rule"
)

// SARIF fixes (§3.55): a finding's suggested fixes as replacements of byte
// ranges of its file, so viewers can offer them. Only present when the run
// built fixes (check --fixes).
type (
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifByteRegion `json:"deletedRegion"`
		InsertedContent *sarifContent   `json:"insertedContent,omitempty"`
	}
	sarifByteRegion struct {
		ByteOffset int64 `json:"byteOffset"`
		ByteLength int64 `json:"byteLength"`
	}
	sarifContent struct {
		Text   *string `json:"text,omitempty"`
		Binary string  `json:"binary,omitempty"`
	}
)

func sarifFixes(f *rule.Finding) []sarifFix {
	if len(f.Fixes) == 0 || f.File == "" {
		return nil
	}
	out := make([]sarifFix, 0, len(f.Fixes))
	for _, fx := range f.Fixes {
		change := sarifArtifactChange{ArtifactLocation: artifactLocation(f.File)}
		for _, e := range fx.Edits {
			r := sarifReplacement{DeletedRegion: sarifByteRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start}}
			switch {
			case e.New == "":
			case utf8.ValidString(e.New):
				s := e.New
				r.InsertedContent = &sarifContent{Text: &s}
			default: // EBU STL timecode bytes
				r.InsertedContent = &sarifContent{Binary: base64.StdEncoding.EncodeToString([]byte(e.New))}
			}
			change.Replacements = append(change.Replacements, r)
		}
		out = append(out, sarifFix{Description: sarifText{Text: fx.Message}, ArtifactChanges: []sarifArtifactChange{change}})
	}
	return out
}
