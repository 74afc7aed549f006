package stl

import "github.com/exportqc/exportqc/qc/rule"

// Rule codes of the findings the reader emits as cue.Diagnostics. They are
// stable: packs and suppressions refer to them.
const (
	CodeHeaderInvalid        = "S001"
	CodeBlockCountMismatch   = "S002"
	CodeRowTooLong           = "S003"
	CodeCueBeforeProgramme   = "S004"
	CodeUnknownFrameRate     = "S005"
	CodeTruncated            = "S006"
	CodeTooManyRows          = "S007"
	CodeTimecodeInvalid      = "S008"
	CodeNonstandardFrameRate = "S009"
)

// Rules describes the STL findings for the rule registry. Run is nil: the
// findings come from the reader's Diagnostics, which carry these codes.
var Rules = []*rule.Rule{
	{
		Code: CodeHeaderInvalid, Name: "stl-header-invalid", Family: "stl",
		Summary: "A GSI header field holds a value EBU Tech 3264 does not allow",
		Doc: "Checks the General Subtitle Information block: code page number (CPN: 437, 850, 860, 863 " +
			"or 865), disk format code syntax (DFC), display standard code (DSC: blank, 0, 1 or 2), " +
			"character code table (CCT: 00-04), language code (LC: two hex digits), time code status " +
			"(TCS: 0 or 1), the start-of-programme and first-cue timecodes (TCP, TCF: HHMMSSFF in range), " +
			"the numeric fields TNB, TNS, TNG, MNC, MNR, TND, DSN, and the dates CD and RD (YYMMDD). " +
			"An ingest system may reject the file or misread it; the reader falls back to code page 850 " +
			"and the Latin table for unknown CPN/CCT. Fix the header in the subtitling tool's export settings.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeBlockCountMismatch, Name: "stl-block-count-mismatch", Family: "stl",
		Summary: "TNB, TNS or TNG in the header disagree with the blocks in the file",
		Doc: "TNB must equal the number of TTI blocks, TNS the number of subtitles (extension blocks " +
			"joined, user-data blocks not counted) and TNG the number of distinct subtitle groups (SGN). " +
			"A mismatch means the file was cut, padded or edited by hand, and some players stop reading " +
			"at TNB blocks. Re-export the file.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeRowTooLong, Name: "stl-row-too-long", Family: "stl",
		Summary: "A subtitle row has more characters than the header's MNC allows",
		Doc: "MNC (maximum number of displayable characters in any text row) bounds every row. A row is " +
			"counted in Unicode characters after control codes are removed and the padding spaces at its " +
			"ends are trimmed, i.e. the text a viewer reads; teletext attribute cells are not counted. " +
			"Comment subtitles (CF=1) are not checked. Longer rows are cut or wrapped by the inserter. " +
			"Shorten or re-break the row.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeCueBeforeProgramme, Name: "stl-cue-before-programme", Family: "stl",
		Summary: "Subtitles start before the start-of-programme timecode TCP",
		Doc: "Unless the header's time code status says the timecodes are not intended for use (TCS=0), " +
			"a subtitle whose in-time (TCI) is earlier than TCP lies outside the programme: it is usually " +
			"a file timed from 00:00:00:00 against a programme starting at 10:00:00:00, or the reverse. " +
			"Reported once per file, at the first such subtitle, with the count. Empty and comment " +
			"subtitles are ignored. Check TCP against the video and re-time or fix the header.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeUnknownFrameRate, Name: "stl-unknown-frame-rate", Family: "stl",
		Summary: "The disk format code (DFC) names no frame rate we know",
		Doc: "Timecode frames can only be turned into time with the frame rate the DFC declares " +
			"(STL25.01, STL30.01 and the common non-standard STL23.01, STL24.01, STL29.01, STL48.01, " +
			"STL50.01, STL60.01). For any other value the reader computes times at 25 fps so that " +
			"other checks can run, declares no frame rate, and reports this finding: every time in the " +
			"report may be wrong. Set the DFC in the export settings.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeTruncated, Name: "stl-truncated", Family: "stl",
		Summary: "The file size is not 1024 + n*128 bytes",
		Doc: "An STL file is a 1024-byte GSI block followed by 128-byte TTI blocks. Extra or missing bytes " +
			"mean a truncated transfer or trailing garbage; the incomplete block is ignored.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeTooManyRows, Name: "stl-too-many-rows", Family: "stl",
		Summary: "A subtitle has more rows than the header's MNR allows",
		Doc: "MNR (maximum number of displayable rows) bounds the rows of a subtitle. Rows are counted " +
			"after runs of CR/LF codes are collapsed and empty rows dropped. Comment subtitles are not " +
			"checked.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeTimecodeInvalid, Name: "stl-timecode-invalid", Family: "stl",
		Summary: "A TTI in-time or out-time is not a valid timecode at the file's frame rate",
		Doc: "TCI and TCO are four bytes HH MM SS FF; minutes and seconds must be below 60, hours " +
			"below 24 and frames below the nominal frame rate (25 for STL25.01). Such times are still " +
			"converted (frame 27 at 25 fps is 1.08 s) but players disagree about them.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeNonstandardFrameRate, Name: "stl-nonstandard-frame-rate", Family: "stl",
		Summary: "The disk format code is not one of the two EBU Tech 3264 defines",
		Doc: "Tech 3264 defines only STL25.01 and STL30.01. STL23.01, STL24.01, STL29.01, STL48.01, " +
			"STL50.01 and STL60.01 are written by some tools and read here at the rate they name, but a " +
			"strict ingest rejects them. Deliver at 25 or 30 fps if the recipient follows the spec.",
		DefaultSeverity: rule.Info,
	},
}
