package scc

import "github.com/exportqc/exportqc/qc/rule"

// Rule codes of the CEA-608 findings this reader reports as diagnostics.
// They are stable: packs and waivers refer to them.
const (
	CodeRowTooLong       = "C001"
	CodeTooManyRows      = "C002"
	CodeBadRowPlacement  = "C003"
	CodeMixedTimecode    = "C004"
	CodeInvalidCode      = "C005"
	CodeNeverShown       = "C006"
	CodeTimecodeOrder    = "C007"
	CodeNeverErased      = "C008"
	CodeOtherChannelData = "C009"
)

// Rules are the SCC-specific rules. Their findings come from the reader's
// diagnostics (Run is nil); the integrator registers them with the others.
var Rules = []*rule.Rule{
	{
		Code: CodeRowTooLong, Name: "608-row-too-long", Family: "scc",
		Summary: "A caption row holds more than 32 characters",
		Doc: "CEA-608 rows are 32 columns wide. A decoder keeps overwriting the last column once the cursor reaches " +
			"it, so everything past the 32nd character is lost on air. The cue keeps the full text as sent so that " +
			"you can see what was meant; re-break the caption into more rows or shorten it.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeTooManyRows, Name: "608-too-many-rows", Family: "scc",
		Summary: "More than 4 caption rows are displayed at once",
		Doc: "CEA-608 allows at most four rows of captions on screen at a time (and most style guides ask for " +
			"fewer). Split the caption, or erase rows before adding new ones.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeBadRowPlacement, Name: "608-bad-row-placement", Family: "scc",
		Summary: "A caption is placed outside the 15x32 caption grid",
		Doc: "A preamble address code that names no valid row, a roll-up base row too high for the roll-up depth " +
			"(RU3 on row 1 has no room for the rows above), or an indent or tab offset that pushes text past " +
			"column 32. Decoders clip or move such text. Choose a row and indent that keep the whole caption on " +
			"the grid.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeMixedTimecode, Name: "608-mixed-timecode", Family: "scc",
		Summary: "Drop-frame and non-drop-frame timecodes are mixed in one file",
		Doc: "SCC timecodes are either all drop-frame (HH:MM:SS;FF) or all non-drop-frame (HH:MM:SS:FF). A file " +
			"mixing both has been edited by hand or concatenated; the two kinds drift apart by 3.6 s an hour, so " +
			"some captions are mistimed. Re-export the file with one timecode mode.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeInvalidCode, Name: "608-invalid-code", Family: "scc",
		Summary: "A word is not valid CEA-608 data",
		Doc: "A word that is not four hex digits, a control code CEA-608 does not define, a byte pair that " +
			"mixes a control byte into text, or bytes without odd parity (reported once per file). Decoders " +
			"drop such data, and what follows may be decoded differently from what was intended.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeNeverShown, Name: "608-caption-never-shown", Family: "scc",
		Summary: "A pop-on caption is loaded but never displayed",
		Doc: "Text was loaded into non-displayed memory (pop-on) and then erased (ENM, or a switch to roll-up) or " +
			"the file ended, with no End Of Caption (EOC) to display it. The viewer never sees that caption. Add the " +
			"missing EOC.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeTimecodeOrder, Name: "608-timecode-not-increasing", Family: "scc",
		Summary: "A timecode is not later than the one before it",
		Doc: "SCC lines must be in increasing timecode order, each after the previous line's data has been sent " +
			"(one word per frame). Encoders inserting the file either reorder or drop such data.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeNeverErased, Name: "608-caption-never-erased", Family: "scc",
		Summary: "A caption is still on screen at the end of the file",
		Doc: "No Erase Displayed Memory (EDM) follows the last caption, so it stays on screen after the programme " +
			"(or until the next programme's captions). Its end time in the report is the end of the file's data. " +
			"Add an EDM where the caption should disappear.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeOtherChannelData, Name: "608-other-channel-data", Family: "scc",
		Summary: "The file carries data for caption channels other than CC1",
		Doc: "Only CC1 (field 1, channel 1) is decoded and checked. Data for CC2 (or text-service data) is counted " +
			"and skipped; check it separately if it is meant to be delivered.",
		DefaultSeverity: rule.Info,
	},
}
