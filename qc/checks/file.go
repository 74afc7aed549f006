package checks

import (
	"fmt"

	"github.com/exportqc/exportqc/qc/rule"
)

// File-level rules. They report what the engine recorded on rule.File while
// reading, decoding and sniffing the file (Facts rules), and the readers'
// diagnostics that carry no rule of their own (parse errors).
var (
	ParseError = &rule.Rule{
		Code: "E000", Name: "parse-error", Family: "file",
		Summary: "The file, or part of it, could not be read",
		Doc: "A file that cannot be opened, decoded or parsed, or a malformed cue inside an otherwise readable file. " +
			"Readers keep going after a bad cue, so every other cue is still checked; the finding names the line. " +
			"Fix the syntax at that line (or re-export the file from the authoring tool).",
		DefaultSeverity: rule.Error,
		Facts:           true,
		Run:             reportParseErrors,
	}
	NotUTF8 = &rule.Rule{
		Code: "E001", Name: "not-utf8", Family: "file",
		Summary: "The file is not encoded in UTF-8",
		Doc: "The file's bytes are UTF-16/32 or a legacy code page (GB18030, Big5, windows-125x). The content was decoded " +
			"with the detected encoding and checked normally; the finding says which encoding was detected and whether it " +
			"was declared by a byte-order mark or guessed. Most platforms require UTF-8: re-save the file as UTF-8.",
		DefaultSeverity: rule.Error,
		Facts:           true,
		Run:             reportNotUTF8,
	}
	ByteOrderMark = &rule.Rule{
		Code: "E002", Name: "byte-order-mark", Family: "file",
		Summary: "The file starts with a byte-order mark, or holds one where files were joined",
		Doc: "A BOM (U+FEFF) at the start of the file. Harmless to most players, rejected by some ingest systems; " +
			"the pack decides how much it matters. In SRT, a BOM starting a later line (a counter or timing line) is " +
			"where files were joined together, each with its mark: the line is read as if it were not there, but a " +
			"player that does not expect it may lose the cue. Each such line is reported.",
		DefaultSeverity: rule.Info,
		Facts:           true,
		Run:             reportBOM,
	}
)

// FormatNameMismatch is reported when a file's content is another format
// than its extension says (an MPL2 file named .srt, an SRT named .vtt).
var FormatNameMismatch = &rule.Rule{
	Code: "E003", Name: "format-name-mismatch", Family: "file",
	Summary: "The file's content is not the format its name says",
	Doc: "Formats are recognised from content; when that disagrees with the extension, the file is read as what its " +
		"content is and this finding says so. Players and ingest systems trust the extension: rename the file or " +
		"convert it.",
	DefaultSeverity: rule.Warning,
	Facts:           true,
	Run:             reportFormatNameMismatch,
}

var fileRules = []*rule.Rule{ParseError, NotUTF8, ByteOrderMark, FormatNameMismatch, NoCues, ControlCharacter}

// reportParseErrors reports what kept the file, or part of it, from being
// read: the engine's problems (cannot open, binary, unknown format, bytes
// that could not be decoded, a rule that failed) and the reader's
// diagnostics that name no rule.
func reportParseErrors(p *rule.Pass) {
	for _, pr := range p.File.Problems {
		p.Report(rule.Finding{Line: pr.Line, Message: pr.Message})
	}
	if p.Doc == nil {
		return
	}
	for _, d := range p.Doc.Diagnostics {
		if d.Rule == "" {
			reportDiagnostic(p, d)
		}
	}
}

func reportNotUTF8(p *rule.Pass) {
	f := p.File
	if f.Encoding == "" || f.Encoding == "UTF-8" {
		return
	}
	how := "detected from its byte-order mark"
	if f.EncodingGuessed {
		how = "guessed from its content"
	}
	p.Report(rule.Finding{Message: fmt.Sprintf("file is encoded in %s (%s), not UTF-8; it was decoded and checked", f.Encoding, how),
		Fixes: transcodeFix(p)})
}

func reportBOM(p *rule.Pass) {
	if p.File.BOM {
		p.Report(rule.Finding{Message: "file starts with a " + p.File.Encoding + " byte-order mark", Fixes: bomFix(p)})
	}
	if p.Doc == nil {
		return
	}
	for _, d := range p.Doc.Diagnostics {
		if d.Rule == p.Rule.Code {
			p.ReportDiagnosticFix(d, innerBOMFix(p, d.Offset)...)
		}
	}
}

func reportFormatNameMismatch(p *rule.Pass) {
	f := p.File
	if f.NamedFormat != "" && f.ContentFormat != "" && f.NamedFormat != f.ContentFormat {
		p.Report(rule.Finding{Message: fmt.Sprintf("file is named as %s but its content is %s", f.NamedFormat, f.ContentFormat)})
	}
}

// ControlCharacter reports, line by line, the C0 control characters the
// engine found while decoding a text subtitle file (rule.File.Controls):
// the file is still read by its format's reader.
var ControlCharacter = &rule.Rule{
	Code: "E005", Name: "control-character", Family: "file",
	Summary: "A line of a text subtitle file holds control characters",
	Doc: "NUL, vertical tab, form feed, escape, DEL and the other C0 control characters (tab, line feed and carriage " +
		"return excepted) are never displayed: players drop them, draw a replacement glyph, or stop reading the line at " +
		"a NUL. They usually come from a broken conversion or a copy from a binary source. The file is still read by its " +
		"format's reader; each finding names the line and the column of the first one (at most 20 lines are listed). " +
		"Remove them.",
	DefaultSeverity: rule.Warning,
	Facts:           true,
	Run:             reportControls,
}

func reportControls(p *rule.Pass) {
	for _, c := range p.File.Controls {
		p.Report(rule.Finding{Line: c.Line, Message: c.Message, More: c.More})
	}
}

// NoCues fails a subtitle file that has nothing to show: 0 bytes, only
// whitespace or a byte-order mark, a header and no cue, or nothing a reader
// could read. Checking zero cues would otherwise pass it.
var NoCues = &rule.Rule{
	Code: "E004", Name: "no-cues", Family: "file",
	Summary: "A subtitle file has no cue to show",
	Doc: "The file is empty (0 bytes, only whitespace or a byte-order mark), holds only a header (a WebVTT signature, " +
		"a TTML document with an empty body, an STL with only comment blocks), or no cue in it could be read (its parse " +
		"errors are reported as E000, untimed TTML text as P007). Image subtitles (IMSC image profile) are not read as " +
		"cues and do not count as empty. Every other rule passes on zero cues, so without this finding an empty delivery " +
		"would pass. Re-export the file from the authoring tool.",
	Run:             runNoCues,
	DefaultSeverity: rule.Error,
}

func runNoCues(p *rule.Pass) {
	if len(p.Doc.Displayed()) > 0 || p.Doc.Images > 0 {
		return // image subtitles are not read as cues, but they are subtitles
	}
	msg := "the file has no cue: nothing would be shown"
	switch {
	case len(p.Doc.Cues) > 0:
		msg = "the file has only comment subtitles: nothing would be shown"
	case len(p.Doc.Diagnostics) > 0:
		msg = "no cue could be read from the file (see its other findings)"
	}
	p.Report(rule.Finding{Message: msg})
}
