package langcheck

import (
	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/lang"
)

// Display names come from package lang, the one home of language tags.

// languageName is the English name of a tag's language ("fr" → "French"),
// or the tag itself when CLDR has no name for it.
func languageName(tag string) string { return lang.LanguageName(tag) }

// scriptName is "Traditional (Hant)" for Hant.
func scriptName(s language.Script) string { return lang.ScriptName(s) }

// regionName is "Canada (CA)" for CA.
func regionName(r language.Region) string { return lang.RegionName(r) }
