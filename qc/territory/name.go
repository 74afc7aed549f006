package territory

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var englishNames = display.English.Tags()

func displayName(t language.Tag) string { return englishNames.Name(t) }
