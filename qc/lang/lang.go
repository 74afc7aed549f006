// Package lang canonicalises BCP-47 language tags and finds the language a
// subtitle file's name declares.
package lang

import (
	"path/filepath"
	"strings"

	"golang.org/x/text/language"
)

// Canonical parses a BCP-47 tag (also accepting "_" for "-", as in "pt_BR")
// and returns its canonical form: "en-us" → "en-US", "iw" → "he",
// "zh-cmn-Hans" → "cmn-Hans". Deprecated is true when the input used a
// deprecated or legacy code that canonicalisation replaced.
func Canonical(raw string) (tag string, deprecated bool, err error) {
	s := strings.ReplaceAll(strings.TrimSpace(raw), "_", "-")
	t, err := language.Parse(s)
	if err != nil {
		return "", false, err
	}
	tag = t.String()
	base := strings.ToLower(strings.SplitN(s, "-", 2)[0])
	switch base {
	case "iw", "in", "ji", "jw", "mo", "tl":
		deprecated = base != "tl" // tl (Tagalog) is current; fil is preferred only by some
	}
	return tag, deprecated, nil
}

// kindWords are name parts that describe the subtitle kind, not its language.
var kindWords = map[string]bool{
	"forced": true, "sdh": true, "cc": true, "hi": false, "fn": true, "full": true, "subs": true, "sub": true,
	"subtitles": true, "captions": true, "default": true,
}

// FromFileName finds a language tag in a file name: the last dot- or
// underscore-separated part before the extension that is a valid, known
// BCP-47 tag ("Title_S01E01.fr.srt", "Title_S01E01_fr-FR.vtt",
// "Title.S01E01.zh-Hans.forced.ttml"). Parts describing the kind (forced,
// sdh, cc) are skipped. Returns "" when no part is a language.
func FromFileName(path string) string {
	name := filepath.Base(path)
	name = strings.TrimSuffix(name, filepath.Ext(name))
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '.' || r == '_' || r == ' ' })
	if len(parts) < 2 {
		return "" // a bare "gap.srt" or "fr.srt" names content, not a language of a title
	}
	for i := len(parts) - 1; i >= 0 && i >= len(parts)-3; i-- {
		p := parts[i]
		if kindWords[strings.ToLower(p)] {
			continue
		}
		// "pt_BR": an underscore split a region or script off its language.
		if i > 0 && subtagAfterUnderscore(p) && plausibleTag(parts[i-1]) {
			if tag, _, err := Canonical(parts[i-1] + "-" + p); err == nil {
				return tag
			}
		}
		if !plausibleTag(p) {
			return ""
		}
		if tag, _, err := Canonical(p); err == nil {
			return tag
		}
		return ""
	}
	return ""
}

// plausibleTag keeps ordinary words out: a language tag here starts with a
// 2-3 letter primary subtag ("fr", "fil", "zh-Hans"), all letters/digits.
func plausibleTag(p string) bool {
	first := p
	if i := strings.IndexByte(p, '-'); i >= 0 {
		first = p[:i]
	}
	if len(first) < 2 || len(first) > 3 {
		return false
	}
	for _, r := range p {
		if !(r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// subtagAfterUnderscore recognises a region ("BR", "419") or script ("Hans")
// subtag written as its own underscore-separated part.
func subtagAfterUnderscore(p string) bool {
	switch len(p) {
	case 2:
		return p[0] >= 'A' && p[0] <= 'Z' && p[1] >= 'A' && p[1] <= 'Z'
	case 3:
		return p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9'
	case 4:
		return p[0] >= 'A' && p[0] <= 'Z' && strings.ToLower(p[1:]) == p[1:]
	}
	return false
}
