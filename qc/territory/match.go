package territory

import (
	"strings"

	"github.com/exportqc/exportqc/qc/lang"
)

// Canonical returns the canonical form of a BCP-47 tag ("zh-hant" →
// "zh-Hant", "pt_BR" → "pt-BR") and whether it is well formed (lang.Normalize).
// Macrolanguages stay as written (cmn-Hans is not folded into zh-Hans):
// equivalence is the classes' job, where a pack can see and cite it.
func Canonical(tag string) (string, bool) { return lang.Normalize(tag) }

// Candidates lists, most specific first, the tags that can stand for a
// file's language: the fallback chain of lang.Fallback (the tag, its CLDR
// parents, its script forms, the bare language last).
func Candidates(tag string) []string { return lang.Fallback(tag) }

// ClassOf returns the class tag belongs to: for each of its candidates in
// turn, the first class listing it (the territory's own classes come before
// the built-in ones). Nil when no class claims any candidate.
func (t *Territory) ClassOf(tag string) *Class {
	for _, c := range Candidates(tag) {
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
	r, ok1 := Canonical(required)
	a, ok2 := Canonical(actual)
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
	for _, c := range Candidates(a) {
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
