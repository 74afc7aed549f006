package webvtt

import "github.com/exportqc/exportqc/qc/rule"

// Rule codes of the findings the reader emits as cue.Diagnostics with a
// code of their own (the others are E000). They are stable: packs and
// waivers refer to them.
const (
	CodeLegacySetting = "V001"
)

// Rules describes the WebVTT findings for the rule registry. Run is nil:
// the findings come from the reader's Diagnostics, which carry these codes.
var Rules = []*rule.Rule{
	{
		Code: CodeLegacySetting, Name: "webvtt-legacy-setting", Family: "webvtt",
		Summary: "Cue settings or header lines use spellings that current WebVTT renamed or dropped",
		Doc: "The WebVTT drafts of 2012-2015 wrote align:middle, position:X%,middle (and ,start/,end), " +
			"line:X,middle and \"Region:\" header lines; the W3C recommendation renamed them align:center, " +
			"position:X%,center (,line-left/,line-right), line:X,center and REGION blocks. Tools of that era " +
			"(Netflix's WebVTT exports among them) still write the old spellings. Players that follow the " +
			"current spec ignore such a setting, which moves the cue only where the old value meant something " +
			"other than the default. Reported once per file with a count per spelling and the first line: it " +
			"is one fix in the export settings, not a defect per cue.",
		DefaultSeverity: rule.Warning,
	},
}
