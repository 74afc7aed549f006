package delivery

import (
	"strings"

	"golang.org/x/text/language"
)

// CanonicalLanguage returns the canonical BCP-47 form of raw ("EN" → "en",
// "nl-nl" → "nl-NL", "zh-hans" → "zh-Hans", deprecated "iw" → "he") and
// whether raw is a well-formed tag. Macrolanguages are kept as written
// (cmn stays cmn): which tags count as equivalent is rule policy, not the
// reader's.
func CanonicalLanguage(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", false
	}
	// ISO 639-2 style "und"/"zxx" parse fine; underscores are a common
	// mistake in file names and manifests ("pt_BR"): accept them.
	t, err := language.Deprecated.Parse(strings.ReplaceAll(raw, "_", "-"))
	if err != nil {
		return "", false
	}
	return t.String(), true
}
