package langcheck

// Severity hints a Problem carries. The pack decides a rule's severity; the
// hint says when a problem is milder than the rule's default (a deprecated
// code that still names the right language is a warning, not an error).
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Problem is one finding about language tags (G001, G004).
type Problem struct {
	Rule     string // "G001", "G004"
	Severity string // SeverityError, SeverityWarning or SeverityInfo
	Message  string
}

// Mismatch says that a file's text does not match its declared language
// (G002) or script (G003). Its fields back an honest message: what was
// declared, what was found, on how much text and how sure the check is.
type Mismatch struct {
	Rule     string // "G002" or "G003"
	Declared string // canonical declared tag
	// Detected is what the text is in: a BCP-47 language ("fr", "ja") for
	// G002, "Hans" or "Hant" for G003.
	Detected string
	// Basis is how it was found: "script" (the letters are in another
	// writing system), "identifier" (the trigram language identifier) or
	// "characters" (G003: Simplified-only/Traditional-only characters).
	Basis string
	// Confidence is 0..1: for "identifier" the share of the text samples
	// the identifier read as Detected (or a close relative); for "script"
	// and "characters" the share of the evidence (letters, script-specific
	// characters) that points away from the declaration.
	Confidence float64
	// Letters is the amount of text judged: for G002 running letters
	// ("identifier") or all letters / CJK characters ("script"); for G003
	// script-specific characters.
	Letters int
	// Examples are a few characters of the other script (G003 only).
	Examples []rune
	Message  string
}
