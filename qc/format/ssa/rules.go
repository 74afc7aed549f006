package ssa

import "github.com/exportqc/exportqc/qc/rule"

// Rule codes of the SSA/ASS findings this reader reports as diagnostics.
const (
	CodeStyleUndefined = "A001"
	CodeFormatMismatch = "A002"
	CodeInvalidLine    = "A003"
	CodeFieldInvalid   = "A004"
)

// Rules are the SSA/ASS-specific rules. Their findings come from the
// reader's diagnostics (Run is nil); the integrator registers them.
var Rules = []*rule.Rule{
	{
		Code: CodeStyleUndefined, Name: "ssa-style-undefined", Family: "ssa",
		Summary: "A Dialogue line uses a style that is not defined",
		Doc: "The Style field names no Style line of [V4+ Styles]/[V4 Styles]. Renderers (libass, VSFilter) " +
			"then draw the line in the Default style, so font, size, colour and position are not what the author " +
			"chose. Leading '*' characters are ignored and \"Default\" is matched in any case, as renderers do; " +
			"\"Default\" itself is never reported, since renderers always have one. Reported once per style name, " +
			"at its first use, with the number of lines using it. Define the style or correct the name.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeFormatMismatch, Name: "ssa-format-mismatch", Family: "ssa",
		Summary: "A Style or Dialogue line does not match its section's Format line",
		Doc: "Each Style and Dialogue line is read field by field against the Format: line of its section. A line " +
			"with fewer fields than the Format line declares cannot be read (the event is lost); a Style line with " +
			"more fields is read up to the declared count and the rest is ignored; a section without a Format " +
			"line, or an [Events] Format line that does not end with Text, leaves its lines unreadable. Re-save " +
			"the script from the authoring tool, or fix the Format line.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeInvalidLine, Name: "ssa-invalid-line", Family: "ssa",
		Summary: "A line is not understood and is ignored",
		Doc: "A line that is not a \"Key: value\" line, a comment or a section header (for example stray text, " +
			"or a section header preceded by a byte-order mark in the middle of the file), or a section whose " +
			"name is not a standard SSA/ASS section. Renderers ignore it; check that nothing meant to be shown " +
			"is in it.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeFieldInvalid, Name: "ssa-field-invalid", Family: "ssa",
		Summary: "A Dialogue field has a value renderers must guess at",
		Doc: "A Layer that is not an integer (blank, \"a\", \"1.1\"): libass and ffmpeg read its leading integer, " +
			"or 0, and show the event, so the event is kept and read the same way; other tools may reject the line " +
			"or the file. Write the layer as an integer.",
		DefaultSeverity: rule.Warning,
	},
}
