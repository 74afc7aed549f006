package langcheck

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var (
	englishNames   = display.English.Languages()
	englishScripts = display.English.Scripts()
	englishRegions = display.English.Regions()
)

// languageName is the English name of a tag ("fr" → "French"), or the tag
// itself when CLDR has no name for it.
func languageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := englishNames.Name(t); n != "" {
		return n
	}
	return tag
}

// scriptName is "Traditional (Hant)" for Hant.
func scriptName(s language.Script) string {
	if n := englishScripts.Name(s); n != "" {
		return n + " (" + s.String() + ")"
	}
	return s.String()
}

// regionName is "Canada (CA)" for CA.
func regionName(r language.Region) string {
	if n := englishRegions.Name(r); n != "" {
		return n + " (" + r.String() + ")"
	}
	return r.String()
}
