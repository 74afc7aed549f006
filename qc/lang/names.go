package lang

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var (
	tagNames      = display.English.Tags()
	languageNames = display.English.Languages()
	scriptNames   = display.English.Scripts()
	regionNames   = display.English.Regions()
)

// Name is a tag's English display name, region included ("fr" → "French",
// "es-419" → "Latin American Spanish", "zh-TW" → "Chinese (Taiwan)"), or
// the tag itself when CLDR has no name for it: messages say "French (fr)".
func Name(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := tagNames.Name(t); n != "" {
		return n
	}
	return tag
}

// LanguageName is the English name of a tag's language, without a region
// that has no name of its own ("zh-TW" → "Chinese", "fr-CA" → "Canadian
// French"), or the tag itself when CLDR has no name for it.
func LanguageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := languageNames.Name(t); n != "" {
		return n
	}
	return tag
}

// ScriptName is "Traditional (Hant)" for Hant.
func ScriptName(s language.Script) string {
	if n := scriptNames.Name(s); n != "" {
		return n + " (" + s.String() + ")"
	}
	return s.String()
}

// RegionName is "Canada (CA)" for CA.
func RegionName(r language.Region) string {
	if n := regionNames.Name(r); n != "" {
		return n + " (" + r.String() + ")"
	}
	return r.String()
}
