package territory

import (
	"strings"

	"github.com/exportqc/exportqc/qc/lang"
)

// ClassOf returns the class tag belongs to: for each tag of its fallback
// chain in turn (lang.Fallback: the tag, its CLDR parents, its script
// forms, the bare language last), the first class listing it (the
// territory's own classes come before the built-in ones). Nil when no
// class claims any of them.
func (t *Territory) ClassOf(tag string) *Class {
	for _, c := range lang.Fallback(tag) {
		for i := range t.Classes {
			if t.Classes[i].Contains(c) {
				return &t.Classes[i]
			}
		}
	}
	return nil
}

// Satisfies reports whether a file whose language is actual meets a
// requirement for required, in this territory:
//
//   - the same tag always does;
//   - when either tag belongs to an equivalence class, they must belong to
//     the same one (zh-TW meets zh-Hant; zh-Hans never does; es-MX meets
//     es-419 but not es; fr-CA, in its own class, does not meet fr);
//   - otherwise a more specific form meets a less specific one (fr-FR and
//     fr-BE meet fr, ar-EG meets ar), never the reverse.
//
// A file without a language meets nothing.
func (t *Territory) Satisfies(required, actual string) bool {
	r, ok1 := lang.Normalize(required)
	a, ok2 := lang.Normalize(actual)
	if !ok1 || !ok2 {
		return false
	}
	if strings.EqualFold(r, a) {
		return true
	}
	cr, ca := t.ClassOf(r), t.ClassOf(a)
	if cr != nil || ca != nil {
		return cr == ca
	}
	for _, c := range lang.Fallback(a) {
		if strings.EqualFold(c, r) {
			return true
		}
	}
	return false
}

// LanguageName is a tag's English display name ("fr" → "French",
// "es-419" → "Latin American Spanish"), or the tag itself when CLDR has no
// name for it: messages say "French (fr)".
func LanguageName(tag string) string { return lang.Name(tag) }
